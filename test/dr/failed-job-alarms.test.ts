import { App, Stack, aws_cloudwatch_actions as cw_actions, aws_sns as sns } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { createFailedJobAlarms, FAILED_JOB_METRICS } from '../../src/dr/failed-job-alarms';

test('one hourly Sum alarm per failed-job metric, dimensioned by the vault, with the actions', () => {
  const stack = new Stack(new App(), 'S');
  const topic = new sns.Topic(stack, 'T');
  const alarms = createFailedJobAlarms(stack, 'my-vault', [new cw_actions.SnsAction(topic)]);
  expect(alarms).toHaveLength(3);
  expect(FAILED_JOB_METRICS.map((m) => m.metricName)).toEqual(['NumberOfBackupJobsFailed', 'NumberOfCopyJobsFailed', 'NumberOfRestoreJobsFailed']);
  const template = Template.fromStack(stack);
  template.hasResourceProperties('AWS::CloudWatch::Alarm', {
    MetricName: 'NumberOfCopyJobsFailed',
    Namespace: 'AWS/Backup',
    Period: 3600,
    Statistic: 'Sum',
    Threshold: 1,
    EvaluationPeriods: 1,
    Dimensions: [{ Name: 'BackupVaultName', Value: 'my-vault' }],
    AlarmActions: [{ Ref: 'TD925BC7E' }],
    TreatMissingData: 'notBreaching',
  });
});
