import {
  Duration,
  aws_autoscaling as autoscaling,
  aws_dynamodb as dynamodb,
  aws_ec2 as ec2,
  aws_ecs as ecs,
  aws_iam as iam,
  aws_rds as rds,
} from 'aws-cdk-lib';
import { FisSelection, FisTarget } from './fis-target';

/** Options every FisAction factory accepts. */
export interface FisActionOptions {
  /**
   * The action's name in the template (its key); `startAfter` refers to it.
   * 1–56 letters, digits, `-` or `_`.
   * @default - a name derived from the action, e.g. `stopTasks`
   */
  readonly name?: string;
  /**
   * A description of the action.
   * @default - none
   */
  readonly description?: string;
  /**
   * Names of the actions this one starts after.
   * @default - starts with the experiment
   */
  readonly startAfter?: string[];
}

/** Options of `FisAction.ecsStopTasks`. */
export interface EcsStopTasksOptions extends FisActionOptions {
  /** The ECS service whose tasks are stopped. */
  readonly service: ecs.IBaseService;
  /**
   * How many of the service's running tasks to stop.
   * @default FisSelection.count(1)
   */
  readonly selection?: FisSelection;
  /**
   * Stop only tasks in this Availability Zone: a zone name like `us-east-1a` (FIS selects them with
   * a filter on the task's `AvailabilityZone`, which ECS reports by name).
   * @default - tasks in every zone
   */
  readonly availabilityZone?: string;
}

/** Options shared by the ECS task fault actions. */
export interface EcsTaskFaultOptions extends FisActionOptions {
  /** The ECS service whose tasks get the fault. */
  readonly service: ecs.IBaseService;
  /**
   * The task definition the service runs. The network actions check it enables fault injection
   * (`enableFaultInjection: true`, `pidMode: task`); CPU stress does not need it.
   * @default - the service's own task definition (required when the service is imported)
   */
  readonly taskDefinition?: ecs.ITaskDefinition;
  /** How long the fault lasts: 1 minute to 12 hours. */
  readonly duration: Duration;
  /**
   * How many of the service's running tasks get the fault.
   * @default FisSelection.percent(50)
   */
  readonly selection?: FisSelection;
}

/** Options of `FisAction.ecsTaskCpuStress`. */
export interface EcsTaskCpuStressOptions extends EcsTaskFaultOptions {
  /**
   * The CPU load to apply, 1–100 percent.
   * @default 100
   */
  readonly loadPercent?: number;
  /**
   * Number of stressors; 0 uses all CPUs.
   * @default 0
   */
  readonly workers?: number;
}

/** Options of `FisAction.ecsTaskNetworkLatency`. */
export interface EcsTaskNetworkLatencyOptions extends EcsTaskFaultOptions {
  /**
   * The added delay, 1 ms to 1 minute.
   * @default Duration.millis(200)
   */
  readonly delay?: Duration;
  /**
   * The jitter added to the delay, 0 ms to 1 minute.
   * @default Duration.millis(10)
   */
  readonly jitter?: Duration;
  /**
   * Percentage (1–100) of network flows that get the fault.
   * @default 100
   */
  readonly flowsPercent?: number;
  /**
   * Destinations affected: IPv4 addresses, CIDR blocks, domain names, AZ names or ids, `ALL`, `DYNAMODB`, `S3`.
   * @default ['ALL']
   */
  readonly sources?: string[];
}

/** Options of `FisAction.ecsTaskNetworkPacketLoss`. */
export interface EcsTaskNetworkPacketLossOptions extends EcsTaskFaultOptions {
  /**
   * Percentage (1–100) of packets dropped.
   * @default 7
   */
  readonly lossPercent?: number;
  /**
   * Percentage (1–100) of network flows that get the fault.
   * @default 100
   */
  readonly flowsPercent?: number;
  /**
   * Destinations affected: IPv4 addresses, CIDR blocks, domain names, AZ names or ids, `ALL`, `DYNAMODB`, `S3`.
   * @default ['ALL']
   */
  readonly sources?: string[];
}

/** Options of `FisAction.ec2StopInstances`: give exactly one of `instances` or `instanceTags`. */
export interface Ec2StopInstancesOptions extends FisActionOptions {
  /**
   * The instances to stop.
   * @default - none; `instanceTags` must be given
   */
  readonly instances?: ec2.IInstance[];
  /**
   * Stop running instances carrying all of these tags.
   * @default - none; `instances` must be given
   */
  readonly instanceTags?: { [key: string]: string };
  /**
   * Stop only instances in this Availability Zone (name, e.g. `us-east-1a`).
   * @default - every zone
   */
  readonly availabilityZone?: string;
  /**
   * How many of the matching instances to stop.
   * @default FisSelection.all()
   */
  readonly selection?: FisSelection;
  /**
   * Start the instances again after this long (1 minute to 12 hours).
   * @default - instances stay stopped (their Auto Scaling group, if any, replaces them)
   */
  readonly startInstancesAfter?: Duration;
  /**
   * With `startInstancesAfter`, do not fail when an instance was terminated meanwhile (e.g. by its Auto Scaling group).
   * @default true when `startInstancesAfter` is set
   */
  readonly completeIfInstancesTerminated?: boolean;
}

/** Options of `FisAction.rdsFailover`. */
export interface RdsFailoverOptions extends FisActionOptions {
  /** The Aurora / RDS cluster to fail over. */
  readonly cluster: rds.IDatabaseCluster;
}

