/**
 * Burn-rate arithmetic of multiwindow, multi-burn-rate SLO alerting (Google SRE Workbook,
 * "Alerting on SLOs"). Plain numbers in, plain numbers out: no AWS types.
 *
 * Every result is rounded to 12 significant digits, so that 99.9 % gives a budget of exactly
 * 0.001 and a 14.4× threshold of exactly 0.0144 (binary floating point alone gives
 * 0.0009999999999994 and 0.014400000000000001, which would leak into the template).
 */

/** Seconds in one day. */
export const DAY_SECONDS = 86_400;

/** The Workbook's reference SLO window: its burn rates are written for 30 days. */
export const REFERENCE_WINDOW_DAYS = 30;

/** Rounds away floating-point noise (12 significant digits; thresholds never need more). */
export function roundSignificant(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(12));
}

/** The error budget as a ratio: `1 − objective`, e.g. 0.001 for 99.9 %. */
export function errorBudget(objectivePercent: number): number {
  return roundSignificant((100 - objectivePercent) / 100);
}

/**
 * The highest burn rate an SLO can ever show: `1 / (1 − objective)`, reached when every
 * event is bad. A pair whose burn rate is at or above it can never fire.
 */
export function maxBurnRate(objectivePercent: number): number {
  return roundSignificant(1 / errorBudget(objectivePercent));
}

/** The lowest objective (percent) at which `burnRate` can still be exceeded: `100 × (1 − 1/burnRate)`. */
export function minimumObjectiveForBurnRate(burnRate: number): number {
  return roundSignificant(100 * (1 - 1 / burnRate));
}

/** True when an error ratio can exceed `burnRate × budget`, i.e. the alarm is not dead. */
export function canFire(objectivePercent: number, burnRate: number): boolean {
  return alarmThreshold(objectivePercent, burnRate) < 1;
}

/** The error-ratio threshold of a window: `burnRate × (1 − objective)`. */
export function alarmThreshold(objectivePercent: number, burnRate: number): number {
  return roundSignificant(burnRate * errorBudget(objectivePercent));
}

/**
 * Scales a burn rate written for the 30-day reference window to another SLO window, keeping the
 * share of budget spent when it fires: 14.4 becomes 13.44 for 28 days and 3.36 for 7 days.
 */
export function scaleBurnRate(referenceBurnRate: number, sloWindowDays: number): number {
  return roundSignificant(referenceBurnRate * sloWindowDays / REFERENCE_WINDOW_DAYS);
}

/**
 * The share of the SLO window's budget (percent) spent when a pair fires at exactly its burn
 * rate over its long window: `100 × burnRate × longWindow / sloWindow` (2 % for 14.4 × 1 h / 30 d).
 */
export function budgetSpentPercent(burnRate: number, longWindowSeconds: number, sloWindowSeconds: number): number {
  return roundSignificant(100 * burnRate * longWindowSeconds / sloWindowSeconds);
}

/**
 * The burn rate that spends `budgetPercent` of the budget over `longWindowSeconds`:
 * `budgetPercent/100 × sloWindow / longWindow` (the Workbook's "burn factor").
 */
export function burnRateForBudgetSpent(budgetPercent: number, longWindowSeconds: number, sloWindowSeconds: number): number {
  return roundSignificant(budgetPercent / 100 * sloWindowSeconds / longWindowSeconds);
}

/**
 * How long (seconds) an outage with error ratio `errorRatio` takes to trip the long window of a
 * pair: `(1 − objective) / errorRatio × longWindow × burnRate`; 51.84 s for a full outage at
 * 99.9 % on the 1 h / 14.4× pair. Infinity when the ratio never exceeds the threshold.
 */
export function timeToFireSeconds(objectivePercent: number, errorRatio: number, longWindowSeconds: number, burnRate: number): number {
  const threshold = alarmThreshold(objectivePercent, burnRate);
  if (errorRatio <= threshold) return Number.POSITIVE_INFINITY;
  return roundSignificant(threshold / errorRatio * longWindowSeconds);
}

/** How long (seconds) the whole budget lasts at a steady burn rate: `sloWindow / burnRate`. */
export function budgetExhaustionSeconds(burnRate: number, sloWindowSeconds: number): number {
  return roundSignificant(sloWindowSeconds / burnRate);
}

/** One row of the Workbook's default table, for the 30-day reference window. */
export interface ReferenceBurnRateRow {
  readonly severity: 'PAGE' | 'TICKET';
  readonly longWindowSeconds: number;
  readonly shortWindowSeconds: number;
  readonly burnRate: number;
}

/** The Workbook's multiwindow, multi-burn-rate defaults (30-day window). */
export const REFERENCE_BURN_RATE_TABLE: readonly ReferenceBurnRateRow[] = [
  { severity: 'PAGE', longWindowSeconds: 3_600, shortWindowSeconds: 300, burnRate: 14.4 },
  { severity: 'PAGE', longWindowSeconds: 21_600, shortWindowSeconds: 1_800, burnRate: 6 },
  { severity: 'TICKET', longWindowSeconds: DAY_SECONDS, shortWindowSeconds: 7_200, burnRate: 3 },
  { severity: 'TICKET', longWindowSeconds: 3 * DAY_SECONDS, shortWindowSeconds: 21_600, burnRate: 1 },
];

/** The default table with burn rates scaled to an SLO window of `sloWindowDays` days. */
export function defaultBurnRateTable(sloWindowDays: number): ReferenceBurnRateRow[] {
  return REFERENCE_BURN_RATE_TABLE.map((row) => ({ ...row, burnRate: scaleBurnRate(row.burnRate, sloWindowDays) }));
}

/** The Workbook's short window: one twelfth of the long one. */
export function defaultShortWindowSeconds(longWindowSeconds: number): number {
  return longWindowSeconds / 12;
}

// The status of a measured error ratio (bad / valid events over a window), as `cdk-reliability
// slo-status` reports it. These go into no template, so they are not rounded.

/** Share of good events over the window, in percent. */
export function attainmentPercent(errorRatio: number): number {
  return (1 - errorRatio) * 100;
}

/** Budget left over the SLO window, in percent of the whole budget (negative once overspent). */
export function budgetRemainingPercent(errorRatio: number, errorBudgetRatio: number): number {
  return (1 - errorRatio / errorBudgetRatio) * 100;
}

/**
 * The budget left as minutes of full outage (every event bad) at steady traffic: the window holds
 * errorBudget × window minutes of outage in total, and errorRatio × window of them are spent.
 */
export function budgetRemainingOutageMinutes(errorRatio: number, errorBudgetRatio: number, windowSeconds: number): number {
  return (errorBudgetRatio - errorRatio) * windowSeconds / 60;
}

/** How fast the budget burns: 1 spends it exactly over the SLO window. */
export function measuredBurnRate(errorRatio: number, errorBudgetRatio: number): number {
  return errorRatio / errorBudgetRatio;
}
