import { Names, Tags, Token, aws_autoscaling as autoscaling, aws_iam as iam } from 'aws-cdk-lib';
import { ActionSpec, actionOwner, baseSpec } from './action-spec';
import {
  ApiInternalErrorOptions,
  AsgInsufficientCapacityOptions,
  ConnectivityScope,
  DisruptSubnetConnectivityOptions,
  DynamoDbPauseReplicationOptions,
  Ec2StopInstancesOptions,
  FisApiService,
  RdsFailoverOptions,
  WaitOptions,
} from './fis-action-options';
import {
  arn,
  autoScalingGroupArnPattern,
  ec2InstanceArn,
  ec2Instances,
  fisExperiments,
  networkAcls,
  subnetArn,
} from './fis-arns';
import { FIS_ACTION_DURATION_MAX_SECONDS, FIS_ACTION_DURATION_MIN_SECONDS, fisDuration } from './fis-duration';
import { isAvailabilityZoneId, isAvailabilityZoneName, requireFisInteger, requireZoneName } from './fis-rules';
import { FisSelection, FisTarget, FisTargetFilter } from './fis-target';
import { justifiedStatement } from './statement-reasons';
import { propError, ReliabilityValidationError } from '../common/errors';
import { requireNonEmpty } from '../common/validate';

/** The tag this library puts on an Auto Scaling group so FIS can find it (its ARN holds a UUID unknown at synth). */
export const ASG_TARGET_TAG = 'cdk-reliability:chaos-target';

const DESCRIBE_REASON = 'Describe* actions have no resource-level permissions (IAM service authorization reference); they are read-only';

