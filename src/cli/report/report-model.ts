/**
 * The reliability report as plain data: built from a cloud assembly by build-report.ts,
 * rendered to HTML, Markdown and JSON by pure functions.
 */

export type FindingStatus = 'open' | 'acknowledged';

/** One rule on one construct: an open finding or an acknowledged one. */
export interface ReportFinding {
  /** The plugin (pack) that reported it, e.g. `AwsSolutions`, `cdk-validator-cfnguard`. */
  readonly pack: string;
  readonly rule: string;
  /** `error`, `warning`, `info`, `fatal`, a custom level, or `n/a` when only the acknowledgement is known. */
  readonly severity: string;
  readonly constructPath: string;
  readonly description: string;
  readonly suggestedFix: string;
  readonly status: FindingStatus;
  /** Why it was acknowledged (acknowledged findings only). */
  readonly reason?: string;
}

/** Counts of one pack. */
export interface PackSummary {
  readonly pack: string;
  /**
   * Whether the pack ran at synth: true (in validation-report.json, or registered per the record
   * ReliabilityChecks writes), false (the record says it was not registered), null (unknown: no record,
   * and aws-cdk-lib leaves a plugin with nothing open out of validation-report.json). Counts of a pack
   * that did not run (or may not have) are not a pass.
   */
  readonly ran: boolean | null;
  /** Open findings per severity. */
  readonly open: Record<string, number>;
  readonly openTotal: number;
  readonly acknowledged: number;
}

export interface SloWindowRow {
  readonly severity: string;
  readonly longWindow: string;
  readonly shortWindow: string;
  readonly burnRate: number;
  /** Error-ratio threshold of both windows. */
  readonly threshold: number;
}

export interface SloRow {
  readonly stack: string;
  readonly constructPath: string;
  readonly service: string;
  readonly name: string;
  readonly objectivePercent: number;
  readonly window: string;
  readonly windows: SloWindowRow[];
  readonly alarmCount: number;
  readonly monthlyCostUsd: number;
}

export interface BackupRuleRow {
  readonly name: string;
  readonly schedule: string;
  readonly retention: string;
  readonly continuousBackup: boolean;
  readonly copyTo: string[];
}

export interface BackupPlanRow {
  readonly stack: string;
  readonly constructPath: string;
  readonly name: string;
  readonly rules: BackupRuleRow[];
  /** Resources selected into the plan, as written in the template. */
  readonly resources: string[];
}

export interface RecoveryObjectiveRow {
  /** `Software`, `Hardware`, `AZ`, `Region`. */
  readonly disruption: string;
  readonly rto: string;
  readonly rpo: string;
}

export interface ResiliencyPolicyRow {
  readonly stack: string;
  readonly constructPath: string;
  readonly name: string;
  readonly tier: string;
  readonly objectives: RecoveryObjectiveRow[];
}

export interface BackupVaultRow {
  readonly stack: string;
  readonly constructPath: string;
  readonly name: string;
  readonly lock: string;
}

export interface RestoreTestRow {
  readonly stack: string;
  readonly constructPath: string;
  readonly name: string;
  readonly schedule: string;
}

/** One protected workload: what it declares, the strategy protecting it and what that strategy can achieve. */
export interface RecoveryStrategyRow {
  readonly stack: string;
  readonly constructPath: string;
  /** The preset tier, or `explicit`. */
  readonly tier: string;
  readonly declaredRpo: string;
  readonly declaredRto: string;
  /** `warm standby`, `backup and restore` ... */
  readonly strategy: string;
  /** `RPO ≥ 1 min, RTO ≥ 15 min`. */
  readonly achievable: string;
  /** `yes`, or `no (acknowledged: <reason>)`. */
  readonly meetsRto: string;
  /** The cheapest strategy that meets the declared objectives. */
  readonly strategyNeeded: string;
  /** The multi-Region recovery's construct path, or `–`. */
  readonly recoveredBy: string;
}

/** One ARC Region switch plan and its practice runs. */
export interface RegionSwitchPlanRow {
  readonly stack: string;
  readonly constructPath: string;
  readonly strategy: string;
  /** `us-east-1 → us-west-2`. */
  readonly regions: string;
  readonly steps: string[];
  /** Alarm names or `none (started by hand)`. */
  readonly trigger: string;
  /** The practice schedule or `none`. */
  readonly practiceRuns: string;
  /** What the report knows of the runs: it reads the assembly, never the plan's executions. */
  readonly lastPractice: string;
}

export interface DisasterRecoverySection {
  readonly resiliencyPolicies: ResiliencyPolicyRow[];
  readonly backupPlans: BackupPlanRow[];
  readonly vaults: BackupVaultRow[];
  readonly restoreTests: RestoreTestRow[];
  /** Declared objectives against the strategy that protects each workload (absent in reports built before it existed). */
  readonly recoveryStrategies?: RecoveryStrategyRow[];
  /** ARC Region switch plans. */
  readonly regionSwitchPlans?: RegionSwitchPlanRow[];
}

export interface ChaosExperimentRow {
  readonly stack: string;
  readonly constructPath: string;
  readonly description: string;
  readonly actions: string[];
  readonly targets: string[];
  /** Alarm names (or `none`) that stop the experiment. */
  readonly stopConditions: string[];
}

export interface RollbackAlarmRow {
  readonly stack: string;
  readonly constructPath: string;
  /** `ECS service`, `CodeDeploy deployment group`, `CodePipeline stage <name>`. */
  readonly kind: string;
  readonly target: string;
  readonly alarms: string[];
  /** What happens when an alarm fires, e.g. `roll back`, `ROLLBACK`, `alarm monitored, no rollback`. */
  readonly onAlarm: string;
}

export interface CapacityGuardrailRow {
  /** `ceiling`, `shortage` or `quota`. */
  readonly kind: string;
  readonly description: string;
  readonly monthlyCostUsd: number;
}

export interface CapacityRow {
  readonly stack: string;
  readonly constructPath: string;
  readonly minCapacity: number;
  readonly maxCapacity: number;
  /** The target-tracking targets, e.g. `CPU 60 %`. */
  readonly targets: string[];
  /** The guardrail alarms; null when no CapacityGuardrails watches the service. */
  readonly guardrails: CapacityGuardrailRow[] | null;
  readonly guardrailsMonthlyCostUsd: number;
}

export interface ReliabilityReport {
  readonly assemblyDirectory: string;
  readonly stacks: string[];
  /** False when no validation-report.json was found: no compliance plugin ran at synth. */
  readonly validationReportFound: boolean;
  /** The plugins the app registered, from the record ReliabilityChecks writes; null when the assembly has none. */
  readonly registeredPlugins: string[] | null;
  readonly packs: PackSummary[];
  readonly findings: ReportFinding[];
  readonly slos: SloRow[];
  readonly disasterRecovery: DisasterRecoverySection;
  readonly chaosExperiments: ChaosExperimentRow[];
  readonly rollbackAlarms: RollbackAlarmRow[];
  /** Scalable ECS services: bounds, targets, capacity guardrails. */
  readonly capacity: CapacityRow[];
}

/** Open findings only: what decides the exit code. */
export function openFindings(report: ReliabilityReport): ReportFinding[] {
  return report.findings.filter((f) => f.status === 'open');
}
