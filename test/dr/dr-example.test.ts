import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AlertingStack } from '../../examples/stacks/alerting-stack';
import { addDisasterRecovery } from '../../examples/stacks/dr-example';

const env = { account: '111111111111', region: 'us-east-1' };
const drEnv = { account: '111111111111', region: 'us-west-2' };

describe('addDisasterRecovery (example)', () => {
  test('the orders table is encrypted with a CMK, has PITR and deletion protection, and is retained', () => {
    const { data } = addDisasterRecovery(new App(), env, drEnv);
    const template = Template.fromStack(data);
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        DeletionProtectionEnabled: true,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: Match.objectLike({ SSEEnabled: true, SSEType: 'KMS' }),
      }),
    });
  });

  test('critical tier with copies to the recovery Region, deployed after the vault', () => {
    const { data, recovery } = addDisasterRecovery(new App(), env, drEnv);
    expect(data.backupPlan.ruleNames).toEqual(['Hourly', 'Daily', 'Weekly', 'Monthly']);
    expect(data.dependencies).toContain(recovery);
    Template.fromStack(data).hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: Match.objectLike({
        BackupPlanRule: Match.arrayWith([Match.objectLike({
          RuleName: 'Hourly',
          CopyActions: [Match.objectLike({
            DestinationBackupVaultArn: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':backup:us-west-2:111111111111:backup-vault:orders-recovery']] },
          })],
        })]),
      }),
    });
    Template.fromStack(recovery).hasResourceProperties('AWS::Backup::BackupVault', {
      BackupVaultName: 'orders-recovery', LockConfiguration: { MinRetentionDays: 7, ChangeableForDays: 3 },
    });
  });

  test('failed-job alarms also page the given topic', () => {
    const app = new App();
    const alerting = new AlertingStack(app, 'Alerting', { env });
    const { data } = addDisasterRecovery(app, env, drEnv, { pageTopic: alerting.pageTopic });
    Template.fromStack(data).hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'NumberOfBackupJobsFailed',
      AlarmActions: [{ Ref: Match.stringLikeRegexp('NotificationsTopic|Notifications') }, { 'Fn::ImportValue': Match.stringLikeRegexp('PageTopic') }],
    });
  });
});
