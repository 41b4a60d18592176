import {
  ArnFormat, Duration, Names, RemovalPolicy, Stack, Token,
  aws_backup as backup,
  aws_cloudwatch as cloudwatch,
  aws_cloudwatch_actions as cw_actions,
  aws_iam as iam,
  aws_kms as kms,
  aws_sns as sns,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { createFailedJobAlarms } from './failed-job-alarms';
import { VaultLockMode, VaultLockOptions } from './vault-lock';
import { ownerLabel, propError } from '../common/errors';
import { denyGrantsToNonAwsServices } from '../common/kms-grant-guard';

/** Properties of a DrVault. */
export interface DrVaultProps {
  /**
   * The vault name (2 to 50 letters, digits, `-` or `_`). A cross-Region copy addresses the vault by name.
   *
   * @default - a unique name derived from the construct path
   */
  readonly vaultName?: string;
  /**
   * The customer-managed key that encrypts the recovery points and the notification topic.
   *
   * @default - a new key with rotation on and RemovalPolicy.RETAIN
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * Vault lock.
   *
   * @default - compliance mode, minRetention 7 days, changeableFor 3 days
   */
  readonly lock?: VaultLockOptions;
  /**
   * Where failed-job notifications and alarms go.
   *
   * @default - a new SNS topic encrypted with the vault key, TLS only
   */
  readonly notificationTopic?: sns.ITopic;
  /**
   * More actions for the failed-job alarms (the notification topic is always one).
   *
   * @default - none
   */
  readonly alarmActions?: cloudwatch.IAlarmAction[];
  /**
   * Make it a logically air-gapped vault (`AWS::Backup::LogicallyAirGappedBackupVault`): a vault that only
   * receives copies, locked by design and shareable with a recovery account.
   *
   * @default false
   */
  readonly airGapped?: boolean;
  /**
   * What happens to the vault and its key when removed from the stack.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** Events AWS Backup still sends (BACKUP_JOB_FAILED and RESTORE_JOB_FAILED are deprecated and silent). */
const NOTIFIED_EVENTS = [
  backup.BackupVaultEvents.BACKUP_JOB_COMPLETED,
  backup.BackupVaultEvents.COPY_JOB_FAILED,
  backup.BackupVaultEvents.RESTORE_JOB_COMPLETED,
  backup.BackupVaultEvents.S3_BACKUP_OBJECT_FAILED,
  backup.BackupVaultEvents.S3_RESTORE_OBJECT_FAILED,
];

const DEFAULT_AIR_GAPPED_MAX_RETENTION_DAYS = 3650;

/**
 * A locked, encrypted AWS Backup vault whose recovery points nobody can delete, with failed-job
 * notifications and alarms. Put one in a stack of another Region and pass it to
 * `DrBackupPlan`'s `copyTo` (`CopyTarget.vault(drVault)`); DrBackupPlan also uses one as its own vault.
 */
export class DrVault extends Construct {
  /** The vault name. */
  public readonly vaultName: string;
  /** The vault ARN, built from the name so that a stack in another Region can use it. */
  public readonly vaultArn: string;
  /** The Region of the vault's stack (may be a token for an environment-agnostic stack). */
  public readonly region: string;
  /** The key that encrypts the recovery points and the topic. */
  public readonly encryptionKey: kms.IKey;
  /** Where failed-job notifications and alarms go. */
  public readonly notificationTopic: sns.ITopic;
  /** Vault lock minimum retention. */
  public readonly lockMinRetention: Duration;
  /** Vault lock maximum retention, when there is one. */
  public readonly lockMaxRetention?: Duration;
  /** Whether the vault is logically air-gapped. */
  public readonly airGapped: boolean;
  /** The failed backup / copy / restore job alarms. */
  public readonly alarms: cloudwatch.IAlarm[];
  /** The L2 vault (undefined for an air-gapped vault, which has no L2). */
  public readonly backupVault?: backup.IBackupVault;

  constructor(scope: Construct, id: string, props: DrVaultProps = {}) {
    super(scope, id);
    const owner = ownerLabel('DrVault', id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    this.airGapped = props.airGapped ?? false;
    this.region = Stack.of(this).region;
    this.vaultName = props.vaultName ?? Names.uniqueResourceName(this, { maxLength: 50 });
    if (!Token.isUnresolved(this.vaultName) && !/^[a-zA-Z0-9\-_]{2,50}$/.test(this.vaultName)) {
      throw propError(owner, 'vaultName', 'be 2 to 50 letters, digits, "-" or "_"', this.vaultName);
    }
    const lock = resolveLock(owner, 'lock', props.lock, this.airGapped);
    this.lockMinRetention = lock.minRetention;
    this.lockMaxRetention = lock.maxRetention;

    this.encryptionKey = props.encryptionKey ?? createVaultKey(this, removalPolicy);
    this.notificationTopic = props.notificationTopic ?? new sns.Topic(this, 'Notifications', {
      displayName: `AWS Backup job notifications for ${this.vaultName}`,
      masterKey: this.encryptionKey,
      enforceSSL: true,
    });
    // AWS Backup publishes the vault events; CloudWatch publishes the alarms.
    this.notificationTopic.grantPublish(new iam.ServicePrincipal('backup.amazonaws.com'));

    this.vaultArn = Stack.of(this).formatArn({
      service: 'backup', resource: 'backup-vault', resourceName: this.vaultName, arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    if (this.airGapped) {
      this.createAirGappedVault(lock, removalPolicy);
    } else {
      this.backupVault = this.createVault(lock, removalPolicy);
    }
    const actions = [new cw_actions.SnsAction(this.notificationTopic), ...(props.alarmActions ?? [])];
    this.alarms = createFailedJobAlarms(this, this.vaultName, actions);
  }

  private createVault(lock: ResolvedLock, removalPolicy: RemovalPolicy): backup.BackupVault {
    const vault = new backup.BackupVault(this, 'Vault', {
      backupVaultName: this.vaultName,
      encryptionKey: this.encryptionKey,
      notificationTopic: this.notificationTopic,
      notificationEvents: NOTIFIED_EVENTS,
      removalPolicy,
      lockConfiguration: { minRetention: lock.minRetention, maxRetention: lock.maxRetention, changeableFor: lock.changeableFor },
    });
    // Deny deleting recovery points or shortening their lifecycle, for every principal.
    vault.blockRecoveryPointDeletion();
    return vault;
  }

  private createAirGappedVault(lock: ResolvedLock, removalPolicy: RemovalPolicy): void {
    const vault = new backup.CfnLogicallyAirGappedBackupVault(this, 'Vault', {
      backupVaultName: this.vaultName,
      encryptionKeyArn: this.encryptionKey.keyArn,
      minRetentionDays: lock.minRetention.toDays(),
      maxRetentionDays: (lock.maxRetention ?? Duration.days(DEFAULT_AIR_GAPPED_MAX_RETENTION_DAYS)).toDays(),
      notifications: { backupVaultEvents: NOTIFIED_EVENTS.map(String), snsTopicArn: this.notificationTopic.topicArn },
      accessPolicy: denyRecoveryPointDeletion().toJSON(),
    });
    vault.applyRemovalPolicy(removalPolicy);
  }
}

interface ResolvedLock {
  readonly minRetention: Duration;
  readonly maxRetention?: Duration;
  readonly changeableFor?: Duration;
}

/** Validates the lock and fills its defaults; governance mode leaves changeableFor out. */
export function resolveLock(owner: string, prop: string, lock: VaultLockOptions | undefined, airGapped: boolean): ResolvedLock {
  const minRetention = lock?.minRetention ?? Duration.days(7);
  const minDays = minRetention.toDays({ integral: false });
  if (minDays < 1 || !Number.isInteger(minDays)) {
    throw propError(owner, `${prop}.minRetention`, 'be a whole number of days, at least 1', minRetention);
  }
  const maxRetention = lock?.maxRetention ?? (airGapped ? Duration.days(DEFAULT_AIR_GAPPED_MAX_RETENTION_DAYS) : undefined);
  if (maxRetention && (maxRetention.toDays({ integral: false }) <= minDays || maxRetention.toDays({ integral: false }) > 36500)) {
    throw propError(owner, `${prop}.maxRetention`, `be longer than ${prop}.minRetention (${minDays} days) and at most 36500 days`, maxRetention);
  }
  const mode = lock?.mode ?? VaultLockMode.COMPLIANCE;
  if (mode === VaultLockMode.GOVERNANCE) {
    if (lock?.changeableFor) throw propError(owner, `${prop}.changeableFor`, 'be left out in governance mode', lock.changeableFor);
    return { minRetention, maxRetention };
  }
  const changeableFor = lock?.changeableFor ?? Duration.days(3);
  if (changeableFor.toHours({ integral: false }) < 72) {
    throw propError(owner, `${prop}.changeableFor`, 'be at least 3 days (AWS Backup\'s 72-hour cooling-off period)', changeableFor);
  }
  return { minRetention, maxRetention, changeableFor };
}

/** A customer-managed key for a vault: rotated, retained, grants only for AWS services. */
export function createVaultKey(scope: Construct, removalPolicy: RemovalPolicy): kms.Key {
  const key = new kms.Key(scope, 'Key', {
    enableKeyRotation: true,
    removalPolicy,
    description: 'Encrypts AWS Backup recovery points and backup notifications',
  });
  denyGrantsToNonAwsServices(key);
  // AWS Backup and CloudWatch publish to the encrypted topic.
  key.grant(new iam.ServicePrincipal('backup.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
  key.grant(new iam.ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
  return key;
}

/** The access policy of an air-gapped vault: nobody deletes recovery points or shortens their lifecycle. */
function denyRecoveryPointDeletion(): iam.PolicyDocument {
  return new iam.PolicyDocument({
    statements: [new iam.PolicyStatement({
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['backup:DeleteRecoveryPoint', 'backup:UpdateRecoveryPointLifecycle'],
      resources: ['*'],
    })],
  });
}
