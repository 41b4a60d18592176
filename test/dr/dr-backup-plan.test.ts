import { App, Duration, Stack, Token, aws_events as events, aws_s3 as s3 } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { BACKUP_ONLY_ACK, compliantTable, stackIn } from './helpers';
import {
  CopyTarget, DrBackupPlan, DrBackupPlanProps, DrVault, ProtectedResource, ProtectedResourceType,
  RecoveryObjectives, RecoveryTier,
} from '../../src/dr';

const RDS_ARN = 'arn:aws:rds:us-east-1:111111111111:db:orders';
const EFS_ARN = 'arn:aws:elasticfilesystem:us-east-1:111111111111:file-system/fs-123';

function build(props: (stack: Stack) => Partial<DrBackupPlanProps>, region = 'us-east-1') {
  const app = new App();
  const stack = stackIn(app, 'Main', region);
  const table = compliantTable(stack);
  const merged: DrBackupPlanProps = {
    objectives: RecoveryObjectives.tier(RecoveryTier.CRITICAL),
    resources: [ProtectedResource.dynamoDbTable(table)],
    ...props(stack),
  };
  // Backup and restore meets no RTO under 4 hours: tests of the schedule acknowledge it (strategy tests do not).
  const rto = merged.objectives?.rto;
  const needsAck = !('unmetRtoAcknowledgement' in merged) && rto?.toMinutes && !rto.isUnresolved() && rto.toMinutes() < 240;
  const plan = new DrBackupPlan(stack, 'Dr', needsAck ? { ...merged, unmetRtoAcknowledgement: BACKUP_ONLY_ACK } : merged);
  return { app, stack, plan, template: Template.fromStack(stack) };
}

function rules(template: Template): Array<Record<string, any>> {
  const plans = template.findResources('AWS::Backup::BackupPlan');
  return Object.values(plans)[0].Properties.BackupPlan.BackupPlanRule;
}

function ruleSummary(template: Template): string[] {
  return rules(template).map((r) => `${r.RuleName} ${r.ScheduleExpression} keep ${r.Lifecycle.DeleteAfterDays}d`
    + `${r.EnableContinuousBackup ? ' PITR' : ''} start ${r.StartWindowMinutes} complete ${r.CompletionWindowMinutes}`);
}

describe('DrBackupPlan derived schedule and retention', () => {
  test('critical tier, DynamoDB with PITR: hourly snapshots (the table PITR covers 15 min), daily / weekly / monthly', () => {
    const { template, plan } = build(() => ({}));
    expect(ruleSummary(template)).toEqual([
      'Hourly cron(0 * * * ? *) keep 7d start 60 complete 120',
      'Daily cron(0 5 * * ? *) keep 35d start 60 complete 120',
      'Weekly cron(0 5 ? * SUN *) keep 91d start 60 complete 120',
      'Monthly cron(0 5 1 * ? *) keep 365d start 60 complete 120',
    ]);
    expect(plan.continuousBackup).toBe(false);
    expect(plan.snapshotInterval.toMinutes()).toBe(60);
  });

  test('critical tier, RDS: a continuous backup (PITR) rule kept 35 days plus hourly snapshots', () => {
    const { template, plan } = build(() => ({ resources: [ProtectedResource.fromArn(RDS_ARN, ProtectedResourceType.RDS)] }));
    expect(ruleSummary(template)[0]).toBe('Continuous cron(0 * * * ? *) keep 35d PITR start 60 complete 120');
    expect(ruleSummary(template)[1]).toBe('Hourly cron(0 * * * ? *) keep 7d start 60 complete 120');
    expect(plan.ruleNames).toEqual(['Continuous', 'Hourly', 'Daily', 'Weekly', 'Monthly']);
    expect(rules(template)[0].MoveToColdStorageAfterDays).toBeUndefined();
  });

  test('important tier: every 4 hours, daily and weekly, windows within the interval', () => {
    const { template } = build(() => ({ objectives: RecoveryObjectives.tier(RecoveryTier.IMPORTANT) }));
    expect(ruleSummary(template)).toEqual([
      'Every4Hours cron(0 */4 * * ? *) keep 7d start 120 complete 240',
      'Daily cron(0 5 * * ? *) keep 35d start 480 complete 540',
      'Weekly cron(0 5 ? * SUN *) keep 91d start 480 complete 540',
    ]);
  });

  test('standard tier: one daily rule kept 35 days', () => {
    const { template } = build(() => ({ objectives: RecoveryObjectives.tier(RecoveryTier.STANDARD) }));
    expect(ruleSummary(template)).toEqual(['Daily cron(0 5 * * ? *) keep 35d start 480 complete 1440']);
  });

  test('explicit objectives RPO 2 h / RTO 6 h: every 2 hours with the important profile', () => {
    const { template } = build(() => ({ objectives: RecoveryObjectives.of({ rpo: Duration.hours(2), rto: Duration.hours(6) }) }));
    expect(ruleSummary(template)).toEqual([
      'Every2Hours cron(0 */2 * * ? *) keep 7d start 60 complete 120',
      'Daily cron(0 5 * * ? *) keep 35d start 360 complete 420',
      'Weekly cron(0 5 ? * SUN *) keep 91d start 360 complete 420',
    ]);
  });

  test('retention overrides: a monthly rule on the standard tier with cold storage after 30 days', () => {
    const { template } = build(() => ({
      objectives: RecoveryObjectives.tier(RecoveryTier.STANDARD),
      retention: { daily: Duration.days(14), monthly: Duration.days(365), moveToColdStorageAfter: Duration.days(30) },
    }));
    expect(rules(template).map((r) => [r.RuleName, r.Lifecycle])).toEqual([
      ['Daily', { DeleteAfterDays: 14 }],
      ['Monthly', { DeleteAfterDays: 365, MoveToColdStorageAfterDays: 30 }],
    ]);
  });
});

