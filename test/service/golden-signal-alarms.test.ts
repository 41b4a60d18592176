import { Stack, aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as actions, aws_sns as sns } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { GoldenSignalAlarms } from '../../src/service/golden-signal-alarms';

function metric(name: string) {
  return new cloudwatch.Metric({ namespace: 'Test', metricName: name });
}

function build(trafficAnomaly: boolean) {
  const stack = new Stack();
  const topic = sns.Topic.fromTopicArn(stack, 'T', 'arn:aws:sns:us-east-1:111111111111:t');
  const alarms = new GoldenSignalAlarms(stack, 'G', {
    serviceName: 'Api',
    cpuUtilization: metric('Cpu'),
    memoryUtilization: metric('Mem'),
    requestCount: metric('Requests'),
    serverErrors: metric('Errors'),
    ticketActions: [new actions.SnsAction(topic)],
    trafficAnomaly,
  });
  return { alarms, template: Template.fromStack(stack) };
}

describe('GoldenSignalAlarms', () => {
  test('the deployment alarm fires above 1 % 5XX in 2 of 3 minutes', () => {
    const { template } = build(false);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 1,
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      Metrics: Match.arrayWith([Match.objectLike({ Expression: '100 * errors / MAX([requests, 1])', ReturnData: true })]),
    });
  });

  test('CPU and memory saturation above 85 % for 10 of 15 minutes, with ticket actions', () => {
    const { template } = build(false);
    for (const m of ['Cpu', 'Mem']) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: m,
        Threshold: 85,
        EvaluationPeriods: 15,
        DatapointsToAlarm: 10,
        AlarmActions: ['arn:aws:sns:us-east-1:111111111111:t'],
      });
    }
    template.resourceCountIs('AWS::CloudWatch::Alarm', 3);
  });

  test('traffic anomaly alarm only when asked for', () => {
    const { alarms, template } = build(true);
    expect(alarms.trafficAnomalyAlarm).toBeDefined();
    template.resourceCountIs('AWS::CloudWatch::Alarm', 4);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      ComparisonOperator: 'LessThanLowerOrGreaterThanUpperThreshold',
      Metrics: Match.arrayWith([Match.objectLike({ Expression: 'ANOMALY_DETECTION_BAND(m0, 3)' })]),
    });
  });
});
