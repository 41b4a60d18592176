import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import {
  App, RemovalPolicy, Stack, aws_dynamodb as dynamodb, aws_ec2 as ec2, aws_ecs as ecs, aws_route53 as route53,
} from 'aws-cdk-lib';
import { MultiRegionRecovery, RecoveryRouting, RecoveryStrategy } from '../src';

/**
 * A warm standby across two Regions, small enough to deploy and destroy: a Fargate service (named, so the standby
 * stack can format its ARN) in each Region, a global table whose replica the recovery adds, a private hosted zone for
 * the routing step, and the Region switch plan. The assertion reads the plan back from Region switch: both Regions,
 * active/passive, and a first workflow that scales the standby before moving the traffic.
 */
const app = new App();
const account = process.env.CDK_INTEG_ACCOUNT ?? '111111111111';

function service(stack: Stack, desiredCount: number): ecs.FargateService {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'public', subnetType: ec2.SubnetType.PUBLIC }] });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc, clusterName: `mrr-integ-${stack.region}` });
  const taskDefinition = new ecs.FargateTaskDefinition(stack, 'Task');
  taskDefinition.addContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:1.27'), portMappings: [{ containerPort: 8080 }] });
  return new ecs.FargateService(stack, 'Service', { cluster, taskDefinition, desiredCount, serviceName: 'mrr-integ', assignPublicIp: true });
}

const primary = new Stack(app, 'MultiRegionRecoveryPrimary', { env: { account, region: 'us-east-1' } });
const primaryService = service(primary, 2);
const table = new dynamodb.TableV2(primary, 'Orders', {
  partitionKey: { name: 'orderId', type: dynamodb.AttributeType.STRING },
  removalPolicy: RemovalPolicy.DESTROY,
});

const standby = new Stack(app, 'MultiRegionRecoveryStandby', { env: { account, region: 'us-west-2' } });
standby.addStackDependency(primary, 'the plan names the primary service');
const standbyService = service(standby, 1);
const zone = new route53.PrivateHostedZone(standby, 'Zone', { zoneName: 'mrr-integ.internal', vpc: standbyService.cluster.vpc });
const recovery = new MultiRegionRecovery(standby, 'Recovery', {
  strategy: RecoveryStrategy.WARM_STANDBY,
  primaryService,
  standbyService,
  tables: [table],
  routing: RecoveryRouting.route53HealthChecks({ hostedZone: zone, recordName: 'app.mrr-integ.internal' }),
  planName: 'mrr-integ',
});

// The assertions run in the standby's Region, where the plan's ARN is a same-environment reference.
const assertions = new Stack(app, 'MultiRegionRecoveryAssertions', { env: { account, region: 'us-west-2' } });
const integ = new IntegTest(app, 'MultiRegionRecoveryTest', { testCases: [primary, standby], assertionStack: assertions });
integ.assertions
  .awsApiCall('ARCRegionSwitch', 'getPlan', { arn: recovery.plan.attrArn })
  .expect(ExpectedResult.objectLike({
    plan: {
      recoveryApproach: 'activePassive',
      primaryRegion: 'us-east-1',
      regions: ['us-east-1', 'us-west-2'],
      workflows: [{ workflowTargetRegion: 'us-west-2', steps: [{ executionBlockType: 'ECSServiceScaling' }, { executionBlockType: 'Route53HealthCheck' }] }],
    },
  }));
