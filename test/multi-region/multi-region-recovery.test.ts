import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { serviceStack, standbyFor, testApp, TRIGGER_WITH_PAGE_ALARM, twoRegions } from './helpers';
import { ChaosSchedule, MultiRegionRecovery, RecoveryRouting, RecoveryStrategy } from '../../src';
import { requireRegionalRecovery } from '../../src/dr/dr-input-rules';

const SERVICE_ARN = (region: string) => ({
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:ecs:${region}:111111111111:service/checkout-${region}/checkout`]],
});

// One app, one synthesis: a primary, its warm standby (page-alarm trigger, practice runs) and a pilot-light standby.
const app = testApp();
const primaryService = serviceStack(app, 'Primary', 'us-east-1', 3);
const built = standbyFor(app, primaryService, 'Standby', {
  triggerAlarm: TRIGGER_WITH_PAGE_ALARM, practiceSchedule: ChaosSchedule.cron({ hour: '10', weekDay: 'TUE' }),
});
standbyFor(app, primaryService, 'Pilot', { strategy: RecoveryStrategy.PILOT_LIGHT });

// Template.fromStack synthesizes the whole app on each call: synthesize once and read the three templates.
const assembly = app.synth();
const templateOf = (stackName: string) => Template.fromJSON(assembly.getStackByName(stackName).template);
const standbyTemplate = templateOf('Standby');
const primaryTemplate = templateOf('Primary');
const pilotTemplate = templateOf('Pilot');
const plan = () => Object.values(standbyTemplate.findResources('AWS::ARCRegionSwitch::Plan'))[0].Properties;

describe('MultiRegionRecovery (warm standby)', () => {
  const standby = standbyTemplate;
  const primary = primaryTemplate;

  test('an active/passive plan over both Regions, RTO the strategy meets', () => {
    expect(plan()).toMatchObject({
      RecoveryApproach: 'activePassive', PrimaryRegion: 'us-east-1', Regions: ['us-east-1', 'us-west-2'], RecoveryTimeObjectiveMinutes: 15,
    });
    expect(plan().Name).toMatch(/^[a-zA-Z0-9][a-zA-Z0-9-]{0,30}[a-zA-Z0-9]$/);
  });

  test('activating the standby scales its service to the primary\'s task count, then moves the traffic', () => {
    const [failover, failback] = plan().Workflows;
    expect(failover.WorkflowTargetRegion).toBe('us-west-2');
    expect(failback.WorkflowTargetRegion).toBe('us-east-1');
    expect(failover.Steps.map((s: any) => s.ExecutionBlockType)).toEqual(['ECSServiceScaling', 'Route53HealthCheck']);
    expect(failover.Steps[0].ExecutionBlockConfiguration.EcsCapacityIncreaseConfig).toMatchObject({
      TargetPercent: 100,
      // The primary's ARN is formatted from its physical names (CDK cross-environment reference), the standby's is a Ref.
      Services: [{ ServiceArn: SERVICE_ARN('us-east-1') }, { ServiceArn: { Ref: expect.stringMatching(/^Service/) } }],
    });
    expect(failover.Steps[1].ExecutionBlockConfiguration.Route53HealthCheckConfig)
      .toEqual({ HostedZoneId: 'Z0123456789ABCDEFGHIJ', RecordName: 'checkout.example.com', TimeoutMinutes: 10 });
  });

  test('the global table gets a replica in the standby Region', () => {
    primary.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: Match.arrayWith([Match.objectLike({ Region: 'us-west-2' }), Match.objectLike({ Region: 'us-east-1' })]),
    });
  });

  test('opt-in trigger by the page alarm and weekly practice runs', () => {
    expect(plan().Triggers).toEqual([{
      Action: 'activate',
      TargetRegion: 'us-west-2',
      MinDelayMinutesBetweenExecutions: 60,
      Description: 'Activate us-west-2 when Primary/StandbyPage is in alarm',
      Conditions: [{ AssociatedAlarmName: 'PrimaryPage', Condition: 'red' }],
    }]);
    standby.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 10 ? * TUE *)',
      Target: Match.objectLike({ Arn: 'arn:aws:scheduler:::aws-sdk:arcregionswitch:startPlanExecution' }),
    });
  });

  test('implements IRegionalRecovery for DrBackupPlan', () => {
    expect(built.recovery.strategy).toBe(RecoveryStrategy.WARM_STANDBY);
    expect(built.recovery.standbyRegion).toBe('us-west-2');
  });

  test('records the plan for the report', () => {
    expect((built.standby.stack.templateOptions.metadata?.['cdk-reliability:recovery'] as any).regionSwitchPlans).toEqual([{
      constructPath: 'Standby/Recovery',
      strategy: 'WARM_STANDBY',
      primaryRegion: 'us-east-1',
      standbyRegion: 'us-west-2',
      steps: ['ScaleUpService (ECSServiceScaling)', 'MoveTraffic (Route53HealthCheck)'],
      triggeredBy: ['Primary/StandbyPage'],
      practiceSchedule: 'cron(0 10 ? * TUE *)',
    }]);
  });
});

describe('MultiRegionRecovery pilot light', () => {
  const template = pilotTemplate;
  test('the standby runs 0 tasks, RTO 2 hours, no trigger and no practice unless asked', () => {
    template.hasResourceProperties('AWS::ECS::Service', { DesiredCount: 0 });
    template.hasResourceProperties('AWS::ARCRegionSwitch::Plan', { RecoveryTimeObjectiveMinutes: 120, Triggers: Match.absent() });
    template.resourceCountIs('AWS::Scheduler::Schedule', 0);
  });
});

describe('MultiRegionRecovery bad input', () => {
  test.each([
    ['backup and restore', { strategy: RecoveryStrategy.BACKUP_AND_RESTORE },
      "MultiRegionRecovery 'Recovery': strategy must be RecoveryStrategy.WARM_STANDBY or RecoveryStrategy.PILOT_LIGHT (backup and restore is a DrBackupPlan on its own), got \"BACKUP_AND_RESTORE\""],
    ['no routing', { routing: undefined as any }, "MultiRegionRecovery 'Recovery': routing must be RecoveryRouting.route53HealthChecks(...), got undefined"],
    ['bad plan name', { planName: 'has spaces' }, 'planName must be 1 to 32 letters, digits or hyphens, starting and ending with a letter or digit, got "has spaces"'],
    ['RTO under the strategy', { recoveryTimeObjective: Duration.minutes(5) }, 'recoveryTimeObjective must be whole minutes, at least the 15 minutes warm standby can meet, got 5 minutes'],
  ])('%s', (_name, props, message) => {
    expect(() => twoRegions(props as any)).toThrow(message);
  });

  test('a warm standby at 0 tasks or above the primary', () => {
    expect(() => twoRegions({}, 0)).toThrow('standbyService must run at least 1 task for a warm standby (a standby at 0 tasks is a pilot light), got 0');
    expect(() => twoRegions({}, 4)).toThrow("standbyService must run fewer tasks than the primary's 3 for a warm standby (reduced capacity), got 4");
  });

  test('the construct outside the standby\'s stack, both services in one Region, a table that is not a TableV2', () => {
    const other = testApp();
    const primary = serviceStack(other, 'P', 'us-east-1', 3);
    const standby = serviceStack(other, 'S', 'us-west-2', 2);
    const sameRegion = serviceStack(other, 'Same', 'us-east-1', 2);
    const routing = RecoveryRouting.route53HealthChecks({ hostedZone: { hostedZoneId: 'Z1', hostedZoneArn: 'arn:aws:route53:::hostedzone/Z1' } as any, recordName: 'a.example.com' });
    const base = { strategy: RecoveryStrategy.WARM_STANDBY, primaryService: primary.service, routing };
    expect(() => new MultiRegionRecovery(primary.stack, 'Elsewhere', { ...base, standbyService: standby.service }))
      .toThrow("[P/Elsewhere] MultiRegionRecovery 'Elsewhere': standbyService must be in this construct's stack P (the plan lives with the standby), got \"S\"");
    expect(() => new MultiRegionRecovery(sameRegion.stack, 'Same', { ...base, standbyService: sameRegion.service }))
      .toThrow("standby must be in another Region than the primary's us-east-1, got \"us-east-1\"");
    expect(() => new MultiRegionRecovery(standby.stack, 'Tables', { ...base, standbyService: standby.service, tables: [{} as any] }))
      .toThrow('tables[0] must be a dynamodb.TableV2 (a global table), got [object Object]');
  });

  test('DrBackupPlan refuses a recovery into its own Region', () => {
    expect(() => requireRegionalRecovery("DrBackupPlan 'Dr'", built.recovery, 'us-west-2'))
      .toThrow("DrBackupPlan 'Dr': recoveredBy must recover into another Region than the plan's own us-west-2, got \"us-west-2\"");
    expect(() => requireRegionalRecovery("DrBackupPlan 'Dr'", built.recovery, 'us-east-1')).not.toThrow();
  });

  test('route53HealthChecks without a record name', () => {
    expect(() => RecoveryRouting.route53HealthChecks({ hostedZone: { hostedZoneId: 'Z1' } as any, recordName: '' }))
      .toThrow('RecoveryRouting.route53HealthChecks: recordName must be a record name of 1 to 1024 characters, got ""');
  });
});

// Runtime facts (docs/deploy-semantics.md): what Region switch, CloudFormation and EventBridge Scheduler require.
describe('MultiRegionRecovery deploy semantics', () => {
  const standby = standbyTemplate;
  const statements = (): any[] => Object.values(standby.findResources('AWS::IAM::ManagedPolicy'))
    .flatMap((p: any) => p.Properties.PolicyDocument.Statement);
  const allowed = (action: string) => statements().filter((s) => ([] as string[]).concat(s.Action).includes(action));

  test('ARC plan execution role trust policy: the role trusts arc-region-switch.amazonaws.com', () => {
    const role = Object.values(standby.findResources('AWS::IAM::Role'))
      .find((r: any) => JSON.stringify(r.Properties.AssumeRolePolicyDocument).includes('arc-region-switch.amazonaws.com')) as any;
    expect(role.Properties.AssumeRolePolicyDocument.Statement[0]).toMatchObject({
      Action: 'sts:AssumeRole', Principal: { Service: 'arc-region-switch.amazonaws.com' },
    });
  });

  test('ARC ECS service scaling block policy: update both Regions\' services, describe both clusters, register scaling targets', () => {
    const update = allowed('ecs:UpdateService');
    expect(update).toHaveLength(1);
    expect(JSON.stringify(update[0].Resource)).toContain(':ecs:us-east-1:111111111111:service/checkout-us-east-1/checkout');
    expect(update[0].Resource).toHaveLength(2);
    expect(allowed('ecs:DescribeClusters')[0].Resource).toHaveLength(2);
    for (const action of ['ecs:ListServices', 'application-autoscaling:RegisterScalableTarget', 'cloudwatch:GetMetricStatistics']) {
      expect(allowed(action)[0].Resource).toBe('*');
    }
  });

  test('ARC Route 53 health check block policy: list the record sets of the hosted zone', () => {
    expect(allowed('route53:ListResourceRecordSets')[0].Resource).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':route53:::hostedzone/Z0123456789ABCDEFGHIJ']],
    });
  });

  test('ARC CloudWatch alarm permissions: the role reads the trigger alarm in the primary Region', () => {
    expect(JSON.stringify(allowed('cloudwatch:DescribeAlarms')[0].Resource)).toContain(':cloudwatch:us-east-1:111111111111:alarm:');
  });

  test('CDK cross-environment references: the primary service reaches the plan as a formatted ARN, no export or custom resource', () => {
    const json = JSON.stringify(standby.toJSON());
    expect(json).not.toContain('Fn::ImportValue');
    expect(Object.values(standby.toJSON().Resources).map((r: any) => r.Type)).not.toContain('Custom::CrossRegionExportReader');
    expect(JSON.stringify(primaryTemplate.toJSON())).toContain('"ServiceName":"checkout"');
  });

  test('Region switch StartPlanExecution plan ARN pattern: plan names are at most 32 characters', () => {
    expect(plan().Name.length).toBeLessThanOrEqual(32);
  });

  test('EventBridge Scheduler universal targets: practice runs call StartPlanExecution with a role allowed only that, on this plan', () => {
    const [schedule] = Object.values(standby.findResources('AWS::Scheduler::Schedule')) as any[];
    const start = allowed('arc-region-switch:StartPlanExecution');
    expect(start).toEqual([expect.objectContaining({ Resource: { 'Fn::GetAtt': [expect.stringMatching(/Plan/), 'Arn'] } })]);
    expect(JSON.stringify(schedule.Properties.Target.Input)).toContain('\\"Action\\":\\"activate\\"');
  });
});
