import { CfnAlarm } from 'aws-cdk-lib/aws-cloudwatch';
import { NagMessageLevel } from 'cdk-nag';
import { isAlarmConsumed } from '../helpers/alarm-consumers';
import { bool, list, resolve } from '../resolve';
import { ReliabilityRule, Unresolved, Verdict } from '../rule';

/**
 * CloudWatch metric alarms have at least one ALARM action with actions enabled, unless another
 * resource of the stack acts on their state (a composite alarm, ECS deployment alarms, a FIS stop
 * condition, CodeDeploy, a CodePipeline condition, an AppConfig monitor). Unlike cdk-nag's
 * CloudWatchAlarmAction, an OK or INSUFFICIENT_DATA action alone does not pass: it tells nobody when
 * the alarm fires. Unresolvable (the action list is a token): UNKNOWN.
 */
export const CloudWatchAlarmAction: ReliabilityRule = {
  name: 'CloudWatchAlarmAction',
  level: NagMessageLevel.WARN,
  resourceTypes: ['AWS::CloudWatch::Alarm'],
  bestPractice: 'REL06-BP03',
  info: 'The CloudWatch alarm has no alarm action and nothing else in the stack acts on it.',
  explanation: 'An alarm that notifies nobody and triggers nothing detects a failure that no one hears about.',
  fix: 'Call `alarm.addAlarmAction(new SnsAction(topic))`, or use the alarm in a composite alarm, deployment alarms or a FIS stop condition.',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node, index) => {
    if (!(node instanceof CfnAlarm)) return Verdict.NOT_APPLICABLE;
    if (isAlarmConsumed(node, resolve(node, node.alarmName), index)) return Verdict.COMPLIANT;
    const enabled = bool(node, node.actionsEnabled, 'ActionsEnabled') !== false;
    const actions = list(node, node.alarmActions, 'AlarmActions') ?? [];
    return enabled && actions.length > 0 ? Verdict.COMPLIANT : Verdict.NON_COMPLIANT;
  },
};
