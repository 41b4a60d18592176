import { aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { isAlarmConsumed } from '../../../src/nag/helpers/alarm-consumers';
import { StackIndex } from '../../../src/nag/stack-index';
import { newStack } from '../utils';

describe('isAlarmConsumed', () => {
  test('a composite alarm child is consumed, a lone alarm is not', () => {
    const stack = newStack();
    const metric = new cloudwatch.Metric({ namespace: 'Shop', metricName: 'Errors' });
    const child = new cloudwatch.Alarm(stack, 'Child', { metric, threshold: 1, evaluationPeriods: 1 });
    const lone = new cloudwatch.Alarm(stack, 'Lone', { metric, threshold: 1, evaluationPeriods: 1 });
    new cloudwatch.CompositeAlarm(stack, 'Composite', { alarmRule: cloudwatch.AlarmRule.anyOf(child) });
    const index = new StackIndex(stack);
    expect(isAlarmConsumed(child.node.defaultChild as cloudwatch.CfnAlarm, undefined, index)).toBe(true);
    expect(isAlarmConsumed(lone.node.defaultChild as cloudwatch.CfnAlarm, undefined, index)).toBe(false);
  });
});