describe('DrBackupPlan vault, lock, notifications and alarms', () => {
  test('the vault is encrypted with a rotated, retained CMK and locked in compliance mode at the shortest retention', () => {
    const { template } = build(() => ({}));
    template.hasResourceProperties('AWS::Backup::BackupVault', {
      EncryptionKeyArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('DrVaultKey'), 'Arn'] },
      LockConfiguration: { MinRetentionDays: 7, ChangeableForDays: 3 },
      AccessPolicy: {
        Statement: [
          Match.objectLike({ Sid: 'DenyManualDeletion', Effect: 'Deny', Principal: { AWS: '*' }, Resource: '*' }),
          Match.objectLike({ Sid: 'DenyRecoveryPointDeletionToPolicyAdmins', Effect: 'Deny', Principal: { AWS: '*' }, Resource: '*' }),
        ],
        Version: '2012-10-17',
      },
      Notifications: { BackupVaultEvents: Match.arrayWith(['BACKUP_JOB_COMPLETED', 'COPY_JOB_FAILED', 'RESTORE_JOB_COMPLETED']) },
    });
    template.hasResource('AWS::Backup::BackupVault', { DeletionPolicy: 'Retain' });
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ EnableKeyRotation: true, Description: Match.stringLikeRegexp('AWS Backup') }) });
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('DrVaultKey'), 'Arn'] } });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  test('an explicit lock: longer minimum, a maximum and a longer grace time', () => {
    const { template } = build(() => ({
      objectives: RecoveryObjectives.tier(RecoveryTier.STANDARD),
      vaultLock: { minRetention: Duration.days(30), maxRetention: Duration.days(400), changeableFor: Duration.days(7) },
    }));
    template.hasResourceProperties('AWS::Backup::BackupVault', {
      LockConfiguration: { MinRetentionDays: 30, MaxRetentionDays: 400, ChangeableForDays: 7 },
    });
  });

  test('an alarm with an action on each AWS/Backup failed-job metric of the vault', () => {
    const { template } = build(() => ({}));
    for (const metric of ['NumberOfBackupJobsFailed', 'NumberOfCopyJobsFailed', 'NumberOfRestoreJobsFailed']) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/Backup',
        MetricName: metric,
        Dimensions: [{ Name: 'BackupVaultName', Value: Match.stringLikeRegexp('^MainDrVault') }],
        Statistic: 'Sum',
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: [{ Ref: Match.stringLikeRegexp('DrVaultNotifications') }],
      });
    }
  });

  test('the selection protects the table with a role AWS Backup assumes for backups and restores', () => {
    const { template } = build(() => ({}));
    template.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: Match.objectLike({ Resources: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('Orders'), 'Arn'] }] }),
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'backup.amazonaws.com' } })] },
      ManagedPolicyArns: [
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup']] },
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores']] },
      ],
    });
  });

  test('tag selection', () => {
    const { template } = build(() => ({ resources: [ProtectedResource.fromTag('backup', 'critical', ProtectedResourceType.RDS)] }));
    template.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: Match.objectLike({ ListOfTags: [{ ConditionKey: 'backup', ConditionType: 'STRINGEQUALS', ConditionValue: 'critical' }] }),
    });
    template.hasResourceProperties('AWS::Backup::RestoreTestingSelection', {
      ProtectedResourceType: 'RDS',
      ProtectedResourceArns: ['*'],
      ProtectedResourceConditions: { StringEquals: [{ Key: 'aws:ResourceTag/backup', Value: 'critical' }] },
    });
  });
});

