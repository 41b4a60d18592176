import { NagMessageLevel, rules } from 'cdk-nag';
import { nagVerdict, ReliabilityRule, Unresolved } from '../rule';

/**
 * ALBs, NLBs and GWLBs set `deletion_protection.enabled` to true: cdk-nag's
 * ELBDeletionProtectionEnabled, reused as is. Unresolvable: NON_COMPLIANT (cdk-nag's rule compares
 * the attribute value with the literal 'true', so a token value fails).
 */
export const ELBDeletionProtection: ReliabilityRule = {
  name: 'ELBDeletionProtection',
  level: NagMessageLevel.WARN,
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  bestPractice: 'REL08-BP04',
  info: 'The load balancer does not have deletion protection enabled.',
  explanation: 'Replacing or deleting the load balancer by accident (a renamed construct, a stack deletion) drops all traffic and changes its DNS name for every client.',
  fix: 'Set `deletionProtection: true` on the load balancer.',
  whenUnresolved: Unresolved.NON_COMPLIANT,
  check: (node) => nagVerdict(rules.elb.ELBDeletionProtectionEnabled, node),
};
