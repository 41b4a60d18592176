import { AlertRequest } from './alert-plan';
import { alarmThreshold } from './burn-rate-math';

/**
 * The "still burning" condition of page pairs whose short window is long (the Workbook's
 * 6 h / 30 min pair). Such a pair keeps paging for up to its whole short window after the incident
 * is over: a 10-minute outage holds a 30-minute window above 6x for almost 30 minutes. ANDing the
 * pair with "the last 5 minutes still burn faster than the budget (1x)" lets it clear within
 * 5 minutes of recovery, without touching when it fires (at 6x or more the 5-minute window is
 * far above 1x, so it is already in ALARM).
 *
 * Pure numbers; the alarm itself is made by SloAlarmSet.
 */

/** The window of the condition: the short window of the fastest Workbook pair. */
export const STILL_BURNING_WINDOW_SECONDS = 300;

/** Burning faster than this uses up the budget before the SLO window ends. */
export const STILL_BURNING_BURN_RATE = 1;

/** Whether a pair needs the condition: pages whose short window outlasts the condition's. */
export function needsStillBurning(alert: AlertRequest): boolean {
  return alert.severity === 'PAGE' && alert.shortWindowSeconds > STILL_BURNING_WINDOW_SECONDS;
}

/** The error-ratio threshold of the condition: the whole error budget, 1 − objective. */
export function stillBurningThreshold(objectivePercent: number): number {
  return alarmThreshold(objectivePercent, STILL_BURNING_BURN_RATE);
}