describe('DrBackupPlan cross-Region copy', () => {
  function withDrVault(drRegion: string, vaultProps = {}, planProps: Partial<DrBackupPlanProps> = {}) {
    const app = new App();
    const drStack = stackIn(app, 'DrRegion', drRegion);
    const drVault = new DrVault(drStack, 'DrVault', vaultProps);
    const stack = stackIn(app, 'Main');
    const table = compliantTable(stack);
    const critical = planProps.objectives === undefined;
    new DrBackupPlan(stack, 'Dr', {
      objectives: RecoveryObjectives.tier(RecoveryTier.CRITICAL),
      unmetRtoAcknowledgement: critical ? BACKUP_ONLY_ACK : undefined,
      resources: [ProtectedResource.dynamoDbTable(table)],
      copyTo: CopyTarget.vault(drVault),
      ...planProps,
    });
    return { stack, drStack, template: Template.fromStack(stack) };
  }

  test('every snapshot rule copies to the DrVault, kept as long as the source', () => {
    const { template, stack, drStack } = withDrVault('us-west-2');
    const copyArn = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':backup:us-west-2:111111111111:backup-vault:DrRegionDrVault9B20AA2E']] };
    expect(rules(template).map((r) => [r.RuleName, r.CopyActions])).toEqual([
      ['Hourly', [{ DestinationBackupVaultArn: copyArn, Lifecycle: { DeleteAfterDays: 7 } }]],
      ['Daily', [{ DestinationBackupVaultArn: copyArn, Lifecycle: { DeleteAfterDays: 35 } }]],
      ['Weekly', [{ DestinationBackupVaultArn: copyArn, Lifecycle: { DeleteAfterDays: 91 } }]],
      ['Monthly', [{ DestinationBackupVaultArn: copyArn, Lifecycle: { DeleteAfterDays: 365 } }]],
    ]);
    expect(stack.dependencies).toContain(drStack);
    template.hasResourceProperties('AWS::Backup::Framework', {
      FrameworkControls: Match.arrayWith([{
        ControlName: 'BACKUP_RESOURCES_PROTECTED_BY_CROSS_REGION',
        ControlInputParameters: [{ ParameterName: 'crossRegionList', ParameterValue: 'us-west-2' }],
        ControlScope: { ComplianceResourceTypes: ['DynamoDB'] },
      }]),
    });
    template.hasResourceProperties('AWS::ResilienceHub::ResiliencyPolicy', {
      Policy: Match.objectLike({ Region: { RpoInSecs: 3600, RtoInSecs: 3600 } }),
    });
  });

  test('continuous recovery points are not copied', () => {
    const { template } = withDrVault('us-west-2', {}, { resources: [ProtectedResource.fromArn(RDS_ARN, ProtectedResourceType.RDS)] });
    expect(rules(template)[0]).toMatchObject({ RuleName: 'Continuous', EnableContinuousBackup: true });
    expect(rules(template)[0].CopyActions).toBeUndefined();
  });

  test('copy retention and cold storage that respect the 90-day rule', () => {
    const { template } = withDrVault('us-west-2', {}, {
      objectives: RecoveryObjectives.tier(RecoveryTier.STANDARD),
      copyRetention: Duration.days(180),
      copyMoveToColdStorageAfter: Duration.days(30),
    });
    expect(rules(template)[0].CopyActions[0].Lifecycle).toEqual({ DeleteAfterDays: 180, MoveToColdStorageAfterDays: 30 });
  });

  test('a vault ARN in another Region', () => {
    const { template } = build(() => ({
      objectives: RecoveryObjectives.tier(RecoveryTier.STANDARD),
      copyTo: CopyTarget.vaultArn('arn:aws:backup:eu-west-1:222222222222:backup-vault:central'),
    }));
    expect(rules(template)[0].CopyActions).toEqual([{
      DestinationBackupVaultArn: 'arn:aws:backup:eu-west-1:222222222222:backup-vault:central', Lifecycle: { DeleteAfterDays: 35 },
    }]);
  });

  test('an air-gapped vault may share the Region', () => {
    const { template } = withDrVault('us-east-1', { airGapped: true }, { objectives: RecoveryObjectives.tier(RecoveryTier.STANDARD) });
    expect(rules(template)[0].CopyActions).toHaveLength(1);
  });
});

