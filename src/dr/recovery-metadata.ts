import { Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * The recovery facts a DrBackupPlan and a MultiRegionRecovery write into their stack's template, for the report:
 * `Metadata["cdk-reliability:recovery"] = { formatVersion: 1, workloads: [...], regionSwitchPlans: [...] }`.
 */
export const RECOVERY_METADATA_KEY = 'cdk-reliability:recovery';
export const RECOVERY_METADATA_FORMAT_VERSION = 1;

/** One protected workload: declared objectives, the strategy that protects it and what that can achieve. */
export interface RecoveryWorkloadEntry {
  readonly constructPath: string;
  /** The preset tier's name, when the objectives came from one. */
  readonly tier?: string;
  readonly declaredRpoSeconds: number;
  readonly declaredRtoSeconds: number;
  /** `WARM_STANDBY` ... */
  readonly strategy: string;
  readonly achievableRpoSeconds: number;
  readonly achievableRtoSeconds: number;
  /** Whether the strategy meets the declared RTO. */
  readonly meetsRto: boolean;
  /** The cheapest strategy that meets the declared objectives. */
  readonly strategyNeeded: string;
  /** The reason given when an unmet RTO was acknowledged. */
  readonly acknowledgement?: string;
  /** The construct path of the multi-Region recovery, when one protects the workload. */
  readonly recoveredBy?: string;
}

/** One ARC Region switch plan. */
export interface RegionSwitchPlanEntry {
  readonly constructPath: string;
  readonly strategy: string;
  readonly primaryRegion: string;
  readonly standbyRegion: string;
  /** Step names of the activate workflow, in order. */
  readonly steps: string[];
  /** Alarm names (or tokens rendered as such) that trigger the plan; empty when not triggered by alarms. */
  readonly triggeredBy: string[];
  /** EventBridge schedule expression of practice runs, when on. */
  readonly practiceSchedule?: string;
}

interface StackRecoveryMetadata {
  formatVersion: number;
  workloads: RecoveryWorkloadEntry[];
  regionSwitchPlans: RegionSwitchPlanEntry[];
}

function stackMetadata(scope: IConstruct): StackRecoveryMetadata {
  const metadata = (Stack.of(scope).templateOptions.metadata ??= {});
  const value = (metadata[RECOVERY_METADATA_KEY] as StackRecoveryMetadata | undefined)
    ?? { formatVersion: RECOVERY_METADATA_FORMAT_VERSION, workloads: [], regionSwitchPlans: [] };
  metadata[RECOVERY_METADATA_KEY] = value;
  return value;
}

/** Appends a workload to its stack's recovery metadata. */
export function recordRecoveryWorkload(scope: IConstruct, entry: RecoveryWorkloadEntry): void {
  stackMetadata(scope).workloads.push(entry);
}

/** Appends a Region switch plan to its stack's recovery metadata. */
export function recordRegionSwitchPlan(scope: IConstruct, entry: RegionSwitchPlanEntry): void {
  stackMetadata(scope).regionSwitchPlans.push(entry);
}