/** Which traffic `FisAction.disruptSubnetConnectivity` denies. */
export enum ConnectivityScope {
  /** All traffic entering and leaving the subnets. */
  ALL = 'all',
  /** Intra-VPC traffic to and from subnets in other Availability Zones. */
  AVAILABILITY_ZONE = 'availability-zone',
  /** Traffic to the Regional DynamoDB endpoint. */
  DYNAMODB = 'dynamodb',
  /** Traffic to the Regional S3 endpoint. */
  S3 = 's3',
  /** Traffic entering and leaving the VPC. */
  VPC = 'vpc',
}

/** Options of `FisAction.disruptSubnetConnectivity`. */
export interface DisruptSubnetConnectivityOptions extends FisActionOptions {
  /** The subnets whose traffic is denied (typically the subnets of one Availability Zone). */
  readonly subnets: ec2.ISubnet[];
  /** How long: 1 minute to 12 hours. */
  readonly duration: Duration;
  /**
   * Which traffic is denied.
   * @default ConnectivityScope.ALL
   */
  readonly scope?: ConnectivityScope;
}

/** Options of `FisAction.asgInsufficientCapacity`. */
export interface AsgInsufficientCapacityOptions extends FisActionOptions {
  /**
   * The Auto Scaling group whose launches fail. It must be defined in this app: the
   * experiment finds it by a tag this construct adds to it.
   */
  readonly autoScalingGroup: autoscaling.IAutoScalingGroup;
  /** Availability Zones (names or ids) whose launches fail. */
  readonly availabilityZones: string[];
  /** How long: 1 minute to 12 hours. */
  readonly duration: Duration;
  /**
   * Percentage (1–100) of launch requests that fail.
   * @default 100
   */
  readonly percentage?: number;
}

/** AWS API namespaces FIS can inject API errors into. */
export enum FisApiService {
  /** Amazon EC2 API calls. */
  EC2 = 'ec2',
  /** Amazon Kinesis Data Streams API calls. */
  KINESIS = 'kinesis',
}

/** Options of `FisAction.apiInternalError`. */
export interface ApiInternalErrorOptions extends FisActionOptions {
  /** The roles whose API calls fail. */
  readonly roles: iam.IRole[];
  /** The API namespace. */
  readonly service: FisApiService;
  /** The API operations that fail, e.g. `['DescribeInstances']`. */
  readonly operations: string[];
  /**
   * Percentage (1–100) of calls that fail.
   * @default 100
   */
  readonly percentage?: number;
  /** How long: 1 minute to 12 hours. */
  readonly duration: Duration;
}

/** Options of `FisAction.dynamoDbPauseReplication`. */
export interface DynamoDbPauseReplicationOptions extends FisActionOptions {
  /** The global table (the replica in the experiment's Region) whose replication pauses. */
  readonly table: dynamodb.ITable;
  /** How long: 1 minute to 12 hours. */
  readonly duration: Duration;
}

/** Options of `FisAction.wait`. */
export interface WaitOptions extends FisActionOptions {
  /** How long: 1 minute to 12 hours. */
  readonly duration: Duration;
}

/** Options of `FisAction.custom`, for an action without a typed factory. */
export interface CustomFisActionOptions extends FisActionOptions {
  /** The FIS action id, e.g. `aws:ec2:reboot-instances`. */
  readonly actionId: string;
  /**
   * What the action hits. For known action ids the resource type is checked.
   * @default - no target (e.g. `aws:fis:wait`)
   */
  readonly target?: FisTarget;
  /**
   * The key the action names its target under (e.g. `Instances`).
   * @default - the key FIS documents for known action ids; required otherwise when `target` is set
   */
  readonly targetKey?: string;
  /**
   * Action parameters.
   * @default - none
   */
  readonly parameters?: { [key: string]: string };
  /**
   * The permissions the action needs; no statement may use a wildcard action.
   * @default - none
   */
  readonly statements?: iam.PolicyStatement[];
}

/**
 * Options of `FisAction.azPowerInterruption`: the zone that loses power, for how long, and the
 * resources in it. Every timed action lasts `duration`.
 */
export interface AzPowerInterruptionOptions {
  /** The Availability Zone that loses power: a zone name of the stack's Region, e.g. `us-east-1a`. */
  readonly availabilityZone: string;
  /**
   * How long the zone stays down: 1 minute to 12 hours. The zone's subnets stay cut off, Auto
   * Scaling launches in the zone fail, and stopped instances stay stopped, for all of it.
   */
  readonly duration: Duration;
  /**
   * More subnets to cut off besides those of `services` (e.g. a database's or the load balancer's
   * subnets); only those in `availabilityZone` are used. Required when a service's subnets cannot
   * be read at synth (an imported service, or tasks without awsvpc networking).
   * @default - the subnets of `services` in the zone
   */
  readonly subnets?: ec2.ISubnet[];
  /**
   * ECS services whose tasks in the zone are stopped at the start, and whose subnets in the zone
   * are cut off for `duration` (so tasks ECS places there again cannot serve).
   * @default - none
   */
  readonly services?: ecs.IBaseService[];
  /**
   * Auto Scaling groups that cannot launch in the zone for `duration`.
   * @default - none
   */
  readonly autoScalingGroups?: autoscaling.IAutoScalingGroup[];
  /**
   * Aurora / RDS clusters to fail over at the start.
   * @default - none
   */
  readonly databaseClusters?: rds.IDatabaseCluster[];
  /**
   * Stop running EC2 instances in the zone carrying all of these tags, and start them after `duration`.
   * @default - no instances stopped
   */
  readonly instanceTags?: { [key: string]: string };
  /**
   * Prefix of the generated action names: 1-40 letters, digits, `-` or `_`.
   * @default 'azPower'
   */
  readonly namePrefix?: string;
}
