import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import {
  App, Duration, RemovalPolicy, Stack,
  aws_cloudwatch as cloudwatch, aws_ec2 as ec2, aws_ecr as ecr, aws_ecs as ecs, aws_elasticloadbalancingv2 as elbv2,
} from 'aws-cdk-lib';
import { BlueGreenPipeline, PipelineSource, TrafficShift } from '../src/deploy';

/**
 * A Fargate service (nginx) behind an internal ALB, shipped by a BlueGreenPipeline from an ECR
 * tag with a 10 % canary, a 5-minute bake, the pre-traffic check and a 5xx rollback alarm.
 * Everything is destroyable. The assertions read the service back from ECS (strategy, bake time,
 * alarm rollback) and the pipeline back from CodePipeline (V2, stage conditions).
 */
const app = new App();
const stack = new Stack(app, 'BlueGreenPipelineInteg');

const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
const taskDefinition = new ecs.FargateTaskDefinition(stack, 'Task');
taskDefinition.addContainer('web', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:1.27'),
  portMappings: [{ containerPort: 8080 }],
});
const service = new ecs.FargateService(stack, 'Service', { cluster, taskDefinition, desiredCount: 1 });
const loadBalancer = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc, internetFacing: false });
const listener = loadBalancer.addListener('Http', { port: 80, open: false });
const targetGroup = listener.addTargets('Web', {
  port: 8080, protocol: elbv2.ApplicationProtocol.HTTP, targets: [service], healthCheck: { path: '/' },
});
const rollbackAlarm = new cloudwatch.Alarm(stack, 'Target5xx', {
  metric: loadBalancer.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { period: Duration.minutes(1) }),
  threshold: 5,
  evaluationPeriods: 2,
  treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
});
const repository = new ecr.Repository(stack, 'Images', {
  imageScanOnPush: true,
  imageTagMutability: ecr.TagMutability.MUTABLE,
  removalPolicy: RemovalPolicy.DESTROY,
  emptyOnDelete: true,
});

const pipeline = new BlueGreenPipeline(stack, 'Pipeline', {
  source: PipelineSource.ecr({ repository, tag: 'release' }),
  service,
  productionListener: listener,
  productionTargetGroup: targetGroup,
  rollbackAlarms: [rollbackAlarm],
  trafficShift: TrafficShift.canary(10, Duration.minutes(2)),
  bakeTime: Duration.minutes(5),
  removalPolicy: RemovalPolicy.DESTROY,
});

const integ = new IntegTest(app, 'BlueGreenPipelineTest', { testCases: [stack] });
integ.assertions
  .awsApiCall('ECS', 'describeServices', { cluster: cluster.clusterName, services: [service.serviceName] })
  .expect(ExpectedResult.objectLike({
    services: [{
      deploymentConfiguration: {
        strategy: 'CANARY',
        bakeTimeInMinutes: 5,
        alarms: { enable: true, rollback: true },
      },
    }],
  }));
integ.assertions
  .awsApiCall('CodePipeline', 'getPipeline', { name: pipeline.pipeline.pipelineName })
  .expect(ExpectedResult.objectLike({
    pipeline: {
      pipelineType: 'V2',
      stages: [{ name: 'Source' }, { name: 'Build' }, { name: 'Deploy', onFailure: { result: 'ROLLBACK' } }],
    },
  }));
