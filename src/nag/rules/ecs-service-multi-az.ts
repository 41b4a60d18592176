import { CfnService } from 'aws-cdk-lib/aws-ecs';
import { NagMessageLevel } from 'cdk-nag';
import { distinctZones } from '../helpers/zones';
import { field, known, list } from '../resolve';
import { ReliabilityRule, Unresolved, verdict, Verdict } from '../rule';

/**
 * awsvpc ECS services place tasks in subnets of at least 2 Availability Zones. Services without an
 * awsvpc configuration (bridge / host networking on EC2 capacity) are not applicable.
 * Unresolvable (subnets imported from outside the stack, or given as a token): UNKNOWN.
 */
export const ECSServiceMultiAZ: ReliabilityRule = {
  name: 'ECSServiceMultiAZ',
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::ECS::Service'],
  bestPractice: 'REL10-BP01',
  info: 'The ECS service places its tasks in subnets of fewer than 2 Availability Zones.',
  explanation: 'All tasks in one Availability Zone go down with that zone, whatever the desired count.',
  fix: 'Use `vpcSubnets` that span at least 2 Availability Zones (a Vpc with `maxAzs: 2` or more).',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node, index) => {
    if (!(node instanceof CfnService)) return Verdict.NOT_APPLICABLE;
    const awsvpc = field(known(node, node.networkConfiguration, 'NetworkConfiguration'), 'awsvpcConfiguration');
    if (awsvpc === undefined) return Verdict.NOT_APPLICABLE;
    const subnets = list(node, field(awsvpc, 'subnets'), 'AwsvpcConfiguration.Subnets') ?? [];
    return verdict(distinctZones(index, subnets) >= 2);
  },
};
