import {
  App, Duration, Stack,
  aws_autoscaling as autoscaling, aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as actions,
  aws_ec2 as ec2, aws_ecs as ecs, aws_sns as sns,
} from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CapacityGuardrails, CapacitySource, ServiceQuota } from '../../src/capacity';

const env = { account: '111111111111', region: 'us-east-1' };

/** One stack holds an ECS service with guardrails and an Auto Scaling group with guardrails. */
function build() {
  const stack = new Stack(new App(), 'G', { env });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }] });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED });
  const taskDefinition = new ecs.FargateTaskDefinition(stack, 'Task');
  taskDefinition.addContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:1.27') });
  const service = new ecs.FargateService(stack, 'Service', {
    cluster, taskDefinition, desiredCount: 2, assignPublicIp: true, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
  });
  const topic = sns.Topic.fromTopicArn(stack, 'Topic', 'arn:aws:sns:us-east-1:111111111111:tickets');
  const guardrails = new CapacityGuardrails(stack, 'ServiceGuardrails', {
    source: CapacitySource.ecsService(service),
    maxCapacity: 10,
    quotas: [ServiceQuota.fargateOnDemandVcpu()],
    ticketActions: [new actions.SnsAction(topic)],
  });
  // An imported group: the guardrails only need its name (the group must collect its group metrics).
  const group = autoscaling.AutoScalingGroup.fromAutoScalingGroupName(stack, 'Group', 'web');
  const groupGuardrails = new CapacityGuardrails(stack, 'GroupGuardrails', {
    source: CapacitySource.autoScalingGroup(group), maxCapacity: 5, ceilingPercent: 60, ceilingDuration: Duration.minutes(30),
  });
  return { stack, cluster, service, guardrails, groupGuardrails, template: Template.fromStack(stack) };
}

