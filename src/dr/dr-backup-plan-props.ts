import { Duration, RemovalPolicy, aws_cloudwatch as cloudwatch, aws_kms as kms, aws_sns as sns } from 'aws-cdk-lib';
import { CopyTarget } from './copy-target';
import { ProtectedResource } from './protected-resource';
import { RecoveryObjectives } from './recovery-objectives';
import { IRegionalRecovery } from './regional-recovery';
import { RestoreTestingOptions } from './restore-testing';
import { VaultLockOptions } from './vault-lock';

/** Retention per rule kind; each default comes from the tier (see docs/dr-backup-plan.md). */
export interface BackupRetention {
  /**
   * Sub-daily snapshots (hourly, every 4 hours, ...).
   *
   * @default Duration.days(7)
   */
  readonly frequent?: Duration;
  /**
   * Daily snapshots.
   *
   * @default Duration.days(35)
   */
  readonly daily?: Duration;
  /**
   * Weekly snapshots; setting it adds a weekly rule to a tier that has none.
   *
   * @default - 91 days for RPO up to 8 hours (critical, important), else no weekly rule
   */
  readonly weekly?: Duration;
  /**
   * Monthly snapshots; setting it adds a monthly rule to a tier that has none.
   *
   * @default - 365 days for RPO under an hour (critical), else no monthly rule
   */
  readonly monthly?: Duration;
  /**
   * Continuous backup (PITR) window, 1 to 35 days.
   *
   * @default - 35 days, or the daily retention when shorter
   */
  readonly continuous?: Duration;
  /**
   * Move the longest-kept rule's recovery points to cold storage after this long; they must then stay
   * 90 days in cold storage before deletion. Only some types support cold storage (DynamoDB, EFS, EBS).
   *
   * @default - no cold storage
   */
  readonly moveToColdStorageAfter?: Duration;
}

/** Properties of a DrBackupPlan. */
export interface DrBackupPlanProps {
  /** The recovery objectives: `RecoveryObjectives.tier(RecoveryTier.CRITICAL)` or `RecoveryObjectives.of({ rpo, rto })`. */
  readonly objectives: RecoveryObjectives;
  /** What to protect (at least one). */
  readonly resources: ProtectedResource[];
  /**
   * What recovers these resources in another Region (a `MultiRegionRecovery`). Its strategy decides the smallest
   * RTO the plan may declare: backup and restore alone cannot meet an RTO under 4 hours after the loss of a Region
   * (see `RecoveryStrategy`), so the critical tier's one-hour RTO needs a warm standby.
   *
   * @default - backup and restore: the plan is the only recovery
   */
  readonly recoveredBy?: IRegionalRecovery;
  /**
   * Why the declared RTO may be missed after the loss of a Region, when the strategy cannot meet it (at least 20
   * characters; shown in the report). Without it such an RTO is a synth error naming the strategy that would meet it.
   *
   * @default - none: an RTO the strategy cannot meet fails synth
   */
  readonly unmetRtoAcknowledgement?: string;
  /**
   * Retention per rule kind.
   *
   * @default - the tier's profile
   */
  readonly retention?: BackupRetention;
  /**
   * The lock of the plan's vault.
   *
   * @default - compliance mode, minRetention = the shortest rule retention, changeableFor 3 days
   */
  readonly vaultLock?: VaultLockOptions;
  /**
   * Copy every snapshot recovery point to a vault in another Region.
   *
   * @default - no copy
   */
  readonly copyTo?: CopyTarget;
  /**
   * How long copies are kept.
   *
   * @default - the retention of the rule that made the recovery point
   */
  readonly copyRetention?: Duration;
  /**
   * Move copies to cold storage after this long (they must then stay 90 days before deletion).
   *
   * @default - no cold storage for copies
   */
  readonly copyMoveToColdStorageAfter?: Duration;
  /**
   * Restore tests.
   *
   * @default - weekly restore tests of each protected resource type
   */
  readonly restoreTesting?: RestoreTestingOptions;
  /**
   * The key of the plan's vault and notification topic.
   *
   * @default - a new customer-managed key, rotation on, retained
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * Where failed-job notifications and alarms go.
   *
   * @default - a new topic encrypted with the vault key
   */
  readonly notificationTopic?: sns.ITopic;
  /**
   * More actions for the failed-job alarms.
   *
   * @default - none
   */
  readonly alarmActions?: cloudwatch.IAlarmAction[];
  /**
   * Create the Backup Audit Manager framework. Its controls evaluate nothing unless AWS Config records
   * `AWS::Config::ResourceCompliance` and the AWS Backup types in the account and Region: a synth warning
   * (`cdk-reliability:dr-audit-needs-config-recording`) says so unless `auditConfigRecorder` is on.
   *
   * @default true
   */
  readonly auditFramework?: boolean;
  /**
   * Create the AWS Config recording the audit framework needs (an `AuditConfigRecorder`: configuration recorder,
   * delivery channel, encrypted bucket, role). An account holds only ONE configuration recorder per Region:
   * turn this on only where no AWS Config recording exists yet (not in Control Tower accounts), and on one
   * plan per account and Region.
   *
   * @default false
   */
  readonly auditConfigRecorder?: boolean;
  /**
   * IAM role or user ARNs (up to 5) that may still change the vault's access policy; the audit control
   * BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED gets the same list as its principalArnList. See
   * `DrVaultProps.accessPolicyAdminArns`.
   *
   * @default - the CloudFormation execution role of the stack's `DefaultStackSynthesizer`
   */
  readonly accessPolicyAdminArns?: string[];
  /**
   * Create the Resilience Hub resiliency policy carrying the objectives.
   *
   * @default true
   */
  readonly resiliencyPolicy?: boolean;
  /**
   * What happens to the vault and key when removed from the stack.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}
