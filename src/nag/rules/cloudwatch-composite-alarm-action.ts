import { CfnCompositeAlarm } from 'aws-cdk-lib/aws-cloudwatch';
import { NagMessageLevel } from 'cdk-nag';
import { isAlarmConsumed } from '../helpers/alarm-consumers';
import { bool, list, resolve } from '../resolve';
import { ReliabilityRule, Unresolved, Verdict } from '../rule';

/**
 * CloudWatch composite alarms have at least one ALARM action with actions enabled, unless another
 * resource of the stack acts on their state (a parent composite alarm, ECS deployment alarms, a FIS
 * stop condition, ...). Unresolvable (the action list is a token): UNKNOWN.
 */
export const CloudWatchCompositeAlarmAction: ReliabilityRule = {
  name: 'CloudWatchCompositeAlarmAction',
  level: NagMessageLevel.WARN,
  resourceTypes: ['AWS::CloudWatch::CompositeAlarm'],
  bestPractice: 'REL06-BP03',
  info: 'The CloudWatch composite alarm has no alarm action and nothing else in the stack acts on it.',
  explanation: 'A composite alarm is usually the one that pages; without an action its careful rule notifies nobody.',
  fix: 'Call `compositeAlarm.addAlarmAction(new SnsAction(topic))`.',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node, index) => {
    if (!(node instanceof CfnCompositeAlarm)) return Verdict.NOT_APPLICABLE;
    if (isAlarmConsumed(node, resolve(node, node.alarmName), index)) return Verdict.COMPLIANT;
    const enabled = bool(node, node.actionsEnabled, 'ActionsEnabled') !== false;
    const actions = list(node, node.alarmActions, 'AlarmActions') ?? [];
    return enabled && actions.length > 0 ? Verdict.COMPLIANT : Verdict.NON_COMPLIANT;
  },
};
