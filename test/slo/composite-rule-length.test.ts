import { App, Stack, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { estimateRuleLength } from '../../src/slo/composite-rule-length';

function composite(stack: Stack, id: string): cloudwatch.CompositeAlarm {
  return new cloudwatch.CompositeAlarm(stack, id, { alarmRule: cloudwatch.AlarmRule.fromBoolean(false) });
}

describe('composite rule length', () => {
  test('equals the rendered rule when the stack environment is known', () => {
    const stack = new Stack(new App(), 'S', { env: { account: '111111111111', region: 'us-east-1' } });
    const children = [composite(stack, 'A'), composite(stack, 'B')];
    const rule = cloudwatch.AlarmRule.anyOf(
      ...children.map((c) => cloudwatch.AlarmRule.allOf(cloudwatch.AlarmRule.fromAlarm(c, cloudwatch.AlarmState.ALARM))));
    const rendered = stack.resolve(rule.renderAlarmRule());
    // Fn::Join of literal parts and GetAtt ARNs: substitute the ARNs this stack would get.
    const text = rendered['Fn::Join'][1].map((part: any) => (typeof part === 'string'
      ? part
      : `arn:aws:cloudwatch:us-east-1:111111111111:alarm:${stack.resolve((children.find((c) => stack.resolve(stack.getLogicalId(c.node.defaultChild as any)) === part['Fn::GetAtt'][0])!.node.defaultChild as cloudwatch.CfnCompositeAlarm).alarmName)}`)).join('');
    expect(estimateRuleLength(stack, children.map((c) => [c]))).toBe(text.length);
  });

  test('is an upper bound when the environment is a token', () => {
    const known = new Stack(new App(), 'S', { env: { account: '111111111111', region: 'us-east-1' } });
    const agnostic = new Stack(new App(), 'S');
    expect(estimateRuleLength(agnostic, [[composite(agnostic, 'A')]])).toBeGreaterThan(estimateRuleLength(known, [[composite(known, 'A')]]));
  });
});

test('a metric alarm counts at the longest name CloudFormation can give it (stack-logicalId-13 characters)', () => {
  const stack = new Stack(new App(), 'Shop', { env: { account: '111111111111', region: 'us-east-1' } });
  const metric = new cloudwatch.Metric({ namespace: 'N', metricName: 'M' });
  const a = new cloudwatch.Alarm(stack, 'Window', { metric, threshold: 1, evaluationPeriods: 1 });
  const b = new cloudwatch.Alarm(stack, 'Other', { metric, threshold: 1, evaluationPeriods: 1 });
  const arn = (alarm: cloudwatch.Alarm) => 'arn:aws:cloudwatch:us-east-1:111111111111:alarm:'.length + 'Shop-'.length + stack.resolve(stack.getLogicalId(alarm.node.defaultChild as cloudwatch.CfnAlarm)).length + 14;
  expect(estimateRuleLength(stack, [[a, b]])).toBe('((ALARM("") AND ALARM("")))'.length + arn(a) + arn(b));
});
