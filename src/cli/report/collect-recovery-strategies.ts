import { RecoveryStrategyRow, RegionSwitchPlanRow } from './report-model';
import { achievableText, minutesText, STRATEGY_RANGES } from '../../dr/strategy-ranges';
import { AssemblyStack } from '../assembly/cloud-assembly';
import { isRecord } from '../assembly/json-file';

/** The key DrBackupPlan and MultiRegionRecovery write their facts under (src/dr/recovery-metadata.ts). */
const RECOVERY_METADATA_KEY = 'cdk-reliability:recovery';

/** Practice runs happen after deploy; the report reads only the assembly, so it never claims a result. */
export const PRACTICE_NOT_READ = 'not run by this report (see the plan\'s executions in the ARC console)';

/** Per protected workload: declared RPO / RTO, the strategy and what it can achieve. */
export function collectRecoveryStrategies(stacks: readonly AssemblyStack[]): RecoveryStrategyRow[] {
  return stacks.flatMap((stack) => entries(stack, 'workloads').map((w) => ({
    stack: stack.displayName,
    constructPath: String(w.constructPath ?? ''),
    tier: typeof w.tier === 'string' ? w.tier : 'explicit',
    declaredRpo: secondsText(w.declaredRpoSeconds),
    declaredRto: secondsText(w.declaredRtoSeconds),
    strategy: strategyName(w.strategy),
    achievable: strategyAchievable(w.strategy),
    meetsRto: w.meetsRto === true ? 'yes' : `no${typeof w.acknowledgement === 'string' ? ` (acknowledged: ${w.acknowledgement})` : ''}`,
    strategyNeeded: strategyName(w.strategyNeeded),
    recoveredBy: typeof w.recoveredBy === 'string' ? w.recoveredBy : '–',
  })));
}

/** The Region switch plans with their trigger and practice schedule. */
export function collectRegionSwitchPlans(stacks: readonly AssemblyStack[]): RegionSwitchPlanRow[] {
  return stacks.flatMap((stack) => entries(stack, 'regionSwitchPlans').map((p) => {
    const triggers = Array.isArray(p.triggeredBy) ? p.triggeredBy.map(String) : [];
    return {
      stack: stack.displayName,
      constructPath: String(p.constructPath ?? ''),
      strategy: strategyName(p.strategy),
      regions: `${String(p.primaryRegion)} → ${String(p.standbyRegion)}`,
      steps: Array.isArray(p.steps) ? p.steps.map(String) : [],
      trigger: triggers.length ? triggers.join(', ') : 'none (started by hand)',
      practiceRuns: typeof p.practiceSchedule === 'string' ? p.practiceSchedule : 'none',
      lastPractice: typeof p.practiceSchedule === 'string' ? PRACTICE_NOT_READ : 'no practice scheduled',
    };
  }));
}

function entries(stack: AssemblyStack, field: string): Array<Record<string, unknown>> {
  const value = stack.template.Metadata?.[RECOVERY_METADATA_KEY];
  if (!isRecord(value) || !Array.isArray(value[field])) return [];
  return (value[field] as unknown[]).filter(isRecord);
}

function strategyName(key: unknown): string {
  return STRATEGY_RANGES.find((r) => r.key === key)?.displayName ?? String(key);
}

function strategyAchievable(key: unknown): string {
  const range = STRATEGY_RANGES.find((r) => r.key === key);
  return range ? achievableText(range) : 'unknown strategy';
}

function secondsText(value: unknown): string {
  return typeof value === 'number' ? minutesText(value / 60) : 'unknown';
}
