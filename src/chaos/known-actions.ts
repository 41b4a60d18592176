/**
 * The target key and resource type FIS documents for each action id this library knows
 * (AWS FIS actions reference). Used to refuse an action whose target has another type.
 */
export interface KnownAction {
  readonly targetKey?: string;
  readonly resourceType?: string;
}

const ecsTask = { targetKey: 'Tasks', resourceType: 'aws:ecs:task' };
const ec2Instance = { targetKey: 'Instances', resourceType: 'aws:ec2:instance' };
const iamRole = { targetKey: 'Roles', resourceType: 'aws:iam:role' };

export const KNOWN_ACTIONS: { readonly [actionId: string]: KnownAction } = {
  'aws:ecs:stop-task': ecsTask,
  'aws:ecs:task-cpu-stress': ecsTask,
  'aws:ecs:task-io-stress': ecsTask,
  'aws:ecs:task-kill-process': ecsTask,
  'aws:ecs:task-network-blackhole-port': ecsTask,
  'aws:ecs:task-network-latency': ecsTask,
  'aws:ecs:task-network-packet-loss': ecsTask,
  'aws:ecs:drain-container-instances': { targetKey: 'Clusters', resourceType: 'aws:ecs:cluster' },
  'aws:ec2:stop-instances': ec2Instance,
  'aws:ec2:reboot-instances': ec2Instance,
  'aws:ec2:terminate-instances': ec2Instance,
  'aws:ec2:asg-insufficient-instance-capacity-error': { targetKey: 'AutoScalingGroups', resourceType: 'aws:ec2:autoscaling-group' },
  'aws:ec2:api-insufficient-instance-capacity-error': iamRole,
  'aws:fis:inject-api-internal-error': iamRole,
  'aws:fis:inject-api-throttle-error': iamRole,
  'aws:fis:inject-api-unavailable-error': iamRole,
  'aws:rds:failover-db-cluster': { targetKey: 'Clusters', resourceType: 'aws:rds:cluster' },
  'aws:rds:reboot-db-instances': { targetKey: 'DBInstances', resourceType: 'aws:rds:db' },
  'aws:network:disrupt-connectivity': { targetKey: 'Subnets', resourceType: 'aws:ec2:subnet' },
  'aws:dynamodb:global-table-pause-replication': { targetKey: 'Tables', resourceType: 'aws:dynamodb:global-table' },
  'aws:fis:wait': {},
};
