import { Stack, aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as actions, aws_sns as sns } from 'aws-cdk-lib';
import { newStack, parameterList, TestType, validateStack } from '../utils';

const RULE = 'CloudWatchCompositeAlarmAction';

function composite(stack: Stack, id = 'Composite'): cloudwatch.CompositeAlarm {
  const child = new cloudwatch.Alarm(stack, `${id}Child`, {
    metric: new cloudwatch.Metric({ namespace: 'Shop', metricName: 'Errors' }),
    threshold: 1,
    evaluationPeriods: 1,
  });
  return new cloudwatch.CompositeAlarm(stack, id, { alarmRule: cloudwatch.AlarmRule.anyOf(child) });
}

describe(RULE, () => {
  test('compliant: an SNS alarm action', () => {
    const stack = newStack();
    composite(stack).addAlarmAction(new actions.SnsAction(new sns.Topic(stack, 'Topic')));
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('compliant: a child of a parent composite with an action', () => {
    const stack = newStack();
    const parent = new cloudwatch.CompositeAlarm(stack, 'Parent', { alarmRule: cloudwatch.AlarmRule.anyOf(composite(stack)) });
    parent.addAlarmAction(new actions.SnsAction(new sns.Topic(stack, 'Topic')));
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: no action', () => {
    const stack = newStack();
    composite(stack);
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Composite/Resource');
  });

  test('unresolved: the action list is a parameter', () => {
    const stack = newStack();
    (composite(stack).node.defaultChild as cloudwatch.CfnCompositeAlarm).alarmActions = parameterList(stack, 'Actions');
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
