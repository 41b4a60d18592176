import { Stack, aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as actions, aws_sns as sns } from 'aws-cdk-lib';
import { fargateService } from '../fixtures';
import { newStack, parameterList, TestType, validateStack } from '../utils';

const RULE = 'CloudWatchAlarmAction';

function alarm(stack: Stack, id = 'Alarm', props: Partial<cloudwatch.AlarmProps> = {}): cloudwatch.Alarm {
  return new cloudwatch.Alarm(stack, id, {
    metric: new cloudwatch.Metric({ namespace: 'Shop', metricName: 'Errors' }),
    threshold: 1,
    evaluationPeriods: 1,
    ...props,
  });
}

describe(RULE, () => {
  test('compliant: an SNS alarm action', () => {
    const stack = newStack();
    alarm(stack).addAlarmAction(new actions.SnsAction(new sns.Topic(stack, 'Topic')));
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('compliant: a child of a composite alarm', () => {
    const stack = newStack();
    const composite = new cloudwatch.CompositeAlarm(stack, 'Composite', { alarmRule: cloudwatch.AlarmRule.anyOf(alarm(stack)) });
    composite.addAlarmAction(new actions.SnsAction(new sns.Topic(stack, 'Topic')));
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('compliant: an ECS deployment alarm named literally', () => {
    const stack = newStack();
    alarm(stack, 'Alarm', { alarmName: 'checkout-5xx' });
    fargateService(stack);
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: no action', () => {
    const stack = newStack();
    alarm(stack);
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Alarm/Resource');
  });

  test('non-compliant: an OK action only', () => {
    const stack = newStack();
    alarm(stack).addOkAction(new actions.SnsAction(new sns.Topic(stack, 'Topic')));
    validateStack(stack, RULE, TestType.NON_COMPLIANCE);
  });

  test('non-compliant: actions disabled', () => {
    const stack = newStack();
    alarm(stack, 'Alarm', { actionsEnabled: false }).addAlarmAction(new actions.SnsAction(new sns.Topic(stack, 'Topic')));
    validateStack(stack, RULE, TestType.NON_COMPLIANCE);
  });

  test('unresolved: the action list is a parameter', () => {
    const stack = newStack();
    (alarm(stack).node.defaultChild as cloudwatch.CfnAlarm).alarmActions = parameterList(stack, 'Actions');
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