/** `aws:ec2:stop-instances` on given instances or on running instances carrying tags. */
export function ec2StopInstancesSpec(options: Ec2StopInstancesOptions): ActionSpec {
  const base = baseSpec(options, 'stopInstances');
  const owner = actionOwner(base.name);
  const byInstances = options.instances !== undefined;
  const byTags = options.instanceTags !== undefined;
  if (byInstances === byTags) {
    throw new ReliabilityValidationError(`${owner}: exactly one of instances or instanceTags must be given, got ${byInstances ? 'both' : 'neither'}`);
  }
  const selection = options.selection ?? FisSelection.all();
  selection._render(owner, 'selection');
  const filters: FisTargetFilter[] = [{ path: 'State.Name', values: ['running'] }];
  if (options.availabilityZone !== undefined) {
    // EC2 reports an instance's Placement.AvailabilityZone by name.
    filters.push({ path: 'Placement.AvailabilityZone', values: [requireZoneName(owner, 'availabilityZone', options.availabilityZone)] });
  }

  let target: FisTarget;
  let resources: string[];
  let conditions: { [key: string]: any } | undefined;
  if (byInstances) {
    const instances = requireNonEmpty(owner, 'instances', options.instances, 'instance');
    target = FisTarget.fromArns('aws:ec2:instance', instances.map((i) => ec2InstanceArn(i.instanceId)), { selection, filters });
    resources = instances.map((i) => ec2InstanceArn(i.instanceId));
  } else {
    const tags = options.instanceTags as { [key: string]: string };
    if (Object.keys(tags).length === 0) throw propError(owner, 'instanceTags', 'hold at least one tag', 'an empty object');
    target = FisTarget.fromTags('aws:ec2:instance', tags, { selection, filters });
    resources = [ec2Instances()];
    conditions = { StringEquals: Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:ResourceTag/${k}`, v])) };
  }

  const parameters: { [key: string]: string } = {};
  if (options.startInstancesAfter !== undefined) {
    parameters.startInstancesAfterDuration = fisDuration(owner, 'startInstancesAfter', options.startInstancesAfter,
      FIS_ACTION_DURATION_MIN_SECONDS, FIS_ACTION_DURATION_MAX_SECONDS);
    const complete = options.completeIfInstancesTerminated ?? true;
    if (typeof complete !== 'boolean') throw propError(owner, 'completeIfInstancesTerminated', 'be true or false', complete);
    parameters.completeIfInstancesTerminated = String(complete);
  }
  return {
    ...base,
    actionId: 'aws:ec2:stop-instances',
    parameters,
    targetKey: 'Instances',
    target,
    statements: [
      justifiedStatement({ actions: ['ec2:StopInstances', 'ec2:StartInstances'], resources, conditions },
        'Instances are chosen by tag at run time; the aws:ResourceTag condition limits the statement to instances carrying the target tags'),
      justifiedStatement({ actions: ['ec2:DescribeInstances'], resources: ['*'] }, DESCRIBE_REASON),
    ],
  };
}

/** `aws:rds:failover-db-cluster` on one cluster. */
export function rdsFailoverSpec(options: RdsFailoverOptions): ActionSpec {
  const base = baseSpec(options, 'failoverDatabase');
  const owner = actionOwner(base.name);
  if (!options.cluster || options.cluster.clusterArn === undefined) throw propError(owner, 'cluster', 'be a database cluster', options.cluster);
  return {
    ...base,
    actionId: 'aws:rds:failover-db-cluster',
    parameters: {},
    targetKey: 'Clusters',
    target: FisTarget.fromArns('aws:rds:cluster', [options.cluster.clusterArn]),
    statements: [
      new iam.PolicyStatement({ actions: ['rds:FailoverDBCluster', 'rds:DescribeDBClusters'], resources: [options.cluster.clusterArn] }),
    ],
  };
}

/** `aws:network:disrupt-connectivity` on given subnets. */
export function disruptSubnetConnectivitySpec(options: DisruptSubnetConnectivityOptions): ActionSpec {
  const base = baseSpec(options, 'disruptNetwork');
  const owner = actionOwner(base.name);
  const subnets = requireNonEmpty(owner, 'subnets', options.subnets, 'subnet');
  const scope = options.scope ?? ConnectivityScope.ALL;
  if (!Object.values(ConnectivityScope).includes(scope)) {
    throw propError(owner, 'scope', `be one of ${Object.values(ConnectivityScope).join(', ')}`, scope);
  }
  if (subnets.some((s) => !s || typeof s.subnetId !== 'string')) throw propError(owner, 'subnets', 'hold only subnets', subnets);
  const subnetArns = subnets.map((s) => subnetArn(s.subnetId));
  const managedByFis = { 'aws:ResourceTag/managedByFIS': 'true' };
  const aclReason = 'FIS creates the network ACL during the action, so its id is unknown at synth; the managedByFIS tag condition limits the statement to ACLs FIS created';
  return {
    ...base,
    actionId: 'aws:network:disrupt-connectivity',
    parameters: {
      duration: fisDuration(owner, 'duration', options.duration, FIS_ACTION_DURATION_MIN_SECONDS, FIS_ACTION_DURATION_MAX_SECONDS),
      scope,
    },
    targetKey: 'Subnets',
    target: FisTarget.fromArns('aws:ec2:subnet', subnetArns),
    statements: [
      justifiedStatement({
        actions: ['ec2:CreateNetworkAcl'],
        resources: [networkAcls()],
        conditions: { StringEquals: { 'aws:RequestTag/managedByFIS': 'true' } },
      }, aclReason),
      justifiedStatement({
        actions: ['ec2:CreateNetworkAcl'],
        resources: [arn('ec2', 'vpc/*')],
      }, 'ISubnet does not expose its VPC id; CreateNetworkAcl needs the VPC resource and only creates an ACL that the tag-scoped statements then manage'),
      justifiedStatement({
        actions: ['ec2:CreateTags'],
        resources: [networkAcls()],
        conditions: { StringEquals: { 'ec2:CreateAction': 'CreateNetworkAcl', 'aws:RequestTag/managedByFIS': 'true' } },
      }, aclReason),
      justifiedStatement({
        actions: ['ec2:CreateNetworkAclEntry', 'ec2:DeleteNetworkAcl'],
        resources: [networkAcls()],
        conditions: { StringEquals: managedByFis },
      }, aclReason),
      justifiedStatement({
        actions: ['ec2:ReplaceNetworkAclAssociation'],
        resources: [...subnetArns, networkAcls()],
      }, 'The association swaps the subnet onto the FIS-created ACL and back to the original one, whose ids are unknown at synth; the subnets are named'),
      justifiedStatement({
        actions: ['ec2:DescribeManagedPrefixLists', 'ec2:DescribeNetworkAcls', 'ec2:DescribeSubnets', 'ec2:DescribeVpcs', 'ec2:GetManagedPrefixListEntries'],
        resources: ['*'],
      }, DESCRIBE_REASON),
    ],
  };
}

/** `aws:ec2:asg-insufficient-instance-capacity-error` on one Auto Scaling group of this app. */
export function asgInsufficientCapacitySpec(options: AsgInsufficientCapacityOptions): ActionSpec {
  const base = baseSpec(options, 'insufficientCapacity');
  const owner = actionOwner(base.name);
  const group = options.autoScalingGroup;
  if (!group || !(group.node.defaultChild instanceof autoscaling.CfnAutoScalingGroup)) {
    throw propError(owner, 'autoScalingGroup',
      'be an Auto Scaling group defined in this app (FIS finds it by a tag; for an imported group use FisAction.custom with FisTarget.fromTags)',
      group ? 'an imported group' : group);
  }
  const zones = requireNonEmpty(owner, 'availabilityZones', options.availabilityZones, 'Availability Zone');
  const badZone = zones.find((z) => typeof z !== 'string' || (!Token.isUnresolved(z) && !isAvailabilityZoneName(z) && !isAvailabilityZoneId(z)));
  if (badZone !== undefined) {
    throw propError(owner, 'availabilityZones', 'hold Availability Zone names (us-east-1a) or ids (use1-az1)', badZone);
  }
  const tagValue = Names.uniqueResourceName(group, { maxLength: 200 });
  return {
    ...base,
    actionId: 'aws:ec2:asg-insufficient-instance-capacity-error',
    parameters: {
      duration: fisDuration(owner, 'duration', options.duration, FIS_ACTION_DURATION_MIN_SECONDS, FIS_ACTION_DURATION_MAX_SECONDS),
      availabilityZoneIdentifiers: zones.join(','),
      percentage: String(requireFisInteger(owner, 'percentage', options.percentage ?? 100, 1, 100)),
    },
    targetKey: 'AutoScalingGroups',
    target: FisTarget.fromTags('aws:ec2:autoscaling-group', { [ASG_TARGET_TAG]: tagValue }),
    statements: [
      justifiedStatement({
        actions: ['ec2:InjectApiError'],
        resources: ['*'],
        conditions: {
          'ForAnyValue:StringEquals': { 'ec2:FisActionId': ['aws:ec2:asg-insufficient-instance-capacity-error'] },
          'ForAllValues:ArnLike': { 'ec2:FisTargetArns': [autoScalingGroupArnPattern(group.autoScalingGroupName)] },
        },
      }, 'ec2:InjectApiError is authorized by condition keys, not resources; ec2:FisActionId and ec2:FisTargetArns limit it to this action and group'),
      justifiedStatement({
        actions: ['autoscaling:DescribeAutoScalingGroups', 'tag:GetResources'],
        resources: ['*'],
      }, 'autoscaling:DescribeAutoScalingGroups and tag:GetResources have no resource-level permissions; FIS resolves the group by tag with them'),
    ],
    bind: () => {
      // Tagging the instances too would make them look like chaos targets to other tools.
      Tags.of(group).add(ASG_TARGET_TAG, tagValue, { applyToLaunchedInstances: false });
    },
  };
}

/** `aws:fis:inject-api-internal-error` on calls made by given roles. */
export function apiInternalErrorSpec(options: ApiInternalErrorOptions): ActionSpec {
  const base = baseSpec(options, 'apiInternalError');
  const owner = actionOwner(base.name);
  const roles = requireNonEmpty(owner, 'roles', options.roles, 'role');
  const operations = requireNonEmpty(owner, 'operations', options.operations, 'operation');
  const badOperation = operations.find((o) => typeof o !== 'string' || !/^[A-Za-z0-9]{1,128}$/.test(o));
  if (badOperation !== undefined) throw propError(owner, 'operations', 'hold API operation names such as DescribeInstances', badOperation);
  if (!Object.values(FisApiService).includes(options.service)) {
    throw propError(owner, 'service', `be one of ${Object.values(FisApiService).join(', ')}`, options.service);
  }
  return {
    ...base,
    actionId: 'aws:fis:inject-api-internal-error',
    parameters: {
      duration: fisDuration(owner, 'duration', options.duration, FIS_ACTION_DURATION_MIN_SECONDS, FIS_ACTION_DURATION_MAX_SECONDS),
      service: options.service,
      operations: operations.join(','),
      percentage: String(requireFisInteger(owner, 'percentage', options.percentage ?? 100, 1, 100)),
    },
    targetKey: 'Roles',
    target: FisTarget.fromArns('aws:iam:role', roles.map((r) => r.roleArn)),
    statements: [
      justifiedStatement({ actions: ['fis:InjectApiInternalError'], resources: [fisExperiments()] },
        'fis:InjectApiInternalError is authorized on the running experiment, whose id is generated when it starts'),
    ],
  };
}

/** `aws:dynamodb:global-table-pause-replication` on one table. */
export function dynamoDbPauseReplicationSpec(options: DynamoDbPauseReplicationOptions): ActionSpec {
  const base = baseSpec(options, 'pauseReplication');
  const owner = actionOwner(base.name);
  if (!options.table || options.table.tableArn === undefined) throw propError(owner, 'table', 'be a DynamoDB table', options.table);
  return {
    ...base,
    actionId: 'aws:dynamodb:global-table-pause-replication',
    parameters: {
      duration: fisDuration(owner, 'duration', options.duration, FIS_ACTION_DURATION_MIN_SECONDS, FIS_ACTION_DURATION_MAX_SECONDS),
    },
    targetKey: 'Tables',
    target: FisTarget.fromArns('aws:dynamodb:global-table', [options.table.tableArn]),
    statements: [
      justifiedStatement({
        actions: ['dynamodb:PutResourcePolicy', 'dynamodb:DeleteResourcePolicy', 'dynamodb:GetResourcePolicy', 'dynamodb:DescribeTable'],
        // The stream policy is changed too (multi-Region eventually consistent tables).
        resources: [options.table.tableArn, `${options.table.tableArn}/stream/*`],
      }, 'Stream labels are generated by DynamoDB; the resource is limited to streams of the target table'),
    ],
  };
}

/** `aws:fis:wait`: a pause between actions, useful with `startAfter`. */
export function waitSpec(options: WaitOptions): ActionSpec {
  const base = baseSpec(options, 'wait');
  const owner = actionOwner(base.name);
  return {
    ...base,
    actionId: 'aws:fis:wait',
    parameters: {
      duration: fisDuration(owner, 'duration', options.duration, FIS_ACTION_DURATION_MIN_SECONDS, FIS_ACTION_DURATION_MAX_SECONDS),
    },
    statements: [],
  };
}
