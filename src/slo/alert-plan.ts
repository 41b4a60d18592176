import {
  alarmThreshold, budgetExhaustionSeconds, budgetSpentPercent, canFire, DAY_SECONDS,
  defaultBurnRateTable, maxBurnRate, minimumObjectiveForBurnRate, timeToFireSeconds,
} from './burn-rate-math';
import { DurationStyle, formatApproximateDuration, formatExactDuration } from '../common/duration-text';

/**
 * Turns an SLO (objective, window) and a list of burn-rate pairs into the alarms to create:
 * thresholds, budget spent, and the pairs dropped because they could never fire.
 * Plain numbers only.
 */

/** A requested pair, in seconds. */
export interface AlertRequest {
  readonly severity: 'PAGE' | 'TICKET';
  readonly longWindowSeconds: number;
  readonly shortWindowSeconds: number;
  readonly burnRate: number;
}

/** A pair that will become two window alarms and one composite. */
export interface PlannedAlert extends AlertRequest {
  /** Error-ratio threshold of both windows: burnRate × (1 − objective). */
  readonly threshold: number;
  /** Share of the SLO window's budget spent when the long window reaches the threshold. */
  readonly budgetSpentPercent: number;
  /** How long the whole budget lasts at exactly this burn rate. */
  readonly budgetExhaustionSeconds: number;
  /** How long a full outage (every event bad) takes to trip the long window. */
  readonly fullOutageTimeToFireSeconds: number;
}

/** A pair that can never fire at this objective. */
export interface DroppedAlert extends AlertRequest {
  /** The highest burn rate the objective allows: 1 / (1 − objective). */
  readonly maxBurnRate: number;
  /** The lowest objective at which this burn rate could fire. */
  readonly minimumObjectivePercent: number;
}

export interface AlertPlan {
  readonly kept: PlannedAlert[];
  readonly dropped: DroppedAlert[];
}

/** Bad events a long window needs before it fires, unless `minimumBadEvents` says otherwise (SloAlarmSet's low-traffic guard). */
export const DEFAULT_MINIMUM_BAD_EVENTS = 3;

/** The Workbook defaults for an SLO window, as requests. */
export function defaultAlertRequests(sloWindowDays: number): AlertRequest[] {
  return defaultBurnRateTable(sloWindowDays);
}

/** Plans the pairs of one SLO; a pair whose threshold reaches 1 (a ratio can't exceed 1) is dropped. */
export function planAlerts(objectivePercent: number, sloWindowDays: number, requests: readonly AlertRequest[]): AlertPlan {
  const sloWindowSeconds = sloWindowDays * DAY_SECONDS;
  const kept: PlannedAlert[] = [];
  const dropped: DroppedAlert[] = [];
  for (const request of requests) {
    if (!canFire(objectivePercent, request.burnRate)) {
      dropped.push({
        ...request,
        maxBurnRate: maxBurnRate(objectivePercent),
        minimumObjectivePercent: minimumObjectiveForBurnRate(request.burnRate),
      });
      continue;
    }
    kept.push({
      ...request,
      threshold: alarmThreshold(objectivePercent, request.burnRate),
      budgetSpentPercent: budgetSpentPercent(request.burnRate, request.longWindowSeconds, sloWindowSeconds),
      budgetExhaustionSeconds: budgetExhaustionSeconds(request.burnRate, sloWindowSeconds),
      fullOutageTimeToFireSeconds: timeToFireSeconds(objectivePercent, 1, request.longWindowSeconds, request.burnRate),
    });
  }
  return { kept, dropped };
}

/** A compact window label for ids: 300 → "5m", 3600 → "1h", 259200 → "3d", 45 → "45s". */
export function compactWindow(seconds: number): string {
  return formatExactDuration(seconds, DurationStyle.COMPACT);
}

/** A window in plain words: 300 → "5 minutes", 3600 → "1 hour", 86400 → "1 day". */
export function humanWindow(seconds: number): string {
  return formatExactDuration(seconds, DurationStyle.WORDS);
}

/** A duration in plain words, rounded for reading: 51.84 → "52 seconds", 180000 → "2.1 days". */
export function humanDuration(seconds: number): string {
  return formatApproximateDuration(seconds, DurationStyle.WORDS, 1);
}
