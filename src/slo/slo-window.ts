import { Duration } from 'aws-cdk-lib';

/**
 * The rolling period an SLO is measured over: the error budget is spent over this window.
 *
 * Burn rates scale with it (the Google SRE Workbook table is written for 30 days).
 */
export class SloWindow {
  /** The last 30 days, the Workbook's reference window. */
  public static readonly ROLLING_30_DAYS = new SloWindow('ROLLING_30_DAYS', 30);
  /** The last 28 days: four whole weeks, so every weekday counts equally. */
  public static readonly ROLLING_28_DAYS = new SloWindow('ROLLING_28_DAYS', 28);
  /** The last 7 days: a short window for fast-moving or new services. */
  public static readonly ROLLING_7_DAYS = new SloWindow('ROLLING_7_DAYS', 7);

  /** The window's length. */
  public readonly duration: Duration;

  private constructor(
    /** A stable name, e.g. `ROLLING_30_DAYS` (written to the template metadata). */
    public readonly name: string,
    /** The window's length in whole days. */
    public readonly days: number,
  ) {
    this.duration = Duration.days(days);
  }
}
