import { CfnLoadBalancer } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { NagMessageLevel } from 'cdk-nag';
import { loadBalancerAttribute, loadBalancerType } from '../helpers/load-balancer-attributes';
import { ReliabilityRule, Unresolved, verdict, Verdict } from '../rule';

/**
 * Load balancers balance across zones: ALBs must not turn `load_balancing.cross_zone.enabled` off
 * (it is on by default); NLBs and GWLBs must turn it on (it is off by default).
 * Unresolvable (the attribute list or value is a token): UNKNOWN.
 */
export const ELBCrossZone: ReliabilityRule = {
  name: 'ELBCrossZone',
  level: NagMessageLevel.WARN,
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  bestPractice: 'REL10-BP01',
  info: 'The load balancer does not balance traffic across Availability Zones.',
  explanation: 'Without cross-zone load balancing each zone only serves its own targets: losing targets in one zone overloads the rest of that zone while others sit idle.',
  fix: 'NLB / GWLB: `crossZoneEnabled: true` (attribute `load_balancing.cross_zone.enabled`); ALB: do not set the attribute to false.',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node) => {
    if (!(node instanceof CfnLoadBalancer)) return Verdict.NOT_APPLICABLE;
    const crossZone = loadBalancerAttribute(node, 'load_balancing.cross_zone.enabled');
    return loadBalancerType(node) === 'application' ? verdict(crossZone !== 'false') : verdict(crossZone === 'true');
  },
};
