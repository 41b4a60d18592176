import { App, Duration, Stack, Token, aws_cloudwatch_actions as cw_actions, aws_sns as sns } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { stackIn } from './helpers';
import { DrVault, VaultLockMode } from '../../src/dr';

function vaultTemplate(props = {}) {
  const stack = stackIn(new App(), 'DrRegion', 'us-west-2');
  const vault = new DrVault(stack, 'DrVault', props);
  return { vault, template: Template.fromStack(stack) };
}

describe('DrVault', () => {
  test('defaults: CMK, compliance lock of 7 days with a 3-day grace time, no deletion, notifications and alarms', () => {
    const { vault, template } = vaultTemplate();
    template.hasResource('AWS::Backup::BackupVault', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        BackupVaultName: 'DrRegionDrVault9B20AA2E',
        LockConfiguration: { MinRetentionDays: 7, ChangeableForDays: 3 },
        AccessPolicy: Match.objectLike({ Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: Match.arrayWith(['backup:DeleteRecoveryPoint', 'backup:UpdateRecoveryPointLifecycle']) })]) }),
      }),
    });
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ EnableKeyRotation: true }) });
    template.resourceCountIs('AWS::CloudWatch::Alarm', 3);
    expect(vault.vaultArn).toContain(':backup:us-west-2:111111111111:backup-vault:DrRegionDrVault9B20AA2E');
    expect(vault.region).toBe('us-west-2');
    expect(vault.lockMinRetention.toDays()).toBe(7);
    expect(vault.backupVault).toBeInstanceOf(Object);
  });

  test('the key lets AWS Backup and CloudWatch publish to the encrypted topic and only AWS services take grants', () => {
    const { template } = vaultTemplate();
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({ Sid: 'DenyGrantsToNonAwsServices', Effect: 'Deny', Action: 'kms:CreateGrant' }),
          Match.objectLike({ Effect: 'Allow', Principal: { Service: 'backup.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] }),
          Match.objectLike({ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'backup.amazonaws.com' }, Action: 'sns:Publish' })]) },
    });
  });

  test('governance mode leaves the lock removable (no ChangeableForDays)', () => {
    const { template } = vaultTemplate({ lock: { mode: VaultLockMode.GOVERNANCE, minRetention: Duration.days(14) } });
    template.hasResourceProperties('AWS::Backup::BackupVault', { LockConfiguration: { MinRetentionDays: 14 } });
  });

  test('a given topic, name and extra alarm actions', () => {
    const stack = stackIn(new App(), 'DrRegion', 'us-west-2');
    const topic = new sns.Topic(stack, 'Pages', { enforceSSL: true });
    new DrVault(stack, 'DrVault', { vaultName: 'orders-dr', notificationTopic: topic, alarmActions: [new cw_actions.SnsAction(topic)] });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.hasResourceProperties('AWS::Backup::BackupVault', { BackupVaultName: 'orders-dr', Notifications: Match.objectLike({ SNSTopicArn: { Ref: Match.stringLikeRegexp('Pages') } }) });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmActions: [{ Ref: Match.stringLikeRegexp('Pages') }, { Ref: Match.stringLikeRegexp('Pages') }] });
  });

  test('air-gapped: a logically air-gapped vault with min and max retention, CMK, notifications and deny policy', () => {
    const { vault, template } = vaultTemplate({ airGapped: true, lock: { minRetention: Duration.days(7), maxRetention: Duration.days(400) } });
    template.resourceCountIs('AWS::Backup::BackupVault', 0);
    template.hasResource('AWS::Backup::LogicallyAirGappedBackupVault', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        BackupVaultName: 'DrRegionDrVault9B20AA2E',
        MinRetentionDays: 7,
        MaxRetentionDays: 400,
        EncryptionKeyArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('DrVaultKey'), 'Arn'] },
        Notifications: Match.objectLike({ BackupVaultEvents: Match.arrayWith(['COPY_JOB_FAILED']) }),
        AccessPolicy: Match.objectLike({ Statement: Match.arrayWith([Match.objectLike({ Sid: 'DenyManualDeletion', Effect: 'Deny' })]) }),
      }),
    });
    expect(vault.airGapped).toBe(true);
    expect(vault.backupVault).toBeUndefined();
  });

  test('air-gapped vaults default to a 3650-day maximum', () => {
    const { template } = vaultTemplate({ airGapped: true });
    template.hasResourceProperties('AWS::Backup::LogicallyAirGappedBackupVault', { MinRetentionDays: 7, MaxRetentionDays: 3650 });
  });

  test.each([
    [{ vaultName: 'a b' }, "DrVault 'DrVault': vaultName must be 2 to 50 letters, digits, \"-\" or \"_\", got \"a b\""],
    [{ lock: { minRetention: Duration.hours(12) } }, "DrVault 'DrVault': lock.minRetention must be a whole number of days, at least 1, got 12 hours"],
    [{ lock: { minRetention: Duration.days(30), maxRetention: Duration.days(30) } }, "DrVault 'DrVault': lock.maxRetention must be longer than lock.minRetention (30 days) and at most 36500 days, got 30 days"],
    [{ lock: { changeableFor: Duration.hours(48) } }, "DrVault 'DrVault': lock.changeableFor must be at least 3 days (AWS Backup's 72-hour cooling-off period), got 2 days"],
    [{ lock: { mode: VaultLockMode.GOVERNANCE, changeableFor: Duration.days(3) } }, "DrVault 'DrVault': lock.changeableFor must be left out in governance mode, got 3 days"],
    [{ lock: { minRetention: Duration.days(Token.asNumber({ Ref: 'Days' })) } }, "DrVault 'DrVault': lock.minRetention must be a plain number known at synth (not a token), got a token"],
    [{ lock: { minRetention: 7 as any } }, "DrVault 'DrVault': lock.minRetention must be a Duration (e.g. Duration.days(7)), got 7"],
    [{ accessPolicyAdminArns: ['arn:aws:s3:::bucket'] }, "DrVault 'DrVault': accessPolicyAdminArns[0] must be an IAM role or user ARN such as arn:aws:iam::111111111111:role/Deployer, got \"arn:aws:s3:::bucket\""],
  ])('bad input %#', (props, message) => {
    expect(() => new DrVault(new Stack(new App(), 'S'), 'DrVault', props)).toThrow(message);
  });

  test('a JavaScript caller passing null props gets the defaults, not a TypeError', () => {
    expect(() => new DrVault(stackIn(new App(), 'DrRegion'), 'DrVault', null as any)).not.toThrow();
  });
});
