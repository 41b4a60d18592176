import { Token, aws_iam as iam } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ActionSpec, actionOwner, baseSpec } from './action-spec';
import { azPowerInterruptionSpecs } from './az-power-interruption';
import {
  ecsStopTasksSpec,
  ecsTaskCpuStressSpec,
  ecsTaskNetworkLatencySpec,
  ecsTaskNetworkPacketLossSpec,
} from './ecs-actions';
import {
  ApiInternalErrorOptions,
  AsgInsufficientCapacityOptions,
  AzPowerInterruptionOptions,
  CustomFisActionOptions,
  DisruptSubnetConnectivityOptions,
  DynamoDbPauseReplicationOptions,
  Ec2StopInstancesOptions,
  EcsStopTasksOptions,
  EcsTaskCpuStressOptions,
  EcsTaskNetworkLatencyOptions,
  EcsTaskNetworkPacketLossOptions,
  RdsFailoverOptions,
  WaitOptions,
} from './fis-action-options';
import { FisTarget } from './fis-target';
import {
  apiInternalErrorSpec,
  asgInsufficientCapacitySpec,
  disruptSubnetConnectivitySpec,
  dynamoDbPauseReplicationSpec,
  ec2StopInstancesSpec,
  rdsFailoverSpec,
  waitSpec,
} from './infra-actions';
import { KNOWN_ACTIONS } from './known-actions';
import { propError, ReliabilityValidationError } from '../common/errors';
import { requireObject } from '../common/validate';

/**
 * One fault of an experiment: the FIS action, the resources it hits, and the IAM
 * statements the experiment role needs for it (scoped to those resources).
 */
export class FisAction {
  /** Stops running tasks of an ECS service (`aws:ecs:stop-task`); by default one task. */
  public static ecsStopTasks(options: EcsStopTasksOptions): FisAction {
    return new FisAction(ecsStopTasksSpec(options));
  }

  /**
   * CPU stress in tasks of an ECS service (`aws:ecs:task-cpu-stress`). Runs through the SSM agent
   * sidecar the FIS ECS task actions require; the ECS fault injection endpoints are not used.
   */
  public static ecsTaskCpuStress(options: EcsTaskCpuStressOptions): FisAction {
    return new FisAction(ecsTaskCpuStressSpec(options));
  }

  /**
   * Network latency in tasks of an ECS service (`aws:ecs:task-network-latency`) through the ECS
   * fault injection endpoints. The task definition must set `enableFaultInjection: true` and `pidMode: task`.
   */
  public static ecsTaskNetworkLatency(options: EcsTaskNetworkLatencyOptions): FisAction {
    return new FisAction(ecsTaskNetworkLatencySpec(options));
  }

  /**
   * Packet loss in tasks of an ECS service (`aws:ecs:task-network-packet-loss`) through the ECS
   * fault injection endpoints. The task definition must set `enableFaultInjection: true` and `pidMode: task`.
   */
  public static ecsTaskNetworkPacketLoss(options: EcsTaskNetworkPacketLossOptions): FisAction {
    return new FisAction(ecsTaskNetworkPacketLossSpec(options));
  }

  /** Stops EC2 instances given directly or by tags (`aws:ec2:stop-instances`). */
  public static ec2StopInstances(options: Ec2StopInstancesOptions): FisAction {
    return new FisAction(ec2StopInstancesSpec(options));
  }

  /** Fails over an Aurora / RDS cluster (`aws:rds:failover-db-cluster`). */
  public static rdsFailover(options: RdsFailoverOptions): FisAction {
    return new FisAction(rdsFailoverSpec(options));
  }

  /** Denies traffic of subnets (`aws:network:disrupt-connectivity`). */
  public static disruptSubnetConnectivity(options: DisruptSubnetConnectivityOptions): FisAction {
    return new FisAction(disruptSubnetConnectivitySpec(options));
  }

  /** Makes launches of an Auto Scaling group fail with InsufficientInstanceCapacity in given zones. */
  public static asgInsufficientCapacity(options: AsgInsufficientCapacityOptions): FisAction {
    return new FisAction(asgInsufficientCapacitySpec(options));
  }

  /** Makes API calls of given roles fail with internal errors (`aws:fis:inject-api-internal-error`). */
  public static apiInternalError(options: ApiInternalErrorOptions): FisAction {
    return new FisAction(apiInternalErrorSpec(options));
  }

  /** Pauses replication of a DynamoDB global table (`aws:dynamodb:global-table-pause-replication`). */
  public static dynamoDbPauseReplication(options: DynamoDbPauseReplicationOptions): FisAction {
    return new FisAction(dynamoDbPauseReplicationSpec(options));
  }

