import { flattenCfnReference } from '../common/cfn-reference';
/**
 * Which wildcard resources of the construct's own policies are justified, and why. cdk-nag's
 * AwsSolutions-IAM5 reports each wildcard resource of a policy as one finding
 * (`AwsSolutions-IAM5[Resource::<flattened ARN>]`); a finding is acknowledged only when every
 * action that uses the wildcard has a reason below. Anything else stays in the report.
 */

/** Actions that accept no resource ARN, or must be granted on `*` to work, with the reason the statement needs them. */
export const UNSCOPABLE_ACTION_REASONS: Readonly<Record<string, string>> = {
  'cloudwatch:DescribeAlarms': 'CloudWatch API Reference, DescribeAlarms: composite alarms are returned only when '
    + 'cloudwatch:DescribeAlarms is granted on *, and the rollback alarms include the composite SLO page alarm; the action only reads alarm state',
  'ec2:CreateNetworkInterface': 'Lambda creates the hook\'s VPC network interfaces; EC2 ENI actions take no resource ARN before the ENI exists',
  'ec2:DescribeNetworkInterfaces': 'EC2 Describe calls take no resource ARN',
  'ec2:DeleteNetworkInterface': 'Lambda deletes the hook\'s own ENIs; their ids are unknown at synth',
  'ec2:AssignPrivateIpAddresses': 'Lambda manages the hook ENIs\' addresses; their ids are unknown at synth',
  'ec2:UnassignPrivateIpAddresses': 'Lambda manages the hook ENIs\' addresses; their ids are unknown at synth',
  'xray:PutTraceSegments': 'X-Ray trace ingestion takes no resource ARN',
  'xray:PutTelemetryRecords': 'X-Ray telemetry ingestion takes no resource ARN',
  'ecs:RegisterTaskDefinition': 'a task definition revision has no ARN until it is registered',
  'ecs:DescribeTaskDefinition': 'ECS DescribeTaskDefinition takes no resource ARN',
  'ecs:DescribeTasks': 'the deploy action follows tasks whose ids are created by the deployment',
  'ecs:ListTasks': 'ECS ListTasks is scoped by container instance, which Fargate has none of',
  'ecs:TagResource': 'the deploy action tags the task definition revision it registers, unknown at synth',
  'elasticloadbalancing:DescribeListeners': 'Elastic Load Balancing Describe calls take no resource ARN',
  'elasticloadbalancing:DescribeRules': 'Elastic Load Balancing Describe calls take no resource ARN',
  'elasticloadbalancing:DescribeTargetGroups': 'Elastic Load Balancing Describe calls take no resource ARN',
  'elasticloadbalancing:DescribeTargetHealth': 'Elastic Load Balancing Describe calls take no resource ARN',
  'ecr:GetAuthorizationToken': 'an ECR login token is account-wide and takes no resource ARN',
};

/** A wildcard-resource finding and the reason it is acknowledged. */
export interface WildcardResourceAcknowledgement {
  readonly id: string;
  readonly reason: string;
}

/** Patterns of scoped-but-wildcarded resources the construct creates, with their reasons. */
export interface ScopedWildcard {
  /** Matches the flattened resource, e.g. `<PipelineArtifacts1234.Arn>/*`. */
  readonly pattern: RegExp;
  readonly reason: string;
}

type Statement = { Effect?: string; Action?: string | string[]; Resource?: unknown };

/**
 * The acknowledgements for one resolved policy document: `*` when every action using it is
 * unscopable, and patterned wildcards (objects of the artifact bucket, streams of a log group).
 */
export function wildcardResourceAcknowledgements(
  document: { Statement?: Statement[] } | undefined,
  scoped: readonly ScopedWildcard[],
): WildcardResourceAcknowledgement[] {
  const reasonsById = new Map<string, Set<string>>();
  const rejected = new Set<string>();
  for (const statement of document?.Statement ?? []) {
    if (statement.Effect !== 'Allow') continue;
    const actions = statement.Action === undefined ? [] : Array.isArray(statement.Action) ? statement.Action : [statement.Action];
    const resources = Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];
    for (const resource of resources.map(flattenCfnReference).filter((r) => r.includes('*'))) {
      const id = `AwsSolutions-IAM5[Resource::${resource}]`;
      const reasons = reasonsById.get(id) ?? new Set<string>();
      reasonsById.set(id, reasons);
      if (resource === '*') {
        const unknown = actions.filter((a) => !UNSCOPABLE_ACTION_REASONS[a]);
        if (unknown.length) rejected.add(id);
        else actions.forEach((a) => reasons.add(`${a}: ${UNSCOPABLE_ACTION_REASONS[a]}`));
      } else {
        const match = scoped.find((s) => s.pattern.test(resource));
        if (match) reasons.add(match.reason);
        else rejected.add(id);
      }
    }
  }
  return [...reasonsById.entries()]
    .filter(([id]) => !rejected.has(id))
    .map(([id, reasons]) => ({ id, reason: [...reasons].join('; ') }));
}

