/**
 * Error-budget arithmetic of slo-status: plain numbers. An error ratio is bad / valid events over a
 * window; the error budget is 1 − objective.
 */

/** Share of good events over the window, in percent. */
export function attainmentPercent(errorRatio: number): number {
  return (1 - errorRatio) * 100;
}

/** Budget left over the SLO window, in percent of the whole budget (negative once overspent). */
export function budgetRemainingPercent(errorRatio: number, errorBudget: number): number {
  return (1 - errorRatio / errorBudget) * 100;
}

/**
 * The budget left as minutes of full outage (every event bad) at steady traffic: the window holds
 * errorBudget × window minutes of outage in total, and errorRatio × window of them are spent.
 */
export function budgetRemainingOutageMinutes(errorRatio: number, errorBudget: number, windowSeconds: number): number {
  return (errorBudget - errorRatio) * windowSeconds / 60;
}

/** How fast the budget burns: 1 spends it exactly over the SLO window. */
export function burnRate(errorRatio: number, errorBudget: number): number {
  return errorRatio / errorBudget;
}
