import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import {
  App, Stack, aws_cloudwatch_actions as actions, aws_ec2 as ec2, aws_ecs as ecs, aws_sns as sns,
} from 'aws-cdk-lib';
import { CapacityGuardrails, CapacitySource, ServiceQuota } from '../src/capacity';

/**
 * A Fargate service with Container Insights and its capacity guardrails. The assertions read the
 * deployed alarms back from CloudWatch: the ceiling alarm's threshold on RunningTaskCount, the
 * shortage alarm's expression and the quota alarm's SERVICE_QUOTA math on the Fargate usage metric.
 */
const app = new App();
const stack = new Stack(app, 'CapacityGuardrailsInteg');

const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }] });
const cluster = new ecs.Cluster(stack, 'Cluster', { vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED });
const taskDefinition = new ecs.FargateTaskDefinition(stack, 'Task');
taskDefinition.addContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:1.27'), portMappings: [{ containerPort: 8080 }] });
const service = new ecs.FargateService(stack, 'Service', {
  cluster, taskDefinition, desiredCount: 2, assignPublicIp: true, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
});
service.autoScaleTaskCount({ minCapacity: 2, maxCapacity: 10 }).scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
const tickets = new sns.Topic(stack, 'Tickets', { enforceSSL: true });

const guardrails = new CapacityGuardrails(stack, 'Guardrails', {
  source: CapacitySource.ecsService(service),
  maxCapacity: 10,
  quotas: [ServiceQuota.fargateOnDemandVcpu()],
  ticketActions: [new actions.SnsAction(tickets)],
});

const integ = new IntegTest(app, 'CapacityGuardrailsTest', { testCases: [stack] });

integ.assertions
  .awsApiCall('CloudWatch', 'describeAlarms', { AlarmNames: [guardrails.ceilingAlarm.alarmName] })
  .expect(ExpectedResult.objectLike({
    MetricAlarms: Match.arrayWith([Match.objectLike({
      Namespace: 'ECS/ContainerInsights',
      MetricName: 'RunningTaskCount',
      Threshold: 8,
      EvaluationPeriods: 15,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    })]),
  }));

integ.assertions
  .awsApiCall('CloudWatch', 'describeAlarms', { AlarmNames: [guardrails.shortageAlarm.alarmName] })
  .expect(ExpectedResult.objectLike({
    MetricAlarms: Match.arrayWith([Match.objectLike({
      Threshold: 0,
      Metrics: Match.arrayWith([Match.objectLike({ Expression: 'desired - running' })]),
    })]),
  }));

integ.assertions
  .awsApiCall('CloudWatch', 'describeAlarms', { AlarmNames: [guardrails.quotaAlarms[0].alarmName] })
  .expect(ExpectedResult.objectLike({
    MetricAlarms: Match.arrayWith([Match.objectLike({
      Threshold: 80,
      Metrics: Match.arrayWith([Match.objectLike({ Expression: '100 * usage / SERVICE_QUOTA(usage)' })]),
    })]),
  }));
