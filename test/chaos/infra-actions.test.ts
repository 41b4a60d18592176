import { App, Duration, Stack, aws_autoscaling as autoscaling, aws_dynamodb as dynamodb, aws_ec2 as ec2, aws_rds as rds } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { importedRole, importedTargets } from './fixtures';
import { ConnectivityScope, FisAction, FisApiService, FisSelection } from '../../src/chaos';

const json = (stack: Stack, value: unknown) => JSON.stringify(stack.resolve(value));

describe('FisAction.ec2StopInstances', () => {
  test('by tags: running instances in a zone, start again after the duration, tag-scoped statement', () => {
    const { stack } = importedTargets();
    const action = FisAction.ec2StopInstances({
      instanceTags: { app: 'shop' },
      availabilityZone: 'us-east-1a',
      selection: FisSelection.percent(50),
      startInstancesAfter: Duration.minutes(15),
    });
    expect(action.target?.resourceTags).toEqual({ app: 'shop' });
    expect(action.target?.filters).toEqual([
      { path: 'State.Name', values: ['running'] },
      { path: 'Placement.AvailabilityZone', values: ['us-east-1a'] },
    ]);
    expect(action.parameters).toEqual({ startInstancesAfterDuration: 'PT15M', completeIfInstancesTerminated: 'true' });
    const stop = stack.resolve(action.statements[0].toStatementJson());
    expect(stop.Action).toEqual(['ec2:StopInstances', 'ec2:StartInstances']);
    expect(stop.Condition).toEqual({ StringEquals: { 'aws:ResourceTag/app': 'shop' } });
  });

  test('by instances: their ARNs, no tag condition', () => {
    const { stack } = importedTargets();
    const action = FisAction.ec2StopInstances({ instances: [{ instanceId: 'i-123' } as ec2.IInstance] });
    expect(json(stack, action.target?.resourceArns)).toContain(':instance/i-123');
    expect(action.statements[0].toStatementJson().Condition).toBeUndefined();
    expect(action.parameters).toEqual({});
  });

  test('refuses both or neither of instances and instanceTags', () => {
    expect(() => FisAction.ec2StopInstances({})).toThrow("FisAction 'stopInstances': exactly one of instances or instanceTags must be given, got neither");
    expect(() => FisAction.ec2StopInstances({ instances: [], instanceTags: { a: 'b' } })).toThrow(/got both/);
  });

  test('refuses a restart after 13 hours', () => {
    expect(() => FisAction.ec2StopInstances({ instanceTags: { a: 'b' }, startInstancesAfter: Duration.hours(13) }))
      .toThrow("FisAction 'stopInstances': startInstancesAfter must be a whole number of seconds between 1 minute and 12 hours, got 13 hours");
  });
});

describe('FisAction.rdsFailover', () => {
  test('targets the cluster ARN, statement on that ARN only', () => {
    const { stack } = importedTargets();
    const cluster = rds.DatabaseCluster.fromDatabaseClusterAttributes(stack, 'Db', { clusterIdentifier: 'orders' });
    const action = FisAction.rdsFailover({ cluster });
    expect(action.targetKey).toBe('Clusters');
    expect(action.target?.resourceType).toBe('aws:rds:cluster');
    expect(json(stack, action.target?.resourceArns)).toContain(':cluster:orders');
    const statement = stack.resolve(action.statements[0].toStatementJson());
    expect(statement.Action).toEqual(['rds:FailoverDBCluster', 'rds:DescribeDBClusters']);
    expect(JSON.stringify(statement.Resource)).toContain(':cluster:orders');
    expect(JSON.stringify(statement.Resource)).not.toContain('*');
  });
});

describe('FisAction.disruptSubnetConnectivity', () => {
  test('targets the subnets, ACL statements scoped by the managedByFIS tag', () => {
    const { stack, vpc } = importedTargets();
    const action = FisAction.disruptSubnetConnectivity({
      subnets: vpc.privateSubnets, duration: Duration.minutes(2), scope: ConnectivityScope.AVAILABILITY_ZONE,
    });
    expect(action.parameters).toEqual({ duration: 'PT2M', scope: 'availability-zone' });
    expect(json(stack, action.target?.resourceArns)).toContain(':subnet/subnet-a');
    const statements = action.statements.map((s) => stack.resolve(s.toStatementJson()));
    const deleteAcl = statements.find((s) => [].concat(s.Action).includes('ec2:DeleteNetworkAcl' as never));
    expect(deleteAcl.Condition).toEqual({ StringEquals: { 'aws:ResourceTag/managedByFIS': 'true' } });
    const replace = statements.find((s) => s.Action === 'ec2:ReplaceNetworkAclAssociation');
    expect(JSON.stringify(replace.Resource)).toContain(':subnet/subnet-b');
  });

  test('refuses no subnets', () => {
    expect(() => FisAction.disruptSubnetConnectivity({ subnets: [], duration: Duration.minutes(2) }))
      .toThrow("FisAction 'disruptNetwork': subnets must hold at least one subnet, got an array of 0");
  });
});

