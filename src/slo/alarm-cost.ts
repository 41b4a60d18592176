/**
 * Monthly CloudWatch list price (us-east-1, USD) of alarms: plain numbers, no AWS types.
 * Metric alarms are billed per metric they reference, so a metric-math alarm on three metrics
 * costs three alarm metrics.
 */
export const CLOUDWATCH_PRICES_USD = {
  standardAlarmMetric: 0.10,
  highResolutionAlarmMetric: 0.30,
  compositeAlarm: 0.50,
  dashboard: 3.00,
} as const;

/** What an alarm set creates, as far as the bill is concerned. */
export interface AlarmInventory {
  /** Metrics referenced by standard-resolution metric alarms (period ≥ 60 s), summed over alarms. */
  readonly standardAlarmMetrics: number;
  /** Metrics referenced by high-resolution metric alarms (period < 60 s), summed over alarms. */
  readonly highResolutionAlarmMetrics: number;
  /** Composite alarms. */
  readonly compositeAlarms: number;
  /** Dashboards (each beyond the free three is billed in full). */
  readonly dashboards?: number;
}

/** Rounds to a tenth of a cent, enough for a price list and free of float noise. */
export function roundUsd(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The monthly list price of an inventory, in USD. */
export function monthlyCostUsd(inventory: AlarmInventory): number {
  const p = CLOUDWATCH_PRICES_USD;
  return roundUsd(
    inventory.standardAlarmMetrics * p.standardAlarmMetric
    + inventory.highResolutionAlarmMetrics * p.highResolutionAlarmMetric
    + inventory.compositeAlarms * p.compositeAlarm
    + (inventory.dashboards ?? 0) * p.dashboard,
  );
}

/** Adds inventories (e.g. the SLOs of one set). */
export function addInventories(...inventories: AlarmInventory[]): AlarmInventory {
  return inventories.reduce<AlarmInventory>((sum, i) => ({
    standardAlarmMetrics: sum.standardAlarmMetrics + i.standardAlarmMetrics,
    highResolutionAlarmMetrics: sum.highResolutionAlarmMetrics + i.highResolutionAlarmMetrics,
    compositeAlarms: sum.compositeAlarms + i.compositeAlarms,
    dashboards: (sum.dashboards ?? 0) + (i.dashboards ?? 0),
  }), { standardAlarmMetrics: 0, highResolutionAlarmMetrics: 0, compositeAlarms: 0, dashboards: 0 });
}
