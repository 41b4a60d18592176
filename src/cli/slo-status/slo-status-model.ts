/** What slo-status reports per SLO (also its --json output). `null` = no data in the window. */
export interface AlertWindowStatus {
  readonly severity: string;
  /** The burn rate at which the pair alerts. */
  readonly alertBurnRate: number;
  readonly longWindowSeconds: number;
  readonly shortWindowSeconds: number;
  readonly longBurnRate: number | null;
  readonly shortBurnRate: number | null;
  /** Both windows above the threshold: the pair's composite alarm would be in ALARM. */
  readonly firing: boolean;
}

export interface SloStatus {
  readonly stack: string;
  readonly service: string;
  readonly name: string;
  readonly objectivePercent: number;
  readonly windowName: string;
  readonly windowSeconds: number;
  readonly errorRatio: number | null;
  readonly attainmentPercent: number | null;
  readonly errorBudgetRemainingPercent: number | null;
  readonly errorBudgetRemainingMinutes: number | null;
  readonly alerts: AlertWindowStatus[];
}

/** Spent budget, or a pair currently firing: what makes slo-status exit 1. */
export function needsAttention(status: SloStatus): boolean {
  return (status.errorBudgetRemainingPercent !== null && status.errorBudgetRemainingPercent < 0) || status.alerts.some((a) => a.firing);
}