describe('DrBackupPlan restore testing, audit and resiliency policy', () => {
  test('weekly restore tests of the latest snapshot of each protected type, 1-hour validation window', () => {
    const { template } = build(() => ({ resources: [ProtectedResource.fromArn(RDS_ARN, ProtectedResourceType.RDS)] }));
    template.hasResourceProperties('AWS::Backup::RestoreTestingPlan', {
      ScheduleExpression: 'cron(0 6 ? * MON *)',
      RecoveryPointSelection: {
        Algorithm: 'LATEST_WITHIN_WINDOW',
        IncludeVaults: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('DrVault'), 'BackupVaultArn'] }],
        RecoveryPointTypes: ['SNAPSHOT', 'CONTINUOUS'],
        SelectionWindowDays: 7,
      },
    });
    template.hasResourceProperties('AWS::Backup::RestoreTestingSelection', {
      ProtectedResourceType: 'RDS',
      ProtectedResourceArns: [RDS_ARN],
      ValidationWindowHours: 1,
      IamRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('BackupRole'), 'Arn'] },
    });
  });

  test('one restore test selection per resource type', () => {
    const { template } = build((stack) => ({
      resources: [
        ProtectedResource.dynamoDbTable(compliantTable(stack, 'Customers')),
        ProtectedResource.dynamoDbTable(compliantTable(stack, 'Invoices')),
        ProtectedResource.fromArn(RDS_ARN, ProtectedResourceType.RDS),
      ],
    }));
    const selections = Object.values(template.findResources('AWS::Backup::RestoreTestingSelection'));
    expect(selections.map((s) => [s.Properties.ProtectedResourceType, s.Properties.ProtectedResourceArns.length]).sort())
      .toEqual([['DynamoDB', 2], ['RDS', 1]]);
  });

  test('restore test schedule and windows are configurable, and tests can be turned off', () => {
    const custom = build(() => ({
      restoreTesting: {
        schedule: events.Schedule.cron({ minute: '30', hour: '2', day: '1' }),
        validationWindow: Duration.hours(4),
        selectionWindow: Duration.days(3),
      },
    })).template;
    custom.hasResourceProperties('AWS::Backup::RestoreTestingPlan', {
      ScheduleExpression: 'cron(30 2 1 * ? *)', RecoveryPointSelection: Match.objectLike({ SelectionWindowDays: 3 }),
    });
    custom.hasResourceProperties('AWS::Backup::RestoreTestingSelection', { ValidationWindowHours: 4 });
    const off = build(() => ({ restoreTesting: { enabled: false } })).template;
    off.resourceCountIs('AWS::Backup::RestoreTestingPlan', 0);
    off.resourceCountIs('AWS::Backup::RestoreTestingSelection', 0);
  });

  test('the audit framework checks frequency, retention, encryption, deletion, lock, freshness and restore time', () => {
    const { template } = build(() => ({}));
    const framework = Object.values(template.findResources('AWS::Backup::Framework'))[0].Properties;
    const byName = Object.fromEntries(framework.FrameworkControls.map((c: any) => [c.ControlName, c]));
    expect(Object.keys(byName)).toEqual([
      'BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK', 'BACKUP_RESOURCES_PROTECTED_BY_BACKUP_PLAN',
      'BACKUP_RECOVERY_POINT_MINIMUM_RETENTION_CHECK', 'BACKUP_RECOVERY_POINT_ENCRYPTED',
      'BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED', 'BACKUP_RESOURCES_PROTECTED_BY_BACKUP_VAULT_LOCK',
      'BACKUP_LAST_RECOVERY_POINT_CREATED', 'RESTORE_TIME_FOR_RESOURCES_MEET_TARGET',
    ]);
    expect(byName.BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK).toEqual({
      ControlName: 'BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK',
      ControlInputParameters: [
        { ParameterName: 'requiredFrequencyUnit', ParameterValue: 'hours' },
        { ParameterName: 'requiredFrequencyValue', ParameterValue: '1' },
        { ParameterName: 'requiredRetentionDays', ParameterValue: '7' },
      ],
      ControlScope: { Tags: [{ Key: 'cdk-reliability:dr-backup-plan', Value: 'MainDr32CA04D2' }] },
    });
    expect(byName.RESTORE_TIME_FOR_RESOURCES_MEET_TARGET.ControlInputParameters).toEqual([{ ParameterName: 'maxRestoreTime', ParameterValue: '60' }]);
    template.hasResourceProperties('AWS::Backup::BackupPlan', { BackupPlanTags: { 'cdk-reliability:dr-backup-plan': 'MainDr32CA04D2' } });
  });

  test('the resiliency policy carries the declared objectives per disruption type and the tier', () => {
    const { template } = build(() => ({}));
    const local = { RpoInSecs: 900, RtoInSecs: 3600 };
    template.hasResourceProperties('AWS::ResilienceHub::ResiliencyPolicy', {
      Tier: 'Critical', Policy: { Software: local, Hardware: local, AZ: local },
    });
    const important = build(() => ({ objectives: RecoveryObjectives.tier(RecoveryTier.IMPORTANT) })).template;
    important.hasResourceProperties('AWS::ResilienceHub::ResiliencyPolicy', {
      Tier: 'Important', Policy: Match.objectLike({ AZ: { RpoInSecs: 14400, RtoInSecs: 28800 } }),
    });
    const explicit = build(() => ({ objectives: RecoveryObjectives.of({ rpo: Duration.hours(12), rto: Duration.hours(48) }) })).template;
    explicit.hasResourceProperties('AWS::ResilienceHub::ResiliencyPolicy', {
      Tier: 'NonCritical', Policy: Match.objectLike({ Software: { RpoInSecs: 43200, RtoInSecs: 172800 } }),
    });
  });

  test('the framework and the policy can be left out', () => {
    const { template } = build(() => ({ auditFramework: false, resiliencyPolicy: false }));
    template.resourceCountIs('AWS::Backup::Framework', 0);
    template.resourceCountIs('AWS::ResilienceHub::ResiliencyPolicy', 0);
  });
});

