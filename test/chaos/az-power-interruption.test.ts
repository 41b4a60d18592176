import { App, Duration, Stack, aws_ec2 as ec2, aws_ecs as ecs, aws_rds as rds } from 'aws-cdk-lib';
import { importedTargets } from './fixtures';
import { FisAction } from '../../src/chaos';

/** A stack whose Region has known zones (the lookup cached, as cdk.context.json does for the example app). */
function zonedStack(): Stack {
  const app = new App({ context: { 'availability-zones:account=111111111111:region=us-east-1': ['us-east-1a', 'us-east-1b', 'us-east-1c'] } });
  return new Stack(app, 'Zoned', { env: { account: '111111111111', region: 'us-east-1' } });
}

/**
 * A Fargate service whose tasks run in two subnet groups (app and data, isolated) of two zones:
 * four subnets, two per zone; plus a public group the service does not use.
 */
function serviceInTwoSubnetGroups(stack: Stack) {
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [
      { name: 'public', subnetType: ec2.SubnetType.PUBLIC },
      { name: 'app', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      { name: 'data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    ],
  });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  const taskDefinition = new ecs.FargateTaskDefinition(stack, 'Task');
  taskDefinition.addContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest') });
  const service = new ecs.FargateService(stack, 'Service', {
    cluster, taskDefinition, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
  });
  return { vpc, service };
}

const resolved = (stack: Stack, value: unknown) => JSON.stringify(stack.resolve(value));

describe('FisAction.azPowerInterruption', () => {
  test('ECS tasks of the zone are selected with an AvailabilityZone filter, never an availabilityZoneIdentifier parameter', () => {
    // FIS targets reference: aws:ecs:task takes only the cluster and service parameters.
    const { service, vpc } = importedTargets();
    const actions = FisAction.azPowerInterruption({
      availabilityZone: 'us-east-1a', duration: Duration.minutes(20), services: [service], subnets: vpc.privateSubnets,
    });
    const tasks = actions.find((a) => a.actionId === 'aws:ecs:stop-task')!;
    expect(tasks.target?.parameters).toEqual({ cluster: 'shop', service: 'web' });
    expect(tasks.target?.parameters).not.toHaveProperty('availabilityZoneIdentifier');
    expect(tasks.target?.filters).toEqual([{ path: 'AvailabilityZone', values: ['us-east-1a'] }]);
    expect(tasks.target?.selection.kind).toBe('ALL');
  });

  test('every subnet of the zone that the service uses is cut off, derived from its network configuration', () => {
    const stack = zonedStack();
    const { vpc, service } = serviceInTwoSubnetGroups(stack);
    const actions = FisAction.azPowerInterruption({ availabilityZone: 'us-east-1a', duration: Duration.minutes(20), services: [service] });
    const network = actions.find((a) => a.actionId === 'aws:network:disrupt-connectivity');
    expect(network).toBeDefined();
    const cut = resolved(stack, network!.target?.resourceArns);
    const inZone = vpc.isolatedSubnets.filter((s) => s.availabilityZone === 'us-east-1a');
    const elsewhere = vpc.isolatedSubnets.filter((s) => s.availabilityZone !== 'us-east-1a');
    expect(inZone).toHaveLength(2);
    for (const subnet of inZone) expect(cut).toContain(resolved(stack, subnet.subnetId));
    for (const subnet of [...elsewhere, ...vpc.publicSubnets]) expect(cut).not.toContain(resolved(stack, subnet.subnetId));
    expect(network!.target?.resourceArns).toHaveLength(2);
  });

  test('the subnets stay cut off for the stated duration, not a shorter default', () => {
    const { vpc, service } = importedTargets();
    const actions = FisAction.azPowerInterruption({
      availabilityZone: 'us-east-1a', duration: Duration.minutes(20), subnets: vpc.privateSubnets, services: [service],
    });
    const network = actions.find((a) => a.actionId === 'aws:network:disrupt-connectivity')!;
    expect(network.parameters).toEqual({ duration: 'PT20M', scope: 'all' });
    expect(network.description).toBe('Power interruption of us-east-1a: its subnets are cut off for 20 minutes');
  });

  test('one zone-scoped action per resource, all lasting the same duration; subnets of other zones left out', () => {
    const { stack, vpc, service } = importedTargets();
    const cluster = rds.DatabaseCluster.fromDatabaseClusterAttributes(stack, 'Db', { clusterIdentifier: 'orders' });
    const actions = FisAction.azPowerInterruption({
      availabilityZone: 'us-east-1a',
      duration: Duration.minutes(30),
      subnets: vpc.privateSubnets,
      services: [service],
      databaseClusters: [cluster],
      instanceTags: { app: 'shop' },
    });
    expect(actions.map((a) => [a.name, a.actionId])).toEqual([
      ['azPowerNetwork', 'aws:network:disrupt-connectivity'],
      ['azPowerTasks', 'aws:ecs:stop-task'],
      ['azPowerFailover', 'aws:rds:failover-db-cluster'],
      ['azPowerInstances', 'aws:ec2:stop-instances'],
    ]);
    expect(actions[0].parameters).toEqual({ duration: 'PT30M', scope: 'all' });
    const subnetArns = JSON.stringify(stack.resolve(actions[0].target?.resourceArns));
    expect(subnetArns).toContain('subnet-a');
    expect(subnetArns).not.toContain('subnet-b');
    expect(actions[3].parameters).toEqual({ startInstancesAfterDuration: 'PT30M', completeIfInstancesTerminated: 'true' });
  });

  test('given subnets are added to the service\'s own, each subnet once', () => {
    const stack = zonedStack();
    const { vpc, service } = serviceInTwoSubnetGroups(stack);
    const actions = FisAction.azPowerInterruption({
      availabilityZone: 'us-east-1a', duration: Duration.minutes(20), services: [service], subnets: [...vpc.publicSubnets, ...vpc.isolatedSubnets],
    });
    const arns = actions[0].target?.resourceArns ?? [];
    expect(arns).toHaveLength(3);
    expect(resolved(stack, arns)).toContain(resolved(stack, vpc.publicSubnets[0].subnetId));
  });

  test('an imported service needs subnets: its network configuration cannot be read at synth', () => {
    const { service } = importedTargets();
    expect(() => FisAction.azPowerInterruption({ availabilityZone: 'us-east-1a', duration: Duration.minutes(20), services: [service] }))
      .toThrow("FisAction.azPowerInterruption 'azPower': subnets must be given: the subnets of services[0] cannot be read at synth (an imported service, or tasks without awsvpc networking), and without them the zone would not be cut off, got undefined");
  });

  test('refuses a service with no task in the zone', () => {
    const stack = zonedStack();
    const { service } = serviceInTwoSubnetGroups(stack);
    expect(() => FisAction.azPowerInterruption({ availabilityZone: 'us-east-1c', duration: Duration.minutes(20), services: [service] }))
      .toThrow("FisAction.azPowerInterruption 'azPower': services[0] must run in us-east-1c, got tasks in subnets of us-east-1a, us-east-1b only");
  });

  test('refuses the removed networkDisruptionDuration instead of ignoring it', () => {
    const { vpc } = importedTargets();
    expect(() => FisAction.azPowerInterruption({
      availabilityZone: 'us-east-1a', duration: Duration.minutes(20), subnets: vpc.privateSubnets, networkDisruptionDuration: Duration.minutes(2),
    } as any)).toThrow(/networkDisruptionDuration is no longer supported: the zone's subnets stay cut off for duration/);
  });

  test('refuses subnets whose zone is unknown at synth rather than cutting off every zone', () => {
    const stack = new Stack(new App(), 'Agnostic');
    const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, subnetConfiguration: [{ name: 'app', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    expect(() => FisAction.azPowerInterruption({ availabilityZone: 'us-east-1a', duration: Duration.minutes(20), subnets: vpc.isolatedSubnets }))
      .toThrow(/the zones of the subnets to cut off must be known at synth, got a subnet whose availabilityZone is a token/);
  });

  test('refuses subnets that are all in other zones', () => {
    const { vpc } = importedTargets();
    expect(() => FisAction.azPowerInterruption({ availabilityZone: 'us-east-1c', duration: Duration.minutes(30), subnets: vpc.privateSubnets }))
      .toThrow("FisAction.azPowerInterruption 'azPower': subnets must include at least one subnet in us-east-1c, got none of 2");
  });

  test('refuses an interruption with nothing to interrupt', () => {
    expect(() => FisAction.azPowerInterruption({ availabilityZone: 'us-east-1a', duration: Duration.minutes(30) }))
      .toThrow(/at least one of subnets, services, autoScalingGroups, databaseClusters or instanceTags must be given, got none/);
  });
});
