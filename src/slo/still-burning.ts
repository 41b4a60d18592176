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
 * - A page pair whose short window fits the hold (the Workbook's 1 h / 5 min) evaluates that window
 *   as "any of the last PAGE_HOLD_SECONDS / short" datapoints (M = 1 of N): the 5-minute window holds
 *   for 10 minutes after its last burn, which covers the gap between bursts up to 10 minutes apart.
 * - A page pair whose short window is longer (6 h / 30 min, which stays up for 30 minutes after a
 *   hard outage) looks back over two short windows, so a burn hovering around its threshold does not
 *   flap it, and is also ANDed with the SLO's still-burning alarm: the 5-minute error ratio above the
 *   whole budget (1x) in either of the last two 5-minute windows. While the pair could fire the
 *   5-minute ratio is far above 1x, so firing is unchanged; it clears within 10 minutes of recovery.
 */

/** The page holds this long after the last burning window. */
export const PAGE_HOLD_SECONDS = 600;

/** The window of the still-burning condition: the short window of the fastest Workbook pair. */
export const STILL_BURNING_WINDOW_SECONDS = 300;

/** Evaluation periods of the still-burning alarm: its window repeated over the hold. */
export const STILL_BURNING_EVALUATION_PERIODS = PAGE_HOLD_SECONDS / STILL_BURNING_WINDOW_SECONDS;

/** Burning faster than this uses up the budget before the SLO window ends. */
export const STILL_BURNING_BURN_RATE = 1;

/** Whether a pair needs the condition: pages whose short window outlasts the hold. */
export function needsStillBurning(alert: AlertRequest): boolean {
  return alert.severity === 'PAGE' && alert.shortWindowSeconds > PAGE_HOLD_SECONDS;
}

/**
 * Evaluation periods of a pair's short-window alarm (its DatapointsToAlarm stays 1). A page pair's
 * short window looks back over the whole hold, and at least over itself and the window before it: a
 * 30-minute window hovering around its threshold would otherwise flap the page, whose clear the
 * still-burning alarm decides anyway. Every other window is one datapoint.
 */
export function shortWindowEvaluationPeriods(alert: AlertRequest): number {
  if (alert.severity !== 'PAGE') return 1;
  return Math.max(2, Math.floor(PAGE_HOLD_SECONDS / alert.shortWindowSeconds));
}

/** The error-ratio threshold of the condition: the whole error budget, 1 − objective. */
export function stillBurningThreshold(objectivePercent: number): number {
  return alarmThreshold(objectivePercent, STILL_BURNING_BURN_RATE);
}
