import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, RemovalPolicy, Stack, aws_cloudwatch as cloudwatch, aws_ec2 as ec2, aws_ecs as ecs, aws_logs as logs } from 'aws-cdk-lib';
import { ChaosFisExperiment, FisAction, FisSelection } from '../src/chaos';

/**
 * A Fargate service with fault injection enabled, and an experiment that stops a task, then adds
 * latency, and stops itself when the service's CPU alarm fires. The assertion reads the deployed
 * template back from FIS and checks the stop condition is the alarm.
 */
const app = new App();
const stack = new Stack(app, 'ChaosFisExperimentInteg');

const vpc = new ec2.Vpc(stack, 'Vpc', {
  maxAzs: 2,
  natGateways: 0,
  subnetConfiguration: [{ name: 'public', subnetType: ec2.SubnetType.PUBLIC }],
});
const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
const taskDefinition = new ecs.FargateTaskDefinition(stack, 'Task', {
  cpu: 256,
  memoryLimitMiB: 512,
  enableFaultInjection: true,
  pidMode: ecs.PidMode.TASK,
  runtimePlatform: { operatingSystemFamily: ecs.OperatingSystemFamily.LINUX, cpuArchitecture: ecs.CpuArchitecture.X86_64 },
});
taskDefinition.addContainer('web', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:stable'),
  portMappings: [{ containerPort: 80 }],
});
const service = new ecs.FargateService(stack, 'Service', { cluster, taskDefinition, desiredCount: 2, assignPublicIp: true });
const stopAlarm = new cloudwatch.Alarm(stack, 'CpuAlarm', {
  metric: service.metricCpuUtilization({ period: Duration.minutes(1) }),
  threshold: 95,
  evaluationPeriods: 2,
});
const logGroup = new logs.LogGroup(stack, 'ExperimentLog', { retention: logs.RetentionDays.ONE_DAY, removalPolicy: RemovalPolicy.DESTROY });

const experiment = new ChaosFisExperiment(stack, 'Experiment', {
  description: 'Integ: stop a task, then add latency',
  actions: [
    FisAction.ecsStopTasks({ service, selection: FisSelection.count(1) }),
    FisAction.ecsTaskNetworkLatency({ service, duration: Duration.minutes(2), startAfter: ['stopTasks'] }),
  ],
  stopConditions: [stopAlarm],
  logGroup,
});

const integ = new IntegTest(app, 'ChaosFisExperimentTest', { testCases: [stack] });
integ.assertions
  .awsApiCall('FIS', 'getExperimentTemplate', { id: experiment.experimentTemplateId })
  .expect(ExpectedResult.objectLike({
    experimentTemplate: {
      stopConditions: [{ source: 'aws:cloudwatch:alarm', value: stopAlarm.alarmArn }],
    },
  }));
