import { CfnLoadBalancer } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { NagMessageLevel } from 'cdk-nag';
import { distinctZones } from '../helpers/zones';
import { field, known, list } from '../resolve';
import { ReliabilityRule, Unresolved, verdict, Verdict } from '../rule';

/**
 * Load balancers have subnets (Subnets or SubnetMappings) in at least 2 Availability Zones. ALBs
 * need two by API; the rule matters for NLBs and GWLBs, which accept one.
 * Unresolvable (subnets from outside the stack): UNKNOWN.
 */
export const ELBMultiAZ: ReliabilityRule = {
  name: 'ELBMultiAZ',
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  bestPractice: 'REL10-BP01',
  info: 'The load balancer has subnets in fewer than 2 Availability Zones.',
  explanation: 'A load balancer in one zone is down with that zone, however many targets sit elsewhere.',
  fix: 'Give the load balancer `vpcSubnets` in at least 2 Availability Zones.',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node, index) => {
    if (!(node instanceof CfnLoadBalancer)) return Verdict.NOT_APPLICABLE;
    const subnets = list(node, node.subnets, 'Subnets') ?? [];
    const mappings = list(node, node.subnetMappings, 'SubnetMappings') ?? [];
    const all = [...subnets, ...mappings.map((mapping) => field(known(node, mapping, 'SubnetMapping'), 'subnetId'))];
    return verdict(distinctZones(index, all) >= 2);
  },
};
