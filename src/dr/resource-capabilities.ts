/**
 * What AWS Backup can do for each resource type, as plain data for the pure derivations.
 *
 * Restore floors are conservative estimates of how long a restore of a small resource takes
 * (the restore tests measure the real value; the audit framework's RESTORE_TIME_FOR_RESOURCES_MEET_TARGET
 * control compares it with the RTO). They exist so that an RTO nobody can meet fails at synth.
 */
export interface ResourceCapabilities {
  /** The AWS Backup resource type name (restore testing, audit scopes): `DynamoDB`, `RDS`, ... */
  readonly backupTypeName: string;
  /** RPO in minutes that AWS Backup continuous backup reaches; undefined when the type has no AWS Backup PITR. */
  readonly continuousBackupRpoMinutes?: number;
  /** RPO in minutes that the service's own point-in-time recovery reaches; undefined when it has none. */
  readonly nativePitrRpoMinutes?: number;
  /** Whether AWS Backup can move this type's recovery points to cold storage. */
  readonly coldStorage: boolean;
  /** Shortest realistic restore from a snapshot, in minutes. */
  readonly snapshotRestoreMinutes: number;
  /** Shortest realistic point-in-time restore (full restore plus log replay), in minutes. */
  readonly pitrRestoreMinutes: number;
}

/** Snapshot backup rules run at most once an hour (AWS Backup's cron minimum). */
export const SNAPSHOT_MIN_INTERVAL_MINUTES = 60;

/** Continuous backup (PITR) keeps at most 35 days, at least 1. */
export const CONTINUOUS_MAX_RETENTION_DAYS = 35;

/** A recovery point moved to cold storage must stay there at least 90 days. */
export const COLD_STORAGE_MIN_DAYS = 90;

/** No recovery point is kept less than a week: shorter retention cannot survive a long weekend incident. */
export const MIN_RETENTION_DAYS = 7;

/** The capabilities by our resource type key. */
export const RESOURCE_CAPABILITIES: Readonly<Record<string, ResourceCapabilities>> = {
  // DynamoDB's own PITR restores to any second; LatestRestorableDateTime trails by about 5 minutes.
  DYNAMODB: { backupTypeName: 'DynamoDB', nativePitrRpoMinutes: 5, coldStorage: true, snapshotRestoreMinutes: 30, pitrRestoreMinutes: 30 },
  // RDS ships transaction logs every 5 minutes; AWS Backup continuous backup restores to the second within that.
  RDS: { backupTypeName: 'RDS', continuousBackupRpoMinutes: 5, coldStorage: false, snapshotRestoreMinutes: 30, pitrRestoreMinutes: 45 },
  AURORA: { backupTypeName: 'Aurora', continuousBackupRpoMinutes: 5, coldStorage: false, snapshotRestoreMinutes: 30, pitrRestoreMinutes: 45 },
  // S3 continuous backup: we assume a 15-minute lag, the conservative figure.
  S3: { backupTypeName: 'S3', continuousBackupRpoMinutes: 15, coldStorage: false, snapshotRestoreMinutes: 60, pitrRestoreMinutes: 60 },
  EFS: { backupTypeName: 'EFS', coldStorage: true, snapshotRestoreMinutes: 60, pitrRestoreMinutes: 60 },
  EC2: { backupTypeName: 'EC2', coldStorage: false, snapshotRestoreMinutes: 30, pitrRestoreMinutes: 30 },
  EBS: { backupTypeName: 'EBS', coldStorage: true, snapshotRestoreMinutes: 15, pitrRestoreMinutes: 15 },
};

/** How a resource can be protected, given its type and whether its own PITR is on. */
export interface RecoveryMeans {
  /** The best RPO in minutes the resource can reach. */
  readonly achievableRpoMinutes: number;
  /** Whether reaching an RPO under an hour uses AWS Backup continuous backup. */
  readonly usesContinuousBackup: boolean;
}

/**
 * The best RPO a resource can reach: AWS Backup continuous backup where the type supports it,
 * else the service's own PITR when it is enabled, else hourly snapshots.
 */
export function recoveryMeans(capabilities: ResourceCapabilities, nativePitrEnabled: boolean): RecoveryMeans {
  if (capabilities.continuousBackupRpoMinutes !== undefined) {
    return { achievableRpoMinutes: capabilities.continuousBackupRpoMinutes, usesContinuousBackup: true };
  }
  if (capabilities.nativePitrRpoMinutes !== undefined && nativePitrEnabled) {
    return { achievableRpoMinutes: capabilities.nativePitrRpoMinutes, usesContinuousBackup: false };
  }
  return { achievableRpoMinutes: SNAPSHOT_MIN_INTERVAL_MINUTES, usesContinuousBackup: false };
}

/**
 * The shortest restore the RPO implies: an RPO under the snapshot interval can only be met by a
 * point-in-time restore (full restore plus log replay), which takes longer than a snapshot restore.
 */
export function impliedRestoreMinutes(capabilities: ResourceCapabilities, rpoMinutes: number): number {
  return rpoMinutes < SNAPSHOT_MIN_INTERVAL_MINUTES ? capabilities.pitrRestoreMinutes : capabilities.snapshotRestoreMinutes;
}
