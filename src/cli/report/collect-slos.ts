import { SloRow } from './report-model';
import { DurationStyle, formatExactDuration } from '../../common/duration-text';
import { AssemblyStack } from '../assembly/cloud-assembly';
import { readSloDefinitions, sloAlarmLogicalIds } from '../slo/slo-metadata';

/** The SLO table: one row per SLO, thresholds per burn-rate pair. */
export function collectSlos(stacks: readonly AssemblyStack[]): SloRow[] {
  return readSloDefinitions(stacks).map((slo) => ({
    stack: slo.stack,
    constructPath: slo.alarmSetPath,
    service: slo.serviceName,
    name: slo.name,
    objectivePercent: slo.objectivePercent,
    window: humanSeconds(slo.windowSeconds),
    windows: slo.alerts.map((a) => ({
      severity: a.severity,
      longWindow: humanSeconds(a.longWindowSeconds),
      shortWindow: humanSeconds(a.shortWindowSeconds),
      burnRate: a.burnRate,
      threshold: a.threshold,
    })),
    alarmCount: sloAlarmLogicalIds(slo).length,
    monthlyCostUsd: slo.monthlyCostUsd,
  }));
}

/** 300 → "5 min", 3600 → "1 h", 2592000 → "30 d". */
export function humanSeconds(seconds: number): string {
  return formatExactDuration(seconds, DurationStyle.SHORT);
}