  /** Waits (`aws:fis:wait`); combine with `startAfter` to space actions. */
  public static wait(options: WaitOptions): FisAction {
    return new FisAction(waitSpec(options));
  }

  /**
   * An action without a typed factory. For action ids this library knows, the target's
   * resource type is checked; statements must not use wildcard actions.
   */
  public static custom(options: CustomFisActionOptions): FisAction {
    return new FisAction(customSpec(options));
  }

  /**
   * The zone-scoped actions of the AWS "AZ Availability: Power Interruption" scenario for the
   * resources given: subnets cut off briefly, ECS tasks in the zone stopped, Auto Scaling
   * groups unable to launch in the zone, database clusters failed over, tagged instances stopped.
   */
  public static azPowerInterruption(options: AzPowerInterruptionOptions): FisAction[] {
    return azPowerInterruptionSpecs(options).map((spec) => new FisAction(spec));
  }

  /** The action's name (its key in the template). */
  public readonly name: string;
  /** The FIS action id, e.g. `aws:ecs:stop-task`. */
  public readonly actionId: string;
  /** The description, if any. */
  public readonly description?: string;
  /** Names of the actions this one starts after. */
  public readonly startAfter: string[];
  /** The action parameters as FIS receives them. */
  public readonly parameters: { [key: string]: string };
  /** The key the action names its target under (e.g. `Tasks`), if it has a target. */
  public readonly targetKey?: string;
  /** What the action hits, if anything. */
  public readonly target?: FisTarget;
  /** The permissions the experiment role needs for this action. */
  public readonly statements: iam.PolicyStatement[];
  private readonly onBind?: (scope: IConstruct) => void;

  private constructor(spec: ActionSpec) {
    this.name = spec.name;
    this.actionId = spec.actionId;
    this.description = spec.description;
    this.startAfter = spec.startAfter;
    this.parameters = spec.parameters;
    this.targetKey = spec.targetKey;
    this.target = spec.target;
    this.statements = spec.statements;
    this.onBind = spec.bind;
  }

  /**
   * Applies the action's side effects on its targets (e.g. the tag an Auto Scaling group is found by).
   * @internal
   */
  public _bind(scope: IConstruct): void {
    this.onBind?.(scope);
  }
}

function customSpec(options: CustomFisActionOptions): ActionSpec {
  requireObject("FisAction.custom 'custom'", 'options', options, 'an object');
  const base = baseSpec(options, typeof options.actionId === 'string' ? options.actionId.split(':').pop() ?? 'custom' : 'custom');
  const owner = actionOwner(base.name);
  if (typeof options.actionId !== 'string' || !/^aws:[a-z0-9-]+:[a-z0-9-]+$/.test(options.actionId)) {
    throw propError(owner, 'actionId', 'look like "aws:<service>:<action>"', options.actionId);
  }
  const known = KNOWN_ACTIONS[options.actionId];
  const target = options.target;
  if (target !== undefined && !(target instanceof FisTarget)) throw propError(owner, 'target', 'be a FisTarget', target);
  if (target && known) {
    if (known.resourceType === undefined) {
      throw propError(owner, 'target', `be omitted for ${options.actionId}, which takes no target`, target.resourceType);
    }
    if (!Token.isUnresolved(target.resourceType) && target.resourceType !== known.resourceType) {
      throw propError(owner, 'target resourceType', `be "${known.resourceType}" for ${options.actionId}`, target.resourceType);
    }
  }
  if (target) target.selection._render(owner, 'target selection');
  const targetKey = target ? options.targetKey ?? known?.targetKey : undefined;
  if (target && !targetKey) {
    throw propError(owner, 'targetKey', `be given for ${options.actionId}, whose target key this library does not know`, undefined);
  }
  const statements = options.statements ?? [];
  if (!Array.isArray(statements) || statements.some((st) => !(st instanceof iam.PolicyStatement))) {
    throw propError(owner, 'statements', 'be a list of iam.PolicyStatement', statements);
  }
  const parameters = options.parameters ?? {};
  const badParameter = Object.entries(parameters).find(([, value]) => typeof value !== 'string');
  if (badParameter) throw propError(owner, `parameters.${badParameter[0]}`, 'be a string (FIS action parameters are strings)', badParameter[1]);
  for (const statement of statements) {
    const wildcard = statement.actions.find((action) => action.includes('*'));
    if (wildcard) {
      throw new ReliabilityValidationError(`${owner}: statements must name every action explicitly, got wildcard action "${wildcard}"`);
    }
    if (statement.notActions.length > 0) {
      throw new ReliabilityValidationError(`${owner}: statements must name every action explicitly, got a NotAction statement`);
    }
  }
  return {
    ...base,
    actionId: options.actionId,
    parameters: { ...parameters },
    targetKey,
    target,
    statements,
  };
}
