import {
  App, Stack, aws_cloudwatch as cloudwatch, aws_dynamodb as dynamodb, aws_ec2 as ec2, aws_ecs as ecs, aws_route53 as route53,
} from 'aws-cdk-lib';
import { MultiRegionRecovery, MultiRegionRecoveryProps, RecoveryRouting, RecoveryStrategy } from '../../src';

export const ACCOUNT = '111111111111';

/** A small Fargate service with physical names (what cross-Region references need), in its own stack. */
export function serviceStack(app: App, id: string, region: string, desiredCount: number): { stack: Stack; service: ecs.FargateService } {
  const stack = new Stack(app, id, { env: { account: ACCOUNT, region } });
  // An imported VPC keeps the synthesis small: these tests read the plan, not the network.
  const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
    vpcId: 'vpc-12345678', availabilityZones: [`${region}a`, `${region}b`], publicSubnetIds: ['subnet-1', 'subnet-2'],
  });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc, clusterName: `checkout-${region}` });
  const taskDefinition = new ecs.FargateTaskDefinition(stack, 'Task');
  taskDefinition.addContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:1.27') });
  const service = new ecs.FargateService(stack, 'Service', { cluster, taskDefinition, desiredCount, serviceName: 'checkout', assignPublicIp: true });
  return { stack, service };
}

/** Primary (us-east-1, 3 tasks, a global table) and standby (us-west-2) with a MultiRegionRecovery in the standby stack. */
export function twoRegions(props: Partial<MultiRegionRecoveryProps> = {}, standbyCount = 2) {
  const app = testApp();
  return standbyFor(app, serviceStack(app, 'Primary', 'us-east-1', 3), 'Standby', props, standbyCount);
}

/** A standby stack (us-west-2) for an existing primary; several can share one app (one synthesis). */
export function standbyFor(app: App, primary: { stack: Stack; service: ecs.FargateService }, id: string,
  props: Partial<MultiRegionRecoveryProps> = {}, standbyCount = 2) {
  const standby = serviceStack(app, id, 'us-west-2', standbyCount);
  const table = new dynamodb.TableV2(primary.stack, `${id}Orders`, {
    partitionKey: { name: 'orderId', type: dynamodb.AttributeType.STRING },
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
  });
  const zone = route53.HostedZone.fromHostedZoneAttributes(standby.stack, 'Zone', { hostedZoneId: 'Z0123456789ABCDEFGHIJ', zoneName: 'example.com' });
  const alarm = new cloudwatch.Alarm(primary.stack, `${id}Page`, {
    alarmName: `checkout-page-${id}`, metric: new cloudwatch.Metric({ namespace: 'X', metricName: 'Y' }), threshold: 1, evaluationPeriods: 1,
  });
  const recovery = new MultiRegionRecovery(standby.stack, 'Recovery', {
    strategy: RecoveryStrategy.WARM_STANDBY,
    primaryService: primary.service,
    standbyService: standby.service,
    routing: RecoveryRouting.route53HealthChecks({ hostedZone: zone, recordName: 'checkout.example.com' }),
    tables: [table],
    ...(props.triggerAlarm === TRIGGER_WITH_PAGE_ALARM ? { ...props, triggerAlarm: alarm } : props),
  });
  return { app, primary, standby, table, alarm, recovery };
}

/** Marker for standbyFor: trigger the plan with the primary's page alarm it creates. */
export const TRIGGER_WITH_PAGE_ALARM = {} as cloudwatch.IAlarm;

/** aws-cdk-lib's built-in CloudFormation validation is slow and not what these tests check. */
export function testApp(): App {
  return new App({ builtinCloudFormationValidation: false });
}
