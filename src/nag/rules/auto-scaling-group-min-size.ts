import { CfnAutoScalingGroup } from 'aws-cdk-lib/aws-autoscaling';
import { NagMessageLevel } from 'cdk-nag';
import { num } from '../resolve';
import { ReliabilityRule, Unresolved, verdict } from '../rule';

/** Auto Scaling groups keep MinSize >= 2. Unresolvable (a parameter): UNKNOWN. */
export const AutoScalingGroupMinSize: ReliabilityRule = {
  name: 'AutoScalingGroupMinSize',
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::AutoScaling::AutoScalingGroup'],
  bestPractice: 'REL10-BP01',
  info: 'The Auto Scaling group may scale in to a single instance (MinSize below 2).',
  explanation: 'At one instance the group is a single point of failure: losing it takes the workload down until a replacement boots.',
  fix: 'Set `minCapacity: 2` or more on the group.',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node) => verdict((num(node, (node as CfnAutoScalingGroup).minSize, 'MinSize') ?? 0) >= 2),
};
