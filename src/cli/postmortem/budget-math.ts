import { measuredBurnRate } from '../../slo/burn-rate-math';

/**
 * Error budget spent in an incident window, as pure arithmetic.
 *
 * Burn rate = error ratio / error budget (1 spends the budget exactly over the SLO window). The share
 * of the SLO window's budget an incident consumed is burn rate × incident length / SLO window length
 * (Google SRE Workbook, "Alerting on SLOs"): it assumes the window's traffic is typical of the SLO
 * window, which is how every burn-rate alert reads its windows too.
 */

/** Burn rate of an error ratio under an SLO's error budget (`1 - objective`): the SLO math's own definition. */
export const burnRate = measuredBurnRate;

/** Percent of the SLO window's error budget spent by `bad` of `valid` events over `windowSeconds`. */
export function budgetConsumedPercent(bad: number, valid: number, errorBudget: number, windowSeconds: number, sloWindowSeconds: number): number {
  if (valid <= 0) return 0;
  return burnRate(bad / valid, errorBudget) * (windowSeconds / sloWindowSeconds) * 100;
}

/**
 * The same from per-period error ratios when the SLI has no event counts (a percentile-rank latency
 * SLI): the time-weighted mean ratio stands for bad / valid. Periods without data are left out.
 */
export function budgetConsumedFromRatios(ratios: readonly number[], errorBudget: number, windowSeconds: number, sloWindowSeconds: number): number {
  const known = ratios.filter((r) => Number.isFinite(r));
  if (known.length === 0) return 0;
  const mean = known.reduce((a, b) => a + b, 0) / known.length;
  return burnRate(mean, errorBudget) * (windowSeconds / sloWindowSeconds) * 100;
}

/** Sum of the finite values (a missing period counts as no event). */
export function total(values: readonly number[]): number {
  return values.reduce((sum, v) => (Number.isFinite(v) ? sum + v : sum), 0);
}
