import { AlertRequest } from './alert-plan';
import { alarmThreshold } from './burn-rate-math';

/**
 * How a page holds through an incident and clears after it (pure numbers; the alarms are made by
 * SloAlarmSet).
 *
 * A page must not flap while an incident goes on in bursts (one bad minute every few minutes), and
 * must clear soon after the last bad minute. Both come from one idea: a page is held while the SLO
 * burned in the last PAGE_HOLD_SECONDS, and only that long.
 *
 * The hold is read as ONE window of PAGE_HOLD_SECONDS, not as "any of several shorter windows":
 * - at 1,000 requests a minute both read the same (a bad minute stays in view for 10 minutes);
 * - at 10 requests an hour they differ. CloudWatch evaluates an alarm on the most recent datapoints
 *   that exist in its evaluation range, so "1 of 2 five-minute windows" waits for two windows with
 *   requests after the last failure (14 minutes in the benchmark's low-traffic outage), while one
 *   10-minute window clears with the first good request that has no failure within 10 minutes of it.
 *
 * - A page pair whose short window fits the hold (the Workbook's 1 h / 5 min) reads that window over
 *   the hold: the error ratio of the last PAGE_HOLD_SECONDS at the pair's burn rate. Its long window is
 *   longer than the hold, so after a step change it reaches the same threshold later: detection is unchanged.
 * - A page pair whose short window is longer (6 h / 30 min, which stays up for 30 minutes after a
 *   hard outage) looks back over two short windows, so a burn hovering around its threshold does not
 *   flap it, and is also ANDed with the SLO's still-burning alarm: the error ratio of the last
 *   PAGE_HOLD_SECONDS above the whole budget (1x). While the pair could fire that ratio is far above
 *   1x, so firing is unchanged; it clears within 10 minutes of recovery.
 */

/** The page holds this long after the last burning minute. */
export const PAGE_HOLD_SECONDS = 600;

/** The window of the still-burning condition: the hold itself. */
export const STILL_BURNING_WINDOW_SECONDS = PAGE_HOLD_SECONDS;

/** Burning faster than this uses up the budget before the SLO window ends. */
export const STILL_BURNING_BURN_RATE = 1;

/** Whether a pair needs the condition: pages whose short window outlasts the hold. */
export function needsStillBurning(alert: AlertRequest): boolean {
  return alert.severity === 'PAGE' && alert.shortWindowSeconds > PAGE_HOLD_SECONDS;
}

/** The window a pair's short-window alarm reads, and how many of them it looks back over (DatapointsToAlarm stays 1). */
export interface ShortWindowShape {
  readonly seconds: number;
  readonly evaluationPeriods: number;
}

/**
 * The short-window alarm of a pair. A page pair's short window that fits the hold is read over the
 * hold (one window); one that outlasts it looks back over itself and the window before it (a
 * 30-minute window hovering around its threshold would otherwise flap the page, whose clear the
 * still-burning alarm decides anyway). A page pair whose long window fits the hold too, and every
 * ticket pair, reads its short window once.
 */
export function shortWindowShape(alert: AlertRequest): ShortWindowShape {
  if (alert.severity !== 'PAGE') return { seconds: alert.shortWindowSeconds, evaluationPeriods: 1 };
  if (alert.shortWindowSeconds > PAGE_HOLD_SECONDS) return { seconds: alert.shortWindowSeconds, evaluationPeriods: 2 };
  if (alert.longWindowSeconds <= PAGE_HOLD_SECONDS) return { seconds: alert.shortWindowSeconds, evaluationPeriods: 1 };
  return { seconds: PAGE_HOLD_SECONDS, evaluationPeriods: 1 };
}

/** The error-ratio threshold of the condition: the whole error budget, 1 − objective. */
export function stillBurningThreshold(objectivePercent: number): number {
  return alarmThreshold(objectivePercent, STILL_BURNING_BURN_RATE);
}
