import { App, Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { serviceStack, standbyFor, TRIGGER_WITH_PAGE_ALARM, twoRegions } from './helpers';
import { ChaosSchedule, RecoveryRouting, RecoveryStrategy } from '../../src';

const SERVICE_ARN = (region: string) => ({
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:ecs:${region}:111111111111:service/checkout-${region}/checkout`]],
});

// One app, one synthesis: a primary, its warm standby (page-alarm trigger, practice runs) and a pilot-light standby.
const app = new App();
const primaryService = serviceStack(app, 'Primary', 'us-east-1', 3);
const built = standbyFor(app, primaryService, 'Standby', {
  triggerAlarm: TRIGGER_WITH_PAGE_ALARM, practiceSchedule: ChaosSchedule.cron({ hour: '10', weekDay: 'TUE' }),
});
const pilot = standbyFor(app, primaryService, 'Pilot', { strategy: RecoveryStrategy.PILOT_LIGHT });

describe('MultiRegionRecovery (warm standby)', () => {
  const standby = Template.fromStack(built.standby.stack);
  const primary = Template.fromStack(built.primary.stack);
  const plan = () => Object.values(standby.findResources('AWS::ARCRegionSwitch::Plan'))[0].Properties;

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
  const template = Template.fromStack(pilot.standby.stack);
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

  test('route53HealthChecks without a record name', () => {
    expect(() => RecoveryRouting.route53HealthChecks({ hostedZone: { hostedZoneId: 'Z1' } as any, recordName: '' }))
      .toThrow('RecoveryRouting.route53HealthChecks: recordName must be a record name of 1 to 1024 characters, got ""');
  });
});
