import {
  Aws, Names, Stack, Token, Validations,
  aws_applicationautoscaling as appscaling,
  aws_arcregionswitch as arc,
  aws_ecs as ecs,
  aws_iam as iam,
  aws_scheduler as scheduler,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { MultiRegionRecoveryProps } from './multi-region-recovery-props';
import {
  BUILDABLE_STRATEGIES, derivePlanName, requirePlanName, requireTwoRegions, standbyCountProblem, triggerDelayMinutes,
} from './multi-region-rules';
import { RecoveryRouting } from './recovery-routing';
import { regionSwitchWorkflows, RegionalService } from './region-switch-workflows';
import { ChaosSchedule } from '../chaos/chaos-schedule';
import { ownerLabel, propError } from '../common/errors';
import { requireObject } from '../common/validate';
import { recordRegionSwitchPlan } from '../dr/recovery-metadata';
import { RecoveryStrategy } from '../dr/recovery-strategy';
import { IRegionalRecovery } from '../dr/regional-recovery';

/**
 * A second Region that is ready: the service's standby copy (warm standby at reduced capacity, pilot light at zero
 * tasks), DynamoDB global table replicas, and an ARC Region switch plan that scales the standby up and moves the
 * traffic, optionally triggered by an alarm and practiced on a schedule. Pass it as `recoveredBy` of the
 * DrBackupPlan protecting the same data so the plan may declare the RTO this strategy meets.
 */
export class MultiRegionRecovery extends Construct implements IRegionalRecovery {
  /** The strategy this recovery implements. */
  public readonly strategy: RecoveryStrategy;
  /** The Region the workload recovers into (this construct's stack Region). */
  public readonly standbyRegion: string;
  /** The Region the workload runs in. */
  public readonly primaryRegion: string;
  /** The ARC Region switch plan. */
  public readonly plan: arc.CfnPlan;
  /** The role Region switch assumes to run the plan. */
  public readonly executionRole: iam.IRole;
  /** The practice-run schedule, when on. */
  public readonly practiceSchedule?: scheduler.CfnSchedule;

  private readonly owner: string;

  constructor(scope: Construct, id: string, props: MultiRegionRecoveryProps) {
    super(scope, id);
    this.owner = ownerLabel('MultiRegionRecovery', this);
    requireObject(this.owner, 'props', props, 'given with strategy, primaryService, standbyService and routing');
    if (!(props.strategy instanceof RecoveryStrategy) || !BUILDABLE_STRATEGIES.includes(props.strategy.key)) {
      throw propError(this.owner, 'strategy', 'be RecoveryStrategy.WARM_STANDBY or RecoveryStrategy.PILOT_LIGHT '
        + '(backup and restore is a DrBackupPlan on its own)', props.strategy?.key ?? props.strategy);
    }
    if (!(props.routing instanceof RecoveryRouting)) {
      throw propError(this.owner, 'routing', 'be RecoveryRouting.route53HealthChecks(...)', props.routing);
    }
    for (const prop of ['primaryService', 'standbyService'] as const) {
      if (!props[prop]?.serviceArn || !props[prop]?.cluster) throw propError(this.owner, prop, 'be an ECS service (ecs.IBaseService)', props[prop]);
    }
    if (Stack.of(props.standbyService) !== Stack.of(this)) {
      throw propError(this.owner, 'standbyService', `be in this construct's stack ${Stack.of(this).stackName} (the plan lives with the standby)`,
        Stack.of(props.standbyService).stackName);
    }
    this.strategy = props.strategy;
    this.primaryRegion = Stack.of(props.primaryService).region;
    this.standbyRegion = Stack.of(this).region;
    requireTwoRegions(this.owner, this.primaryRegion, this.standbyRegion);

    this.shapeStandby(props);
    this.replicateTables(props);

    const regional = (region: string, service: ecs.IBaseService): RegionalService =>
      ({ region, serviceArn: service.serviceArn, clusterArn: service.cluster.clusterArn });
    const primary = regional(this.primaryRegion, props.primaryService);
    const standby = regional(this.standbyRegion, props.standbyService);
    const rtoMinutes = this.rtoMinutes(props);
    const planName = props.planName !== undefined ? requirePlanName(this.owner, props.planName)
      : derivePlanName(Names.uniqueResourceName(this, { maxLength: 32, separator: '-', allowedSpecialCharacters: '-' }));
    this.executionRole = this.createExecutionRole(props, primary, standby);
    const workflows = regionSwitchWorkflows({ owner: this.owner, primary, standby, routing: props.routing });
    const alarmName = props.triggerAlarm?.alarmName;
    this.plan = new arc.CfnPlan(this, 'Plan', {
      name: planName,
      description: `${props.strategy.displayName} of ${props.primaryService.node.path} in ${this.standbyRegion}`,
      executionRole: this.executionRole.roleArn,
      recoveryApproach: 'activePassive',
      primaryRegion: this.primaryRegion,
      regions: [this.primaryRegion, this.standbyRegion],
      recoveryTimeObjectiveMinutes: rtoMinutes,
      workflows,
      associatedAlarms: props.triggerAlarm ? {
        PrimaryPage: { alarmType: 'trigger', resourceIdentifier: props.triggerAlarm.alarmArn },
      } : undefined,
      triggers: props.triggerAlarm ? [{
        action: 'activate',
        targetRegion: this.standbyRegion,
        description: `Activate ${this.standbyRegion} when ${props.triggerAlarm.node.path} is in alarm`,
        conditions: [{ associatedAlarmName: 'PrimaryPage', condition: 'red' }],
        minDelayMinutesBetweenExecutions: triggerDelayMinutes(rtoMinutes),
      }] : undefined,
    });
    this.plan.node.addDependency(this.executionRole);
    if (props.practiceSchedule) this.practiceSchedule = this.createPracticeSchedule(props.practiceSchedule);

    recordRegionSwitchPlan(this, {
      constructPath: this.node.path,
      strategy: props.strategy.key,
      primaryRegion: this.primaryRegion,
      standbyRegion: this.standbyRegion,
      steps: workflows[0].steps.map((s) => `${s.name} (${s.executionBlockType})`),
      triggeredBy: alarmName && !Token.isUnresolved(alarmName) ? [alarmName] : props.triggerAlarm ? [props.triggerAlarm.node.path] : [],
      practiceSchedule: this.practiceSchedule ? props.practiceSchedule!.expressionString : undefined,
    });
  }

  /** A pilot light runs no task until the plan scales it; a warm standby runs fewer than the primary. */
  private shapeStandby(props: MultiRegionRecoveryProps): void {
    const standby = props.standbyService.node.defaultChild as ecs.CfnService | undefined;
    const primary = props.primaryService.node.defaultChild as ecs.CfnService | undefined;
    const count = (s: ecs.CfnService | undefined) => (typeof s?.desiredCount === 'number' ? s.desiredCount : undefined);
    if (props.strategy === RecoveryStrategy.PILOT_LIGHT && standby) {
      standby.desiredCount = 0;
      const targets = props.standbyService.node.findAll().filter((c): c is appscaling.CfnScalableTarget => c instanceof appscaling.CfnScalableTarget);
      for (const target of targets) target.minCapacity = 0;
      Validations.of(props.standbyService).acknowledge({
        id: 'Reliability-ECSServiceDesiredCount',
        reason: `Pilot light: the standby runs 0 tasks until the Region switch plan ${this.node.path} scales it to the primary's count`,
      });
      return;
    }
    const problem = standbyCountProblem(props.strategy.key, count(standby), count(primary));
    if (problem) throw propError(this.owner, 'standbyService', problem.replace(/, got .*$/, ''), count(standby));
  }

  /** Each global table gets a replica in the standby Region unless it has one (addReplica refuses duplicates). */
  private replicateTables(props: MultiRegionRecoveryProps): void {
    (props.tables ?? []).forEach((table, i) => {
      if (!(table instanceof Construct) || typeof (table as { addReplica?: unknown }).addReplica !== 'function') {
        throw propError(this.owner, `tables[${i}]`, 'be a dynamodb.TableV2 (a global table)', table);
      }
      if (Stack.of(table).region !== this.primaryRegion) {
        throw propError(this.owner, `tables[${i}]`, `be in the primary Region ${this.primaryRegion}`, Stack.of(table).region);
      }
      if (!hasReplica(table, this.standbyRegion)) table.addReplica({ region: this.standbyRegion });
    });
  }

  private rtoMinutes(props: MultiRegionRecoveryProps): number {
    if (props.recoveryTimeObjective === undefined) return props.strategy.achievableRto.toMinutes();
    const minutes = props.recoveryTimeObjective.toMinutes({ integral: false });
    const floor = props.strategy.achievableRto.toMinutes();
    if (!Number.isInteger(minutes) || minutes < floor) {
      throw propError(this.owner, 'recoveryTimeObjective', `be whole minutes, at least the ${floor} minutes ${props.strategy.displayName} can meet`,
        props.recoveryTimeObjective);
    }
    return minutes;
  }

  /**
   * The plan's execution role, with what each block needs per the ARC developer guide's "Execution block
   * permissions" samples; the services' and clusters' ARNs are named, the list / scaling-target / metric reads take none.
   */
  private createExecutionRole(props: MultiRegionRecoveryProps, primary: RegionalService, standby: RegionalService): iam.Role {
    const role = new iam.Role(this, 'ExecutionRole', {
      assumedBy: new iam.ServicePrincipal('arc-region-switch.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
      description: `Region switch runs the plan of ${this.node.path} with this role`,
    });
    const statements = [
      new iam.PolicyStatement({ actions: ['ecs:DescribeServices', 'ecs:UpdateService'], resources: [primary.serviceArn, standby.serviceArn] }),
      new iam.PolicyStatement({ actions: ['ecs:DescribeClusters'], resources: [primary.clusterArn, standby.clusterArn] }),
      new iam.PolicyStatement({
        actions: ['ecs:ListServices', 'application-autoscaling:DescribeScalableTargets', 'application-autoscaling:RegisterScalableTarget', 'cloudwatch:GetMetricStatistics'],
        resources: ['*'],
      }),
      ...props.routing._statements(),
    ];
    if (props.triggerAlarm) {
      statements.push(new iam.PolicyStatement({ actions: ['cloudwatch:DescribeAlarms', 'cloudwatch:DescribeAlarmHistory'], resources: [props.triggerAlarm.alarmArn] }));
    }
    const policy = new iam.ManagedPolicy(this, 'ExecutionPolicy', {
      description: `What the Region switch plan of ${this.node.path} may do`,
      statements,
      roles: [role],
    });
    Validations.of(policy).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'ecs:ListServices, application-autoscaling:DescribeScalableTargets / RegisterScalableTarget and cloudwatch:GetMetricStatistics '
        + 'take no resource ARN (Service Authorization Reference); the ECS service and cluster actions name both Regions\' ARNs',
    });
    return role;
  }

  /** Practice: EventBridge Scheduler starts a graceful activation of the standby Region. */
  private createPracticeSchedule(schedule: ChaosSchedule): scheduler.CfnSchedule {
    if (!(schedule instanceof ChaosSchedule)) {
      throw propError(this.owner, 'practiceSchedule', 'be a ChaosSchedule (ChaosSchedule.cron({ hour, weekDay }))', schedule);
    }
    const expression = schedule._render(this.owner);
    const role = new iam.Role(this, 'PracticeRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
      description: `Starts practice runs of the Region switch plan of ${this.node.path}`,
    });
    new iam.ManagedPolicy(this, 'PracticePolicy', {
      description: `Lets EventBridge Scheduler start only the Region switch plan of ${this.node.path}`,
      statements: [new iam.PolicyStatement({ actions: ['arc-region-switch:StartPlanExecution'], resources: [this.plan.attrArn] })],
      roles: [role],
    });
    return new scheduler.CfnSchedule(this, 'PracticeSchedule', {
      description: `Practice run: activates ${this.standbyRegion} with the Region switch plan of ${this.node.path}`.slice(0, 512),
      scheduleExpression: expression,
      flexibleTimeWindow: { mode: 'OFF' },
      state: 'ENABLED',
      target: {
        arn: 'arn:aws:scheduler:::aws-sdk:arcregionswitch:startPlanExecution',
        roleArn: role.roleArn,
        input: Stack.of(this).toJsonString({
          PlanArn: this.plan.attrArn,
          TargetRegion: this.standbyRegion,
          Action: 'activate',
          Mode: 'graceful',
          Comment: 'Scheduled practice run',
        }),
        // A practice that could not start is not retried later, when nobody is watching.
        retryPolicy: { maximumRetryAttempts: 0 },
      },
    });
  }
}

/** TableV2 exposes its replicas only through replica(region), which throws when there is none in that Region. */
function hasReplica(table: { replica(region: string): unknown }, region: string): boolean {
  try {
    table.replica(region);
    return true;
  } catch {
    return false;
  }
}
