import { Duration } from 'aws-cdk-lib';
import { AlertSeverity } from './alert-severity';

/**
 * One multiwindow burn-rate alert: it fires when the error ratio over both the long and the
 * short window is above `burnRate × (1 − objective)`.
 */
export interface BurnRateAlert {
  /** Page or ticket: decides which of the set's top-level alarms this pair feeds. */
  readonly severity: AlertSeverity;
  /**
   * The window that measures how much budget was spent. Becomes the period of one metric-math
   * alarm, so it must be 10, 20 or 30 seconds or a multiple of a minute, and at most 7 days.
   */
  readonly longWindow: Duration;
  /**
   * The window that confirms the burn is still going on, so the alert resets soon after a fix.
   *
   * @default - one twelfth of `longWindow` (the Workbook's ratio)
   */
  readonly shortWindow?: Duration;
  /**
   * How many times faster than "exactly spend the budget over the SLO window" errors must arrive.
   * Used as given, for every SLO of the set, whatever its window.
   */
  readonly burnRate: number;
}
