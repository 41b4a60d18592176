/** Which resources an audit control evaluates. */
export enum ControlScopeKind {
  /** The backup plan (scoped by its tag). */
  PLAN = 'plan',
  /** The protected resource types. */
  RESOURCES = 'resources',
  /** The plan's backup vault. */
  VAULT = 'vault',
}

/** One Backup Audit Manager control, in plain values. */
export interface ControlSpec {
  readonly controlName: string;
  readonly parameters: Record<string, string>;
  readonly scope: ControlScopeKind;
}

/** What the controls derive from. */
export interface AuditInputs {
  /** Interval of the most frequent snapshot rule, in hours. */
  readonly snapshotIntervalHours: number;
  /** Retention of that rule, in days. */
  readonly snapshotRetentionDays: number;
  /** The shortest retention of any rule, in days. */
  readonly minRetentionDays: number;
  readonly rtoMinutes: number;
  /** Regions the recovery points are copied to (literal names); empty when there is no copy. */
  readonly copyRegions: readonly string[];
  /** Whether the plan copies at all (the Region may be unknown at synth). */
  readonly copies: boolean;
  /**
   * The principals the vault's access policy exempts from its deny (they may change the policy): the manual
   * deletion control must not check them, or it reports the vault as non-compliant.
   */
  readonly policyAdminArns?: readonly string[];
}

/**
 * What AWS Config must record for the controls to evaluate anything (AWS Backup Developer Guide, "Choosing your
 * controls": every control needs the resource compliance type; the others record backup plans, backup selections,
 * backup vaults and recovery points).
 */
export const AUDIT_RECORDING_TYPES = [
  'AWS::Config::ResourceCompliance',
  'AWS::Backup::BackupPlan',
  'AWS::Backup::BackupSelection',
  'AWS::Backup::BackupVault',
  'AWS::Backup::RecoveryPoint',
] as const;

/**
 * The audit controls that check, after deployment, what the plan promises at synth:
 * frequency and retention, encryption, deletion protection, vault lock, freshness of the last recovery point,
 * restore time within the RTO, and the cross-Region copy when there is one.
 */
export function auditControls(inputs: AuditInputs): ControlSpec[] {
  const controls: ControlSpec[] = [
    {
      controlName: 'BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK',
      parameters: {
        requiredFrequencyUnit: 'hours',
        requiredFrequencyValue: String(inputs.snapshotIntervalHours),
        requiredRetentionDays: String(inputs.snapshotRetentionDays),
      },
      scope: ControlScopeKind.PLAN,
    },
    { controlName: 'BACKUP_RESOURCES_PROTECTED_BY_BACKUP_PLAN', parameters: {}, scope: ControlScopeKind.RESOURCES },
    {
      controlName: 'BACKUP_RECOVERY_POINT_MINIMUM_RETENTION_CHECK',
      parameters: { requiredRetentionDays: String(inputs.minRetentionDays) },
      scope: ControlScopeKind.RESOURCES,
    },
    { controlName: 'BACKUP_RECOVERY_POINT_ENCRYPTED', parameters: {}, scope: ControlScopeKind.RESOURCES },
    {
      // principalArnList: the same principals the vault's deny exempts (AWS Config rule
      // backup-recovery-point-manual-deletion-disabled, "ARNs for the rule to NOT check").
      controlName: 'BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED',
      parameters: (inputs.policyAdminArns ?? []).length > 0 ? { principalArnList: (inputs.policyAdminArns ?? []).join(',') } : {},
      scope: ControlScopeKind.VAULT,
    },
    { controlName: 'BACKUP_RESOURCES_PROTECTED_BY_BACKUP_VAULT_LOCK', parameters: {}, scope: ControlScopeKind.RESOURCES },
    {
      // Twice the interval: one late or retried job is not yet a breach of the RPO.
      controlName: 'BACKUP_LAST_RECOVERY_POINT_CREATED',
      parameters: { recoveryPointAgeUnit: 'hours', recoveryPointAgeValue: String(inputs.snapshotIntervalHours * 2) },
      scope: ControlScopeKind.RESOURCES,
    },
    {
      controlName: 'RESTORE_TIME_FOR_RESOURCES_MEET_TARGET',
      parameters: { maxRestoreTime: String(inputs.rtoMinutes) },
      scope: ControlScopeKind.RESOURCES,
    },
  ];
  if (inputs.copies) {
    controls.push({
      controlName: 'BACKUP_RESOURCES_PROTECTED_BY_CROSS_REGION',
      parameters: inputs.copyRegions.length > 0 ? { crossRegionList: inputs.copyRegions.join(',') } : {},
      scope: ControlScopeKind.RESOURCES,
    });
  }
  return controls;
}