describe('CapacityGuardrails', () => {
  const { stack, cluster, service, guardrails, groupGuardrails, template } = build();
  const alarms = template.findResources('AWS::CloudWatch::Alarm');
  const alarmOf = (a: cloudwatch.Alarm) => alarms[stack.getLogicalId(a.node.defaultChild as any)].Properties;

  test('ceiling: running tasks >= 80 % of 10 (8) in 15 of 15 one-minute Container Insights periods, with the ticket action', () => {
    expect(alarmOf(guardrails.ceilingAlarm)).toMatchObject({
      Namespace: 'ECS/ContainerInsights',
      MetricName: 'RunningTaskCount',
      Statistic: 'Average',
      Period: 60,
      Threshold: 8,
      EvaluationPeriods: 15,
      DatapointsToAlarm: 15,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: ['arn:aws:sns:us-east-1:111111111111:tickets'],
    });
    const dims = Object.fromEntries(alarmOf(guardrails.ceilingAlarm).Dimensions.map((d: any) => [d.Name, d.Value]));
    expect(dims).toEqual({
      ClusterName: { Ref: stack.getLogicalId(cluster.node.defaultChild as any) },
      ServiceName: { 'Fn::GetAtt': [stack.getLogicalId(service.node.defaultChild as any), 'Name'] },
    });
  });

  test('every guardrail alarm is marked a ticket, so OnCallRouting.routeAlarms sends it to the ticket route', () => {
    for (const alarm of [...guardrails.alarms, ...groupGuardrails.alarms]) {
      const logicalId = stack.getLogicalId(alarm.node.defaultChild as any);
      expect([logicalId, alarms[logicalId].Metadata?.['cdk-reliability:alert']]).toEqual([logicalId, 'TICKET']);
    }
  });

  test('shortage: desired - running > 0 for 15 minutes, reading both task counts', () => {
    const props = alarmOf(guardrails.shortageAlarm);
    expect(props).toMatchObject({ Threshold: 0, EvaluationPeriods: 15, DatapointsToAlarm: 15, ComparisonOperator: 'GreaterThanThreshold' });
    const expression = props.Metrics.find((m: any) => m.ReturnData !== false);
    expect(expression.Expression).toBe('desired - running');
    expect(props.Metrics.filter((m: any) => m.MetricStat).map((m: any) => m.MetricStat.Metric.MetricName).sort())
      .toEqual(['DesiredTaskCount', 'RunningTaskCount']);
  });

  test('quota: 100 * usage / SERVICE_QUOTA(usage) >= 80 on the Fargate On-Demand vCPU usage metric', () => {
    const props = alarmOf(guardrails.quotaAlarms[0]);
    expect(props).toMatchObject({ Threshold: 80, EvaluationPeriods: 3, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    expect(props.Metrics.find((m: any) => m.Expression).Expression).toBe('100 * usage / SERVICE_QUOTA(usage)');
    const usage = props.Metrics.find((m: any) => m.MetricStat).MetricStat;
    expect(usage).toMatchObject({ Metric: { Namespace: 'AWS/Usage', MetricName: 'ResourceCount' }, Stat: 'Maximum', Period: 300 });
  });

  test('an Auto Scaling group: group metrics, a custom ceiling share and duration', () => {
    expect(alarmOf(groupGuardrails.ceilingAlarm)).toMatchObject({
      Namespace: 'AWS/AutoScaling', MetricName: 'GroupInServiceInstances', Threshold: 3, EvaluationPeriods: 30,
    });
    expect(groupGuardrails.quotaAlarms).toHaveLength(0);
    expect(alarmOf(groupGuardrails.ceilingAlarm).AlarmActions).toBeUndefined();
  });

  test('priced per alarm metric: 1 + 2 + 1 metrics = $0.40 a month; 3 metrics = $0.30', () => {
    expect(guardrails.monthlyCostUsd).toBe(0.4);
    expect(groupGuardrails.monthlyCostUsd).toBe(0.3);
  });

  test('the template metadata lists each set, its target service and its alarms with prices', () => {
    const metadata = template.toJSON().Metadata['cdk-reliability:capacity'];
    expect(metadata.formatVersion).toBe(1);
    expect(metadata.guardrails).toHaveLength(2);
    const [ecsEntry] = metadata.guardrails;
    expect(ecsEntry).toMatchObject({ name: 'ServiceGuardrails', sourceKind: 'ECS service', maxCapacity: 10, monthlyCostUsd: 0.4 });
    expect(template.toJSON().Resources[ecsEntry.targetLogicalId].Type).toBe('AWS::ECS::Service');
    expect(ecsEntry.alarms.map((a: any) => [a.kind, a.metrics, a.monthlyCostUsd, alarms[a.logicalId] !== undefined]))
      .toEqual([['ceiling', 1, 0.1, true], ['shortage', 2, 0.2, true], ['quota', 1, 0.1, true]]);
    expect(metadata.guardrails[1].targetLogicalId).toBeUndefined();
  });
});

describe('CapacityGuardrails bad input', () => {
  const make = (props: any) => () => {
    const stack = new Stack(new App(), 'B', { env });
    const running = new cloudwatch.Metric({ namespace: 'X', metricName: 'Running' });
    new CapacityGuardrails(stack, 'G', { source: CapacitySource.fromMetrics({ running, desired: running }), maxCapacity: 4, ...props });
  };
  test.each([
    [{ maxCapacity: 0 }, /\[B\/G\] CapacityGuardrails 'G': maxCapacity must be an integer between 1 and 100000, got 0/],
    [{ maxCapacity: 2.5 }, /maxCapacity must be an integer between 1 and 100000, got 2.5/],
    [{ source: undefined }, /source must be given: CapacitySource.ecsService/],
    [{ ceilingPercent: 120 }, /ceilingPercent must be a number between 1 and 100, got 120/],
    [{ quotaThresholdPercent: 0 }, /quotaThresholdPercent must be a number between 1 and 100, got 0/],
    [{ ceilingDuration: Duration.seconds(90) }, /ceilingDuration must be a whole number of minutes between 1 and 1440 \(one day\), got 1 minute 30 seconds/],
    [{ shortageDuration: Duration.days(2) }, /shortageDuration must be a whole number of minutes between 1 and 1440/],
    [{ quotas: ['Fargate'] }, /quotas must be a list of ServiceQuota/],
  ])('%p', (props, message) => {
    expect(make(props)).toThrow(message);
  });
});
