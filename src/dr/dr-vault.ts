import {
  Annotations, ArnFormat, Duration, Names, RemovalPolicy, Resource, Stack, Token,
  aws_backup as backup,
  aws_cloudwatch as cloudwatch,
  aws_cloudwatch_actions as cw_actions,
  aws_iam as iam,
  aws_kms as kms,
  aws_sns as sns,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { requireKnownDuration } from './dr-input-rules';
import { createFailedJobAlarms } from './failed-job-alarms';
import { recoveryPointProtection, resolvePolicyAdmins } from './vault-access-policy';
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
  /**
   * IAM role or user ARNs (up to 5, `ArnLike` patterns allowed) that may still change or remove the vault's
   * access policy. The access policy denies everyone else `backup:PutBackupVaultAccessPolicy` (with
   * `backup:DeleteRecoveryPoint` and `backup:UpdateRecoveryPointLifecycle`, as the Backup Audit Manager control
   * BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED requires), and CloudFormation updates the policy with the
   * role it deploys with: that role must be in this list or later updates of the policy fail. The listed
   * principals still cannot delete recovery points or shorten their lifecycle. The list replaces the default.
   *
   * @default - the CloudFormation execution role of the stack's `DefaultStackSynthesizer`
   *   (`cdk-<qualifier>-cfn-exec-role-<account>-<region>`); none with other synthesizers (a synth warning says so)
   */
  readonly accessPolicyAdminArns?: string[];
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

/** Who publishes to the notification topic: AWS Backup (vault events) and CloudWatch (failed-job alarms). */
const PUBLISHERS = ['backup.amazonaws.com', 'cloudwatch.amazonaws.com'];
/** What a publisher needs on the topic's key (Amazon SNS Developer Guide, encrypted topics and AWS services). */
const PUBLISH_KEY_ACTIONS = ['kms:Decrypt', 'kms:GenerateDataKey*'];

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
  /** The principals that may still change the vault's access policy (see `accessPolicyAdminArns`). */
  public readonly accessPolicyAdminArns: string[];

  constructor(scope: Construct, id: string, props: DrVaultProps = {}) {
    super(scope, id);
    props = props ?? {};
    const owner = ownerLabel('DrVault', this);
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
    this.accessPolicyAdminArns = resolvePolicyAdmins(owner, 'accessPolicyAdminArns', Stack.of(this), props.accessPolicyAdminArns);
    if (props.accessPolicyAdminArns === undefined && this.accessPolicyAdminArns.length === 0) {
      Annotations.of(this).addWarningV2('cdk-reliability:dr-vault-policy-admin-unknown',
        'The stack does not use the DefaultStackSynthesizer, so the role CloudFormation deploys with is unknown: the vault\'s '
        + 'access policy denies backup:PutBackupVaultAccessPolicy to everyone and a later stack update that changes the policy will fail. '
        + 'Pass accessPolicyAdminArns with the ARN of the role that deploys the stack.');
    }

    this.encryptionKey = props.encryptionKey ?? createVaultKey(this, removalPolicy);
    this.notificationTopic = props.notificationTopic ?? new sns.Topic(this, 'Notifications', {
      displayName: `AWS Backup job notifications for ${this.vaultName}`,
      masterKey: this.encryptionKey,
      enforceSSL: true,
    });
    // AWS Backup publishes the vault events; CloudWatch publishes the alarms.
    this.notificationTopic.grantPublish(new iam.ServicePrincipal('backup.amazonaws.com'));
    this.notificationTopic.grantPublish(new iam.ServicePrincipal('cloudwatch.amazonaws.com', {
      conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
    }));
    if (props.encryptionKey || props.notificationTopic) this.letPublishersUseTopicKey();

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

  /**
   * A topic encrypted with a customer-managed key accepts messages from AWS Backup and CloudWatch only when the
   * key policy lets them use the key, and a topic accepts AWS Backup's events only when its topic policy allows
   * them. The vault's own key and topic are set up at creation; a given key (or a given topic's key) is granted
   * here, and where the policy is out of this app's reach (an imported key or topic) the user is told what to add.
   */
  private letPublishersUseTopicKey(): void {
    const unreachable: string[] = [];
    if (!Resource.isOwnedResource(this.notificationTopic)) {
      unreachable.push(`the topic policy must allow ${PUBLISHERS.join(' and ')} sns:Publish`);
    }
    const key = this.notificationTopic.masterKey;
    if (key && Resource.isOwnedResource(key)) {
      for (const service of PUBLISHERS) key.grant(new iam.ServicePrincipal(service), ...PUBLISH_KEY_ACTIONS);
    } else if (key) {
      unreachable.push(`the key policy of the topic's KMS key must allow ${PUBLISHERS.join(' and ')} ${PUBLISH_KEY_ACTIONS.join(' and ')}`);
    }
    if (unreachable.length > 0) {
      Annotations.of(this).addWarningV2('cdk-reliability:dr-topic-publishers',
        `The notification topic or its key is not defined in this app, so the library cannot grant its publishers: ${unreachable.join('; ')}. `
        + 'Without that, AWS Backup events and failed-job alarms never reach the topic.');
    }
  }

  private createVault(lock: ResolvedLock, removalPolicy: RemovalPolicy): backup.BackupVault {
    return new backup.BackupVault(this, 'Vault', {
      backupVaultName: this.vaultName,
      encryptionKey: this.encryptionKey,
      notificationTopic: this.notificationTopic,
      notificationEvents: NOTIFIED_EVENTS,
      removalPolicy,
      lockConfiguration: { minRetention: lock.minRetention, maxRetention: lock.maxRetention, changeableFor: lock.changeableFor },
      accessPolicy: new iam.PolicyDocument({ statements: recoveryPointProtection(this.accessPolicyAdminArns) }),
    });
  }

  private createAirGappedVault(lock: ResolvedLock, removalPolicy: RemovalPolicy): void {
    const vault = new backup.CfnLogicallyAirGappedBackupVault(this, 'Vault', {
      backupVaultName: this.vaultName,
      encryptionKeyArn: this.encryptionKey.keyArn,
      minRetentionDays: lock.minRetention.toDays(),
      maxRetentionDays: (lock.maxRetention ?? Duration.days(DEFAULT_AIR_GAPPED_MAX_RETENTION_DAYS)).toDays(),
      notifications: { backupVaultEvents: NOTIFIED_EVENTS.map(String), snsTopicArn: this.notificationTopic.topicArn },
      accessPolicy: new iam.PolicyDocument({ statements: recoveryPointProtection(this.accessPolicyAdminArns) }).toJSON(),
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
  for (const key of ['minRetention', 'maxRetention', 'changeableFor'] as const) requireKnownDuration(owner, `${prop}.${key}`, lock?.[key]);
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
  for (const service of PUBLISHERS) key.grant(new iam.ServicePrincipal(service), ...PUBLISH_KEY_ACTIONS);
  return key;
}
