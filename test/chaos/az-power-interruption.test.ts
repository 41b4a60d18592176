import { Duration, aws_rds as rds } from 'aws-cdk-lib';
import { importedTargets } from './fixtures';
import { FisAction } from '../../src/chaos';

describe('FisAction.azPowerInterruption', () => {
  test('one zone-scoped action per resource, subnets of other zones left out', () => {
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
    const network = actions[0];
    expect(network.parameters).toEqual({ duration: 'PT2M', scope: 'all' });
    const subnetArns = JSON.stringify(stack.resolve(network.target?.resourceArns));
    expect(subnetArns).toContain('subnet-a');
    expect(subnetArns).not.toContain('subnet-b');
    expect(actions[1].target?.parameters).toEqual({ cluster: 'shop', service: 'web', availabilityZoneIdentifier: 'us-east-1a' });
    expect(actions[1].target?.selection.kind).toBe('ALL');
    expect(actions[3].parameters).toEqual({ startInstancesAfterDuration: 'PT30M', completeIfInstancesTerminated: 'true' });
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
