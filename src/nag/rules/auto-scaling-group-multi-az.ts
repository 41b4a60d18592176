import { CfnAutoScalingGroup } from 'aws-cdk-lib/aws-autoscaling';
import { NagMessageLevel } from 'cdk-nag';
import { distinctZones } from '../helpers/zones';
import { list } from '../resolve';
import { ReliabilityRule, Unresolved, verdict } from '../rule';

/**
 * Auto Scaling groups launch into at least 2 Availability Zones: VPCZoneIdentifier subnets in 2 zones,
 * or (without subnets) 2 AvailabilityZones. Unresolvable (subnets from outside the stack): UNKNOWN.
 */
export const AutoScalingGroupMultiAZ: ReliabilityRule = {
  name: 'AutoScalingGroupMultiAZ',
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::AutoScaling::AutoScalingGroup'],
  bestPractice: 'REL10-BP01',
  info: 'The Auto Scaling group launches instances in fewer than 2 Availability Zones.',
  explanation: 'A group confined to one zone loses every instance with that zone and cannot replace them elsewhere.',
  fix: 'Give the group `vpcSubnets` in at least 2 Availability Zones.',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node, index) => {
    const group = node as CfnAutoScalingGroup;
    const subnets = list(node, group.vpcZoneIdentifier, 'VPCZoneIdentifier') ?? [];
    if (subnets.length > 0) return verdict(distinctZones(index, subnets) >= 2);
    const zones = list(node, group.availabilityZones, 'AvailabilityZones') ?? [];
    return verdict(new Set(zones.map((zone) => JSON.stringify(zone))).size >= 2);
  },
};