describe('DrBackupPlan validation', () => {
  const expectError = (props: (stack: Stack) => Partial<DrBackupPlanProps>, message: string) =>
    expect(() => build(props)).toThrow(message);

  test('empty resources', () => {
    expectError(() => ({ resources: [] }), "DrBackupPlan 'Dr': resources must hold at least one ProtectedResource, got an array of 0");
  });
  test('RPO shorter than the resource type can achieve', () => {
    expectError(() => ({ resources: [ProtectedResource.fromArn(EFS_ARN, ProtectedResourceType.EFS)] }),
      `DrBackupPlan 'Dr': objectives.rpo must be at least 1 hour for resources[0] (EFS "${EFS_ARN}"): AWS Backup snapshots run at most hourly and EFS has no continuous backup, got 15 minutes`);
  });
  test('RPO under an hour for a DynamoDB table without PITR', () => {
    expectError((stack) => ({ resources: [ProtectedResource.dynamoDbTable(compliantTable(stack, 'NoPitr', false))] }),
      "DrBackupPlan 'Dr': objectives.rpo must be at least 1 hour for resources[0] (DynamoDB \"NoPitr\"): AWS Backup snapshots run at most hourly; enable the DynamoDB point-in-time recovery to go lower, got 15 minutes");
  });
  test('objectives only known at deploy time', () => {
    expectError(() => ({ objectives: RecoveryObjectives.of({ rpo: Duration.minutes(Token.asNumber({ Ref: 'Rpo' })), rto: Duration.hours(1) }) }),
      "DrBackupPlan 'Dr': objectives.rpo must be a plain number known at synth (not a token), got a token");
  });
  test('an S3 bucket without versioning', () => {
    expectError((stack) => ({ resources: [ProtectedResource.s3Bucket(new s3.Bucket(stack, 'Plain'))] }),
      "DrBackupPlan 'Dr': resources[0] must be a versioned bucket (AWS Backup backs up S3 only with versioning on), got \"Plain\"");
  });
  test('a versioned S3 bucket gets a continuous backup rule and the S3 backup policies', () => {
    const { template } = build((stack) => ({ resources: [ProtectedResource.s3Bucket(new s3.Bucket(stack, 'Versioned', { versioned: true }))] }));
    expect(rules(template)[0]).toMatchObject({ RuleName: 'Continuous', EnableContinuousBackup: true });
    template.hasResourceProperties('AWS::IAM::Role', {
      ManagedPolicyArns: Match.arrayWith([{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup']] }]),
    });
  });
  test('RTO shorter than the restore the RPO implies', () => {
    expectError(() => ({
      objectives: RecoveryObjectives.of({ rpo: Duration.minutes(15), rto: Duration.minutes(30) }),
      resources: [ProtectedResource.fromArn(RDS_ARN, ProtectedResourceType.RDS)],
    }), `DrBackupPlan 'Dr': objectives.rto must be at least 45 minutes for resources[0] (RDS "${RDS_ARN}"): a point-in-time restore of RDS takes about that long, got 30 minutes`);
  });
  test('retention below 7 days', () => {
    expectError(() => ({ retention: { frequent: Duration.days(3) } }), "DrBackupPlan 'Dr': retention.frequent must be at least 7 days, got 3 days");
  });
  test('retention below the vault lock minimum', () => {
    expectError(() => ({ vaultLock: { minRetention: Duration.days(30) } }),
      "DrBackupPlan 'Dr': retention.frequent must be at least the vault lock minRetention of 30 days, got 7 days");
  });
  test('retention above the vault lock maximum', () => {
    expectError(() => ({ vaultLock: { maxRetention: Duration.days(100) } }),
      "DrBackupPlan 'Dr': retention.monthly must be at most the vault lock maxRetention of 100 days, got 365 days");
  });
  test('cold storage that breaks the 90-day rule', () => {
    expectError(() => ({ retention: { moveToColdStorageAfter: Duration.days(300) } }),
      "DrBackupPlan 'Dr': retention.moveToColdStorageAfter must be at least 90 days before retention.monthly (365 days), because recovery points stay in cold storage at least 90 days, got 300 days");
  });
  test('continuous backup kept over 35 days', () => {
    expectError(() => ({ resources: [ProtectedResource.fromArn(RDS_ARN, ProtectedResourceType.RDS)], retention: { continuous: Duration.days(60) } }),
      "DrBackupPlan 'Dr': retention.continuous must be between 1 and 35 days (continuous backup / PITR limit), got 60 days");
  });
  test('retention that is not a whole number of days', () => {
    expectError(() => ({ retention: { daily: Duration.hours(36) } }), "DrBackupPlan 'Dr': retention.daily must be a whole number of days, got 1 day 12 hours");
  });
  test('copy to the same Region (DrVault)', () => {
    expect(() => {
      const app = new App();
      const other = stackIn(app, 'SameRegion', 'us-east-1');
      const drVault = new DrVault(other, 'DrVault');
      const stack = stackIn(app, 'Main');
      new DrBackupPlan(stack, 'Dr', {
        objectives: RecoveryObjectives.tier(RecoveryTier.CRITICAL),
        unmetRtoAcknowledgement: BACKUP_ONLY_ACK,
        resources: [ProtectedResource.dynamoDbTable(compliantTable(stack))],
        copyTo: CopyTarget.vault(drVault),
      });
    }).toThrow("DrBackupPlan 'Dr': copyTo must be a vault in another Region than us-east-1 (only an air-gapped vault may share the Region), got \"us-east-1\"");
  });
  test('copy to the same Region (ARN)', () => {
    expectError(() => ({ copyTo: CopyTarget.vaultArn('arn:aws:backup:us-east-1:111111111111:backup-vault:dr') }),
      "DrBackupPlan 'Dr': copyTo must be a vault in another Region than us-east-1");
  });
  test('copy to a DrVault whose Region is unknown at synth', () => {
    expect(() => {
      const app = new App();
      const drVault = new DrVault(new Stack(app, 'Agnostic'), 'DrVault');
      const stack = stackIn(app, 'Main');
      new DrBackupPlan(stack, 'Dr', {
        objectives: RecoveryObjectives.tier(RecoveryTier.CRITICAL),
        unmetRtoAcknowledgement: BACKUP_ONLY_ACK,
        resources: [ProtectedResource.dynamoDbTable(compliantTable(stack))],
        copyTo: CopyTarget.vault(drVault),
      });
    }).toThrow("DrBackupPlan 'Dr': copyTo must be a DrVault in a stack with an explicit env.region, got (a token)");
  });
  test('copy retention below the destination vault lock', () => {
    expect(() => {
      const app = new App();
      const drVault = new DrVault(stackIn(app, 'DrRegion', 'us-west-2'), 'DrVault', { lock: { minRetention: Duration.days(30) } });
      const stack = stackIn(app, 'Main');
      new DrBackupPlan(stack, 'Dr', {
        objectives: RecoveryObjectives.tier(RecoveryTier.CRITICAL),
        unmetRtoAcknowledgement: BACKUP_ONLY_ACK,
        resources: [ProtectedResource.dynamoDbTable(compliantTable(stack))],
        copyTo: CopyTarget.vault(drVault),
      });
    }).toThrow("DrBackupPlan 'Dr': retention.frequent (kept by the copies) must be at least the copy target's vault lock minRetention of 30 days, got 7 days");
  });
  test('copy cold storage that breaks the 90-day rule', () => {
    expectError(() => ({
      copyTo: CopyTarget.vaultArn('arn:aws:backup:us-west-2:111111111111:backup-vault:dr'),
      copyRetention: Duration.days(100),
      copyMoveToColdStorageAfter: Duration.days(30),
    }), "DrBackupPlan 'Dr': copyMoveToColdStorageAfter must be at least 90 days before copyRetention (100 days), because recovery points stay in cold storage at least 90 days, got 30 days");
  });
  test('copy settings without a copy target', () => {
    expectError(() => ({ copyRetention: Duration.days(30) }), "DrBackupPlan 'Dr': copyTo must be set when copyRetention or copyMoveToColdStorageAfter is, got undefined");
  });
  test('restore test windows out of range', () => {
    expectError(() => ({ restoreTesting: { validationWindow: Duration.hours(200) } }),
      "DrBackupPlan 'Dr': restoreTesting.validationWindow must be a whole number of hours between 1 and 168, got 8 days 8 hours");
    expectError(() => ({ restoreTesting: { selectionWindow: Duration.days(30) } }),
      "DrBackupPlan 'Dr': restoreTesting.selectionWindow must be a whole number of days between 1 and 7 (the shortest retention), got 30 days");
  });
  test('a lock grace time under the 72-hour cooling-off period', () => {
    expectError(() => ({ vaultLock: { changeableFor: Duration.days(1) } }),
      "DrBackupPlan 'Dr': vaultLock.changeableFor must be at least 3 days (AWS Backup's 72-hour cooling-off period), got 1 day");
  });

  describe('JavaScript callers, tokens, time zones and copy targets (house errors, never a TypeError or a token-encoded number)', () => {
    const tokenDays = () => Duration.days(Token.asNumber({ Ref: 'Days' }));
    const expectHouseError = (make: () => unknown, message: string) => {
      let error: any;
      try { make(); } catch (e) { error = e; }
      expect(error?.name).toBe('ValidationError');
      expect(error.message).toContain(message);
      expect(error.message).not.toMatch(/e\+\d{3}/);
    };
    test.each([
      ['props left out', () => new DrBackupPlan(stackIn(new App(), 'Main'), 'Dr', undefined as any),
        "DrBackupPlan 'Dr': props must be given with objectives and resources, got undefined"],
      ['objectives left out', () => build(() => ({ objectives: undefined as any })),
        "DrBackupPlan 'Dr': objectives must be RecoveryObjectives.tier(...) or RecoveryObjectives.of({ rpo, rto }), got undefined"],
      ['resources left out', () => build(() => ({ resources: undefined as any })),
        "DrBackupPlan 'Dr': resources must hold at least one ProtectedResource, got undefined"],
      ['a hole in resources', () => build(() => ({ resources: [undefined as any] })),
        "DrBackupPlan 'Dr': resources[0] must be a ProtectedResource (ProtectedResource.dynamoDbTable(...), fromArn(...), ...), got undefined"],
      ['rpo left out', () => build(() => ({ objectives: RecoveryObjectives.of({ rto: Duration.hours(1) } as any) })),
        "DrBackupPlan 'Dr': objectives.rpo must be a Duration, got undefined"],
      ['a token retention', () => build(() => ({ retention: { daily: tokenDays() } })),
        "DrBackupPlan 'Dr': retention.daily must be a plain number known at synth (not a token), got a token"],
      ['a token vault lock maximum', () => build(() => ({ vaultLock: { maxRetention: tokenDays() } })),
        "DrBackupPlan 'Dr': vaultLock.maxRetention must be a plain number known at synth (not a token), got a token"],
      ['a token vault lock grace time', () => build(() => ({ vaultLock: { changeableFor: tokenDays() } })),
        "DrBackupPlan 'Dr': vaultLock.changeableFor must be a plain number known at synth (not a token), got a token"],
      ['a token restore validation window', () => build(() => ({ restoreTesting: { validationWindow: Duration.hours(Token.asNumber({ Ref: 'H' })) } })),
        "DrBackupPlan 'Dr': restoreTesting.validationWindow must be a plain number known at synth (not a token), got a token"],
      ['a token restore selection window', () => build(() => ({ restoreTesting: { selectionWindow: tokenDays() } })),
        "DrBackupPlan 'Dr': restoreTesting.selectionWindow must be a plain number known at synth (not a token), got a token"],
      ['a token copy retention', () => build(() => ({ copyTo: CopyTarget.vaultArn('arn:aws:backup:us-west-2:111111111111:backup-vault:dr'), copyRetention: tokenDays() })),
        "DrBackupPlan 'Dr': copyRetention must be a plain number known at synth (not a token), got a token"],
      ['an unknown time zone', () => build(() => ({ restoreTesting: { scheduleTimeZone: 'Mars/Olympus_Mons' } })),
        "DrBackupPlan 'Dr': restoreTesting.scheduleTimeZone must be an IANA time zone name such as \"UTC\" or \"Europe/Paris\", got \"Mars/Olympus_Mons\""],
      ['a time zone in the wrong case', () => build(() => ({ restoreTesting: { scheduleTimeZone: 'europe/paris' } })),
        "DrBackupPlan 'Dr': restoreTesting.scheduleTimeZone must be an IANA time zone name such as \"UTC\" or \"Europe/Paris\", got \"europe/paris\""],
      ['a vault ARN with no Region name', () => build(() => ({ copyTo: CopyTarget.vaultArn('arn:aws:backup:uswest2:111111111111:backup-vault:dr') })),
        "DrBackupPlan 'Dr': copyTo must be a backup vault ARN arn:<partition>:backup:<region>:<account>:backup-vault:<name> with a Region name such as us-west-2, got \"arn:aws:backup:uswest2:111111111111:backup-vault:dr\""],
      ['something that is not an ARN', () => build(() => ({ copyTo: CopyTarget.vaultArn('orders-recovery') })),
        "DrBackupPlan 'Dr': copyTo must be a backup vault ARN arn:<partition>:backup:<region>:<account>:backup-vault:<name> with a Region name such as us-west-2, got \"orders-recovery\""],
      ['a copy target that is not a CopyTarget', () => build(() => ({ copyTo: { destinationVaultArn: 'arn:aws:backup:us-west-2:111111111111:backup-vault:dr' } as any })),
        "DrBackupPlan 'Dr': copyTo must be CopyTarget.vault(drVault) or CopyTarget.vaultArn(arn), got [object Object]"],
      ['a policy admin that is not an IAM ARN', () => build(() => ({ accessPolicyAdminArns: ['Deployer'] })),
        "DrBackupPlan 'Dr': accessPolicyAdminArns[0] must be an IAM role or user ARN such as arn:aws:iam::111111111111:role/Deployer, got \"Deployer\""],
      ['more policy admins than the control takes', () => build(() => ({ accessPolicyAdminArns: Array.from({ length: 6 }, (_, i) => `arn:aws:iam::111111111111:role/R${i}`) })),
        "DrBackupPlan 'Dr': accessPolicyAdminArns must be an array of at most 5 IAM role or user ARNs (the control's principalArnList limit), got an array of 6"],
      ['a recorder without a framework', () => build(() => ({ auditFramework: false, auditConfigRecorder: true })),
        "DrBackupPlan 'Dr': auditConfigRecorder must be left out when auditFramework is false (the recording serves the framework), got true"],
      ['CopyTarget.vault without a vault', () => CopyTarget.vault(undefined as any), 'CopyTarget.vault: vault must be a DrVault, got undefined'],
    ])('%s', (_, make, message) => expectHouseError(make, message));

    test.each(['UTC', 'Etc/UTC', 'Europe/Paris', 'America/Argentina/Buenos_Aires'])('the time zone %s is accepted and written to the restore testing plan', (zone) => {
      build(() => ({ restoreTesting: { scheduleTimeZone: zone } })).template
        .hasResourceProperties('AWS::Backup::RestoreTestingPlan', { ScheduleExpressionTimezone: zone });
    });
  });
});

describe('DrBackupPlan recovery strategy', () => {
  // The strategy facts are on the construct and its stack's metadata: no synthesis needed.
  function plan(props: Partial<DrBackupPlanProps>) {
    const stack = stackIn(new App({ builtinCloudFormationValidation: false }), 'Main');
    const drPlan = new DrBackupPlan(stack, 'Dr', {
      objectives: RecoveryObjectives.tier(RecoveryTier.CRITICAL),
      resources: [ProtectedResource.dynamoDbTable(compliantTable(stack))],
      ...props,
    });
    return { stack, plan: drPlan };
  }

  test('the critical tier with backup and restore alone fails synth and names warm standby', () => {
    expect(() => plan({}))
      .toThrow("[Main/Dr] DrBackupPlan 'Dr': objectives.rto must be at least 4 hours for backup and restore");
    expect(() => plan({})).toThrow('warm standby would');
  });
  test('an acknowledged miss is recorded for the report with the strategy the objectives need', () => {
    const { stack, plan: drPlan } = plan({ unmetRtoAcknowledgement: 'Orders can wait half a day in a Regional outage' });
    expect(drPlan.strategy.key).toBe('BACKUP_AND_RESTORE');
    expect(stack.templateOptions.metadata?.['cdk-reliability:recovery']).toEqual({
      formatVersion: 1,
      regionSwitchPlans: [],
      workloads: [{
        constructPath: 'Main/Dr',
        tier: 'critical',
        declaredRpoSeconds: 900,
        declaredRtoSeconds: 3600,
        strategy: 'BACKUP_AND_RESTORE',
        achievableRpoSeconds: 3600,
        achievableRtoSeconds: 14400,
        meetsRto: false,
        strategyNeeded: 'WARM_STANDBY',
        acknowledgement: 'Orders can wait half a day in a Regional outage',
        recoveredBy: undefined,
      }],
    });
  });
  test('a met RTO is recorded as met, without acknowledgement', () => {
    const { stack } = plan({ objectives: RecoveryObjectives.tier(RecoveryTier.STANDARD) });
    expect((stack.templateOptions.metadata?.['cdk-reliability:recovery'] as any).workloads[0]).toMatchObject({ meetsRto: true, strategyNeeded: 'BACKUP_AND_RESTORE' });
  });
  test('recoveredBy must be an IRegionalRecovery in another Region', () => {
    expect(() => plan({ recoveredBy: {} as any }))
      .toThrow("DrBackupPlan 'Dr': recoveredBy must be a MultiRegionRecovery (an IRegionalRecovery with a RecoveryStrategy), got [object Object]");
  });
});