describe('FisAction.asgInsufficientCapacity', () => {
  test('tags the group, targets the tag, InjectApiError limited by action id and group', () => {
    const stack = new Stack(new App(), 'S');
    const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0 });
    const group = new autoscaling.AutoScalingGroup(stack, 'Asg', {
      vpc,
      instanceType: new ec2.InstanceType('t3.micro'),
      machineImage: ec2.MachineImage.latestAmazonLinux2023(),
    });
    const action = FisAction.asgInsufficientCapacity({ autoScalingGroup: group, availabilityZones: ['us-east-1a', 'us-east-1b'], duration: Duration.minutes(30), percentage: 50 });
    action._bind(stack);
    expect(action.parameters).toEqual({ duration: 'PT30M', availabilityZoneIdentifiers: 'us-east-1a,us-east-1b', percentage: '50' });
    const tagValue = action.target!.resourceTags!['cdk-reliability:chaos-target'];
    expect(tagValue).toMatch(/Asg/);
    Template.fromStack(stack).hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', {
      Tags: Match.arrayWith([{ Key: 'cdk-reliability:chaos-target', Value: tagValue, PropagateAtLaunch: false }]),
    });
    const inject = stack.resolve(action.statements[0].toStatementJson());
    expect(inject.Action).toBe('ec2:InjectApiError');
    expect(inject.Condition['ForAnyValue:StringEquals']).toEqual({ 'ec2:FisActionId': ['aws:ec2:asg-insufficient-instance-capacity-error'] });
    expect(JSON.stringify(inject.Condition['ForAllValues:ArnLike'])).toContain('autoScalingGroupName/');
  });

  test('refuses an imported group and a percentage of 0', () => {
    const { stack } = importedTargets();
    const imported = autoscaling.AutoScalingGroup.fromAutoScalingGroupName(stack, 'Imp', 'web-asg');
    expect(() => FisAction.asgInsufficientCapacity({ autoScalingGroup: imported, availabilityZones: ['a'], duration: Duration.minutes(5) }))
      .toThrow(/FisAction 'insufficientCapacity': autoScalingGroup must be an Auto Scaling group defined in this app .* got "an imported group"/);
    const stack2 = new Stack(new App(), 'S2');
    const group = new autoscaling.AutoScalingGroup(stack2, 'Asg', {
      vpc: new ec2.Vpc(stack2, 'Vpc', { natGateways: 0 }),
      instanceType: new ec2.InstanceType('t3.micro'),
      machineImage: ec2.MachineImage.latestAmazonLinux2023(),
    });
    expect(() => FisAction.asgInsufficientCapacity({ autoScalingGroup: group, availabilityZones: ['us-east-1a'], duration: Duration.minutes(5), percentage: 0 }))
      .toThrow("FisAction 'insufficientCapacity': percentage must be an integer between 1 and 100, got 0");
  });
});

describe('FisAction.apiInternalError', () => {
  test('targets the roles; permission on experiments only', () => {
    const { stack } = importedTargets();
    const action = FisAction.apiInternalError({
      roles: [importedRole(stack)],
      service: FisApiService.EC2,
      operations: ['DescribeInstances', 'RunInstances'],
      percentage: 25,
      duration: Duration.minutes(10),
    });
    expect(action.target?.resourceArns).toEqual(['arn:aws:iam::111111111111:role/app']);
    expect(action.parameters).toEqual({ duration: 'PT10M', service: 'ec2', operations: 'DescribeInstances,RunInstances', percentage: '25' });
    const statement = stack.resolve(action.statements[0].toStatementJson());
    expect(statement.Action).toBe('fis:InjectApiInternalError');
    expect(JSON.stringify(statement.Resource)).toContain(':experiment/*');
  });

  test('refuses a percentage of 101', () => {
    const { stack } = importedTargets();
    expect(() => FisAction.apiInternalError({ roles: [importedRole(stack)], service: FisApiService.EC2, operations: ['RunInstances'], percentage: 101, duration: Duration.minutes(1) }))
      .toThrow("FisAction 'apiInternalError': percentage must be an integer between 1 and 100, got 101");
  });
});

describe('FisAction.dynamoDbPauseReplication', () => {
  test('targets the global table and scopes the policy actions to it and its streams', () => {
    const { stack } = importedTargets();
    const table = dynamodb.Table.fromTableName(stack, 'T', 'orders');
    const action = FisAction.dynamoDbPauseReplication({ table, duration: Duration.hours(1) });
    expect(action.target?.resourceType).toBe('aws:dynamodb:global-table');
    expect(action.parameters).toEqual({ duration: 'PT1H' });
    const statement = stack.resolve(action.statements[0].toStatementJson());
    expect(statement.Action).toEqual(['dynamodb:PutResourcePolicy', 'dynamodb:DeleteResourcePolicy', 'dynamodb:GetResourcePolicy', 'dynamodb:DescribeTable']);
    expect(JSON.stringify(statement.Resource)).toContain('table/orders/stream/*');
  });
});
