import * as fs from 'fs';
import * as path from 'path';
import { synthExampleApp } from '../../examples/compliance/example-assembly';

/** The example's templates, from the cached synthesis the compliance test shares. */
const result = synthExampleApp();
function template(stack: string): { Resources: Record<string, any>; Metadata?: Record<string, any> } {
  return JSON.parse(fs.readFileSync(path.join(result.assemblyDir, `${stack}.template.json`), 'utf8'));
}
function ofType(stack: string, type: string): any[] {
  return Object.values(template(stack).Resources).filter((r) => r.Type === type);
}

describe('the example disaster recovery', () => {
  test('the orders global table: a CMK per Region (the replica key by its alias ARN), PITR, deletion protection, retained', () => {
    const [table] = ofType('OrdersData', 'AWS::DynamoDB::GlobalTable');
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.Properties.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS' });
    const regions = table.Properties.Replicas.map((r: any) => r.Region).sort();
    expect(regions).toEqual(['us-east-1', 'us-west-2']);
    const west = table.Properties.Replicas.find((r: any) => r.Region === 'us-west-2');
    expect(west).toMatchObject({ DeletionProtectionEnabled: true, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } });
    expect(JSON.stringify(west.SSESpecification.KMSMasterKeyId)).toContain(':kms:us-west-2:111111111111:alias/orders-replica');
  });

  test('the critical tier is recovered by the warm standby: the report metadata says the one-hour RTO is met', () => {
    const workloads = template('OrdersData').Metadata?.['cdk-reliability:recovery'].workloads;
    expect(workloads).toEqual([expect.objectContaining({
      tier: 'critical', strategy: 'WARM_STANDBY', meetsRto: true, strategyNeeded: 'WARM_STANDBY', recoveredBy: 'CheckoutStandby/CheckoutRecovery',
    })]);
    const [plan] = ofType('OrdersData', 'AWS::Backup::BackupPlan');
    const hourly = plan.Properties.BackupPlan.BackupPlanRule.find((r: any) => r.RuleName === 'Hourly');
    expect(JSON.stringify(hourly.CopyActions)).toContain(':backup:us-west-2:111111111111:backup-vault:orders-recovery');
  });

  test('the standby Checkout runs 2 tasks against the primary\'s 3, and the plan names both services', () => {
    expect(ofType('CheckoutStandby', 'AWS::ECS::Service')[0].Properties.DesiredCount).toBe(2);
    expect(ofType('Checkout', 'AWS::ECS::Service')[0].Properties.DesiredCount).toBe(3);
    const [plan] = ofType('CheckoutStandby', 'AWS::ARCRegionSwitch::Plan');
    expect(plan.Properties).toMatchObject({ PrimaryRegion: 'us-east-1', Regions: ['us-east-1', 'us-west-2'], RecoveryTimeObjectiveMinutes: 15 });
    const services = plan.Properties.Workflows[0].Steps[0].ExecutionBlockConfiguration.EcsCapacityIncreaseConfig.Services;
    // The primary's ARN is formatted from the names CDK generated for the cross-Region reference: the same names
    // the Checkout template gives its cluster and service.
    const primaryName = ofType('Checkout', 'AWS::ECS::Service')[0].Properties.ServiceName;
    expect(typeof primaryName).toBe('string');
    expect(JSON.stringify(services[0].ServiceArn)).toContain(':ecs:us-east-1:111111111111:service/');
    expect(JSON.stringify(services[0].ServiceArn)).toContain(`/${primaryName}`);
    const [schedule] = ofType('CheckoutStandby', 'AWS::Scheduler::Schedule');
    expect(schedule.Properties.ScheduleExpression).toBe('cron(0 10 ? * WED#1 *)');
  });
});
