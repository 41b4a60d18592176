import { CfnAutoScalingGroup } from 'aws-cdk-lib/aws-autoscaling';
import { NagMessageLevel } from 'cdk-nag';
import { list, str } from '../resolve';
import { ReliabilityRule, Unresolved, verdict, Verdict } from '../rule';

/**
 * Auto Scaling groups attached to a load balancer (TargetGroupARNs or LoadBalancerNames) include
 * `ELB` (or `VPC_LATTICE`) in HealthCheckType. cdk-nag's AutoScalingGroupELBHealthCheckRequired is
 * not reused: it rejects the comma-separated lists (`EC2,ELB,EBS`) CloudFormation now accepts.
 * Groups without a load balancer are not applicable. Unresolvable: UNKNOWN.
 */
export const AutoScalingGroupELBHealthCheck: ReliabilityRule = {
  name: 'AutoScalingGroupELBHealthCheck',
  level: NagMessageLevel.WARN,
  resourceTypes: ['AWS::AutoScaling::AutoScalingGroup'],
  bestPractice: 'REL11-BP03',
  info: 'The Auto Scaling group behind a load balancer does not use the load balancer health check.',
  explanation: 'With EC2 status checks only, an instance whose application fails its load balancer health check stays in service forever instead of being replaced.',
  fix: 'Set `healthChecks: HealthChecks.withAdditionalChecks({ additionalTypes: [AdditionalHealthCheckType.ELB], gracePeriod })`.',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node) => {
    if (!(node instanceof CfnAutoScalingGroup)) return Verdict.NOT_APPLICABLE;
    const targetGroups = list(node, node.targetGroupArns, 'TargetGroupARNs') ?? [];
    const classic = list(node, node.loadBalancerNames, 'LoadBalancerNames') ?? [];
    if (targetGroups.length + classic.length === 0) return Verdict.NOT_APPLICABLE;
    const types = (str(node, node.healthCheckType, 'HealthCheckType') ?? 'EC2').split(',').map((type) => type.trim());
    return verdict(types.includes('ELB') || types.includes('VPC_LATTICE'));
  },
};
