import { CfnLoadBalancer } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { NagMessageLevel } from 'cdk-nag';
import { loadBalancerAttribute, loadBalancerType } from '../helpers/load-balancer-attributes';
import { ReliabilityRule, Unresolved, verdict, Verdict } from '../rule';

/**
 * ALBs and NLBs enable ARC zonal shift (`zonal_shift.config.enabled` = true). Gateway load balancers
 * do not support it and are not applicable. Unresolvable: UNKNOWN.
 */
export const ELBZonalShift: ReliabilityRule = {
  name: 'ELBZonalShift',
  level: NagMessageLevel.WARN,
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  bestPractice: 'REL11-BP02',
  info: 'The load balancer does not enable Route 53 ARC zonal shift.',
  explanation: 'Zonal shift (and zonal autoshift) moves traffic away from an impaired Availability Zone in minutes, without a deployment; it must be enabled on the load balancer beforehand.',
  fix: 'Call `loadBalancer.setAttribute(\'zonal_shift.config.enabled\', \'true\')`.',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node) => {
    if (!(node instanceof CfnLoadBalancer) || loadBalancerType(node) === 'gateway') return Verdict.NOT_APPLICABLE;
    return verdict(loadBalancerAttribute(node, 'zonal_shift.config.enabled') === 'true');
  },
};
