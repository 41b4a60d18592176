import {
  Annotations, Duration, Names, Stack, Tags, Token, Validations,
  aws_backup as backup,
  aws_cloudwatch as cloudwatch,
  aws_events as events,
  aws_iam as iam,
  aws_resiliencehub as resiliencehub,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { AuditConfigRecorder } from './audit-config-recorder';
import { AUDIT_RECORDING_TYPES } from './audit-controls';
import { createAuditFramework } from './audit-framework';
import {
  defaultLockMinRetentionDays, defaultRetentionDays, deriveBackupRules, DerivedRule, Problem, retentionProblems, RetentionDays,
} from './backup-rules';
import { BackupRetention, DrBackupPlanProps } from './dr-backup-plan-props';
import {
  checkCopyTarget, checkStrategyMeetsRto, requireKnownDuration, requirePlanShape, requireRecorderWithFramework, requireRegionalRecovery,
  requireVersionedBuckets,
} from './dr-input-rules';
import { DrVault, resolveLock } from './dr-vault';
import { objectiveProblems, ResourceFacts } from './objective-checks';
import { ProtectedResource } from './protected-resource';
import { recordRecoveryWorkload } from './recovery-metadata';
import { RecoveryStrategy } from './recovery-strategy';
import { resilienceHubTier, resiliencyObjectives } from './resiliency-objectives';
import { recoveryMeans, MIN_RETENTION_DAYS } from './resource-capabilities';
import { createRestoreTests } from './restore-testing-plan';
import { resolvePolicyAdmins } from './vault-access-policy';
import { propError, ownerLabel, ReliabilityValidationError } from '../common/errors';


const PLAN_TAG_KEY = 'cdk-reliability:dr-backup-plan';

/** The S3 backup policies live outside `service-role/`. */
function awsManagedPolicyPath(name: string): string {
  return name.includes('S3') ? name : `service-role/${name}`;
}

/**
 * Turns recovery objectives into AWS Backup: a schedule whose frequency meets the RPO (continuous
 * backup where the RPO is under an hour), tiered retention, a locked encrypted vault nobody can delete
 * from, failed-job alarms, cross-Region copies, weekly restore tests, an audit framework and a
 * Resilience Hub policy. Every input is checked at synth.
 */
export class DrBackupPlan extends Construct {
  /** The AWS Backup plan. */
  public readonly plan: backup.BackupPlan;
  /** The plan's locked vault. */
  public readonly vault: DrVault;
  /** The role AWS Backup uses to back up and restore (also for restore tests). */
  public readonly role: iam.IRole;
  /** The interval of the most frequent snapshot rule. */
  public readonly snapshotInterval: Duration;
  /** Whether the plan has a continuous backup (PITR) rule. */
  public readonly continuousBackup: boolean;
  /** The names of the plan's rules, e.g. `Continuous`, `Hourly`, `Daily`, `Weekly`, `Monthly`. */
  public readonly ruleNames: string[];
  /** The failed-job alarms of the plan's vault. */
  public readonly alarms: cloudwatch.IAlarm[];
  /** The restore testing plan, when restore tests are on. */
  public readonly restoreTestingPlan?: backup.CfnRestoreTestingPlan;
  /** The Backup Audit Manager framework, when on. */
  public readonly framework?: backup.CfnFramework;
  /** The Resilience Hub policy, when on. */
  public readonly resiliencyPolicy?: resiliencehub.CfnResiliencyPolicy;
  /** The AWS Config recording of the audit framework, when `auditConfigRecorder` is on. */
  public readonly configRecorder?: AuditConfigRecorder;
  /** How the protected resources recover from the loss of their Region: `recoveredBy`'s strategy, else backup and restore. */
  public readonly strategy: RecoveryStrategy;

  private readonly owner: string;

  constructor(scope: Construct, id: string, props: DrBackupPlanProps) {
    super(scope, id);
    this.owner = ownerLabel('DrBackupPlan', this);
    requirePlanShape(this.owner, props);
    for (const [prop, value] of [['objectives.rpo', props.objectives.rpo], ['objectives.rto', props.objectives.rto]] as const) {
      if (value === undefined) throw propError(this.owner, prop, 'be a Duration', value);
      requireKnownDuration(this.owner, prop, value);
    }
    const rpoMinutes = props.objectives.rpo.toMinutes({ integral: false });
    const rtoMinutes = props.objectives.rto.toMinutes({ integral: false });
    const facts: ResourceFacts[] = props.resources.map((r, i) => ({
      label: `resources[${i}] (${r.type.backupTypeName} ${JSON.stringify(r.name)})`,
      capabilities: r.type._capabilities(),
      nativePitrEnabled: r.pointInTimeRecoveryEnabled,
    }));
    requireVersionedBuckets(this.owner, props.resources);
    this.throwFirst(objectiveProblems(rpoMinutes, rtoMinutes, facts));
    this.strategy = this.checkStrategy(props, rpoMinutes, rtoMinutes);

    this.continuousBackup = rpoMinutes < 60
      && facts.some((f) => recoveryMeans(f.capabilities, f.nativePitrEnabled).usesContinuousBackup);
    const rules = deriveBackupRules({
      rpoMinutes,
      rtoMinutes,
      continuousBackup: this.continuousBackup,
      retention: this.retentionDays(rpoMinutes, props.retention),
    });
    const lockMinDays = props.vaultLock?.minRetention
      ? this.wholeDays('vaultLock.minRetention', props.vaultLock.minRetention)
      : Math.max(1, defaultLockMinRetentionDays(rules));
    const lockMaxDays = requireKnownDuration(this.owner, 'vaultLock.maxRetention', props.vaultLock?.maxRetention)?.toDays({ integral: false });
    this.throwFirst(retentionProblems(rules, { minRetentionDays: lockMinDays, maxRetentionDays: lockMaxDays }));
    this.validateCopy(props, rules);

    const snapshotRules = rules.filter((r) => !r.continuous);
    this.snapshotInterval = Duration.minutes(snapshotRules[0].intervalMinutes);
    this.ruleNames = rules.map((r) => r.name);

    // Checked here so that errors name this construct's prop (vaultLock), not the inner vault's.
    resolveLock(this.owner, 'vaultLock', { ...props.vaultLock, minRetention: Duration.days(lockMinDays) }, false);
    resolvePolicyAdmins(this.owner, 'accessPolicyAdminArns', Stack.of(this), props.accessPolicyAdminArns);
    this.vault = new DrVault(this, 'Vault', {
      encryptionKey: props.encryptionKey,
      notificationTopic: props.notificationTopic,
      alarmActions: props.alarmActions,
      removalPolicy: props.removalPolicy,
      lock: { ...props.vaultLock, minRetention: Duration.days(lockMinDays) },
      accessPolicyAdminArns: props.accessPolicyAdminArns,
    });
    this.alarms = this.vault.alarms;
    this.role = this.createRole(props.resources);
    this.plan = this.createPlan(rules, props);
    this.plan.addSelection('Selection', {
      resources: props.resources.map((r) => r.backupResource),
      role: this.role,
      disableDefaultBackupPolicy: true,
    });
    const planTagValue = Names.uniqueResourceName(this, { maxLength: 128 });
    Tags.of(this.plan).add(PLAN_TAG_KEY, planTagValue);

    const typeNames = [...new Set(props.resources.map((r) => r.type.backupTypeName))];
    const minRetentionDays = Math.min(...rules.map((r) => r.deleteAfterDays));
    if (props.restoreTesting?.enabled ?? true) {
      this.restoreTestingPlan = createRestoreTests(this, {
        owner: this.owner,
        options: props.restoreTesting ?? {},
        resources: props.resources,
        vaultArn: this.vault.backupVault!.backupVaultArn,
        roleArn: this.role.roleArn,
        continuousBackup: this.continuousBackup,
        minRetentionDays,
      });
    }
    const auditFramework = props.auditFramework ?? true;
    requireRecorderWithFramework(this.owner, props.auditConfigRecorder ?? false, auditFramework);
    if (auditFramework) {
      this.configRecorder = this.configRecordingFor(props.auditConfigRecorder ?? false);
      this.framework = createAuditFramework(this, {
        snapshotIntervalHours: snapshotRules[0].intervalMinutes / 60,
        snapshotRetentionDays: snapshotRules[0].deleteAfterDays,
        minRetentionDays,
        rtoMinutes,
        copies: props.copyTo !== undefined,
        copyRegions: props.copyTo && !Token.isUnresolved(props.copyTo.destinationRegion) ? [props.copyTo.destinationRegion] : [],
        policyAdminArns: this.vault.accessPolicyAdminArns,
        planTagKey: PLAN_TAG_KEY,
        planTagValue,
        resourceTypeNames: typeNames,
        vaultName: this.vault.vaultName,
        description: `Checks that ${this.node.path} meets RPO ${props.objectives.rpo.toHumanString()} and RTO ${props.objectives.rto.toHumanString()}`,
      });
    }
    if (props.resiliencyPolicy ?? true) {
      this.resiliencyPolicy = new resiliencehub.CfnResiliencyPolicy(this, 'ResiliencyPolicy', {
        policyName: Names.uniqueResourceName(this, { maxLength: 60 }),
        policyDescription: `Recovery objectives of ${this.node.path}: RPO ${props.objectives.rpo.toHumanString()}, RTO ${props.objectives.rto.toHumanString()}`,
        tier: props.objectives.presetTier?.resilienceHubTier ?? resilienceHubTier(rtoMinutes),
        policy: resiliencyObjectives({
          rpoMinutes,
          rtoMinutes,
          regionCopyIntervalMinutes: props.copyTo ? snapshotRules[0].intervalMinutes : undefined,
        }),
      });
      // The policy keeps the declared RTO; the user already said why the strategy may miss it, once, here.
      if (props.unmetRtoAcknowledgement !== undefined) {
        Validations.of(this.resiliencyPolicy).acknowledge({
          id: 'Reliability-ResiliencyPolicyStrategy',
          reason: `unmetRtoAcknowledgement of ${this.node.path}: ${props.unmetRtoAcknowledgement}`,
        });
      }
    }
  }

  /** The strategy must meet the declared RTO (or the miss is acknowledged); the report gets the facts either way. */
  private checkStrategy(props: DrBackupPlanProps, rpoMinutes: number, rtoMinutes: number): RecoveryStrategy {
    const recovery = props.recoveredBy;
    requireRegionalRecovery(this.owner, recovery, Stack.of(this).region);
    const strategy = recovery?.strategy ?? RecoveryStrategy.BACKUP_AND_RESTORE;
    const unmet = checkStrategyMeetsRto(this.owner, {
      rpoMinutes,
      rtoMinutes,
      strategy: strategy._range(),
      hasRegionalRecovery: recovery !== undefined,
      acknowledgement: props.unmetRtoAcknowledgement,
    });
    recordRecoveryWorkload(this, {
      constructPath: this.node.path,
      tier: props.objectives.presetTier?.name,
      declaredRpoSeconds: rpoMinutes * 60,
      declaredRtoSeconds: rtoMinutes * 60,
      strategy: strategy.key,
      achievableRpoSeconds: strategy.achievableRpo.toSeconds(),
      achievableRtoSeconds: strategy.achievableRto.toSeconds(),
      meetsRto: unmet === undefined,
      strategyNeeded: RecoveryStrategy.forObjectives(props.objectives).key,
      acknowledgement: unmet ? props.unmetRtoAcknowledgement : undefined,
      recoveredBy: recovery?.node.path,
    });
    return strategy;
  }

  /**
   * Backup Audit Manager evaluates its controls through AWS Config: without recording of
   * AWS::Config::ResourceCompliance and the AWS Backup types, the framework deploys and reports nothing.
   */
  private configRecordingFor(createRecorder: boolean): AuditConfigRecorder | undefined {
    if (createRecorder) return new AuditConfigRecorder(this, 'ConfigRecorder');
    Annotations.of(this).addWarningV2('cdk-reliability:dr-audit-needs-config-recording',
      `The Backup Audit Manager framework evaluates nothing unless AWS Config records ${AUDIT_RECORDING_TYPES.join(', ')} `
      + 'in this account and Region. Turn that recording on (AWS Backup console, Settings, Resource tracking), or set '
      + 'auditConfigRecorder: true where no recorder exists yet (one per account and Region), or auditFramework: false.');
    return undefined;
  }

  private throwFirst(problems: Problem[]): void {
    if (problems.length > 0) {
      const p = problems[0];
      throw new ReliabilityValidationError(`${this.owner}: ${p.prop} must ${p.allowed}, got ${p.value}`);
    }
  }

  private wholeDays(prop: string, value: Duration): number {
    requireKnownDuration(this.owner, prop, value);
    const days = value.toDays({ integral: false });
    if (!Number.isInteger(days)) throw propError(this.owner, prop, 'be a whole number of days', value);
    return days;
  }

  /** The tier's profile with the user's overrides, in whole days. */
  private retentionDays(rpoMinutes: number, retention: BackupRetention = {}): RetentionDays {
    const profile = defaultRetentionDays(rpoMinutes);
    const days = (key: keyof BackupRetention, fallback: number | undefined): number | undefined => {
      const value = retention[key];
      return value === undefined ? fallback : this.wholeDays(`retention.${key}`, value);
    };
    return {
      frequent: days('frequent', profile.frequent ?? MIN_RETENTION_DAYS),
      daily: days('daily', profile.daily)!,
      weekly: days('weekly', profile.weekly),
      monthly: days('monthly', profile.monthly),
      continuous: days('continuous', profile.continuous),
      moveToColdStorageAfter: days('moveToColdStorageAfter', undefined),
    };
  }

  /** Copy target checks (dr-input-rules.ts); the destination vault's stack deploys first. */
  private validateCopy(props: DrBackupPlanProps, rules: readonly DerivedRule[]): void {
    const target = props.copyTo;
    checkCopyTarget(this.owner, {
      target,
      hereRegion: Stack.of(this).region,
      copyRetentionGiven: props.copyRetention !== undefined,
      coldStorageGiven: props.copyMoveToColdStorageAfter !== undefined,
      copyDays: props.copyRetention ? this.wholeDays('copyRetention', props.copyRetention) : undefined,
      coldDays: props.copyMoveToColdStorageAfter ? this.wholeDays('copyMoveToColdStorageAfter', props.copyMoveToColdStorageAfter) : undefined,
      rules,
    });
    // The destination vault must exist before the first copy job: deploy its stack first.
    if (target?.drVault && Stack.of(target.drVault) !== Stack.of(this)) {
      Stack.of(this).addStackDependency(Stack.of(target.drVault), 'copy target vault of a DrBackupPlan');
    }
  }

  private createRole(resources: readonly ProtectedResource[]): iam.Role {
    const managed = ['AWSBackupServiceRolePolicyForBackup', 'AWSBackupServiceRolePolicyForRestores'];
    if (resources.some((r) => r.type.key === 'S3')) {
      managed.push('AWSBackupServiceRolePolicyForS3Backup', 'AWSBackupServiceRolePolicyForS3Restore');
    }
    const role = new iam.Role(this, 'BackupRole', {
      assumedBy: new iam.ServicePrincipal('backup.amazonaws.com'),
      description: 'AWS Backup backs up, copies and restores (restore tests) the protected resources',
      managedPolicies: managed.map((name) => iam.ManagedPolicy.fromAwsManagedPolicyName(awsManagedPolicyPath(name))),
    });
    for (const name of managed) {
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${awsManagedPolicyPath(name)}]`,
        reason: `${name} is the AWS-maintained service-role policy AWS Backup documents for backup and restore roles; `
          + 'AWS updates it as resource types are added, a hand-written copy would drift and break jobs',
      });
    }
    return role;
  }

  private createPlan(rules: readonly DerivedRule[], props: DrBackupPlanProps): backup.BackupPlan {
    const destination = props.copyTo
      ? backup.BackupVault.fromBackupVaultArn(this, 'CopyTargetVault', props.copyTo.destinationVaultArn)
      : undefined;
    const plan = new backup.BackupPlan(this, 'Plan', {
      backupPlanName: Names.uniqueResourceName(this, { maxLength: 50 }),
      backupVault: this.vault.backupVault,
    });
    for (const rule of rules) {
      plan.addRule(new backup.BackupPlanRule({
        ruleName: rule.name,
        scheduleExpression: events.Schedule.cron({ ...rule.cron }),
        startWindow: Duration.minutes(rule.startWindowMinutes),
        completionWindow: Duration.minutes(rule.completionWindowMinutes),
        deleteAfter: Duration.days(rule.deleteAfterDays),
        moveToColdStorageAfter: rule.moveToColdStorageAfterDays !== undefined ? Duration.days(rule.moveToColdStorageAfterDays) : undefined,
        enableContinuousBackup: rule.continuous || undefined,
        // Continuous recovery points are not copied; the snapshot rules carry the copies.
        copyActions: destination && !rule.continuous ? [{
          destinationBackupVault: destination,
          deleteAfter: props.copyRetention ?? Duration.days(rule.deleteAfterDays),
          moveToColdStorageAfter: props.copyMoveToColdStorageAfter,
        }] : undefined,
      }));
    }
    return plan;
  }
}
