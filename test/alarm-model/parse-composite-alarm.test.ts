import { App, Duration, Stack, aws_cloudwatch as cw } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { parseCompositeAlarm, parseTemplateAlarms } from '../../src/alarm-model/parse-composite-alarm';

/** A real synthesized template: a burn-rate math alarm, a plain alarm, and a composite over both. */
function synthesizedResources(): Record<string, unknown> {
  const stack = new Stack(new App(), 'Slo');
  const metric = (metricName: string) => new cw.Metric({
    namespace: 'AWS/ApplicationELB', metricName, statistic: 'Sum', period: Duration.minutes(5), dimensionsMap: { LoadBalancer: 'app/web/1' },
  });
  const ratio = new cw.MathExpression({
    expression: 'IF(valid > 0, bad / valid, 0)', usingMetrics: { bad: metric('HTTPCode_Target_5XX_Count'), valid: metric('RequestCount') }, period: Duration.minutes(5),
  });
  const short = ratio.createAlarm(stack, 'Short', { threshold: 0.0144, evaluationPeriods: 1, treatMissingData: cw.TreatMissingData.NOT_BREACHING });
  const plain = metric('HTTPCode_Target_5XX_Count').createAlarm(stack, 'Plain', { threshold: 5, evaluationPeriods: 3, datapointsToAlarm: 2 });
  new cw.CompositeAlarm(stack, 'Page', {
    compositeAlarmName: 'page',
    alarmRule: cw.AlarmRule.allOf(
      cw.AlarmRule.fromAlarm(short, cw.AlarmState.ALARM),
      cw.AlarmRule.not(cw.AlarmRule.fromAlarm(plain, cw.AlarmState.OK)),
    ),
  });
  return Template.fromStack(stack).toJSON().Resources;
}

describe('parseTemplateAlarms', () => {
  test('reads every alarm of a synthesized template and maps the rule intrinsics to alarm ids', () => {
    const alarms = parseTemplateAlarms(synthesizedResources());
    expect(alarms.map((a) => [a.kind, a.id])).toEqual([
      ['metric', expect.stringMatching(/^Short/)],
      ['metric', expect.stringMatching(/^Plain/)],
      ['composite', expect.stringMatching(/^Page/)],
    ]);
    const composite = alarms[2];
    expect(composite.kind === 'composite' && composite.rule).toBe(`(ALARM("${alarms[0].id}") AND (NOT (OK("${alarms[1].id}"))))`);
    expect(composite.alarmName).toBe('page');
  });

  test('idOf qualifies ids, in the alarms and in the rule references', () => {
    const alarms = parseTemplateAlarms(synthesizedResources(), { idOf: (logicalId) => `Slo/${logicalId}` });
    expect(alarms.every((a) => a.id.startsWith('Slo/'))).toBe(true);
    expect(alarms[2].kind === 'composite' && alarms[2].rule).toContain(`ALARM("${alarms[0].id}")`);
  });

  test('other resources are skipped', () => {
    expect(parseTemplateAlarms({ Topic: { Type: 'AWS::SNS::Topic', Properties: {} } })).toEqual([]);
  });
});

describe('parseCompositeAlarm', () => {
  test('a literal rule is parsed', () => {
    const alarm = parseCompositeAlarm('Page', { AlarmRule: 'ALARM(a) OR ALARM(b)', AlarmName: 'page' });
    expect(alarm).toEqual({
      kind: 'composite',
      id: 'Page',
      alarmName: 'page',
      rule: 'ALARM(a) OR ALARM(b)',
      ast: { type: 'or', left: { type: 'state', state: 'ALARM', ref: 'a' }, right: { type: 'state', state: 'ALARM', ref: 'b' } },
    });
  });

  test('Ref and Fn::GetAtt default to the logical ID; a resolver can say otherwise', () => {
    const props = { AlarmRule: { 'Fn::Join': ['', ['ALARM(', { Ref: 'Long' }, ') AND ALARM(', { 'Fn::GetAtt': ['Short', 'Arn'] }, ')']] } };
    expect(parseCompositeAlarm('P', props).rule).toBe('ALARM(Long) AND ALARM(Short)');
    expect(parseCompositeAlarm('P', props, { resolveIntrinsic: (i) => (i.Ref ? 'stack/Long' : undefined) }).rule)
      .toBe('ALARM(stack/Long) AND ALARM(Short)');
  });

  test.each([
    [{}, "CompositeAlarm 'P': AlarmRule must be set, got undefined"],
    [{ AlarmRule: { 'Fn::ImportValue': 'x' } }, "CompositeAlarm 'P': AlarmRule holds an intrinsic the model cannot resolve ({\"Fn::ImportValue\":\"x\"}); pass a resolveIntrinsic option that maps it to an alarm id"],
    [{ AlarmRule: 'ALARM(a) AND' }, "CompositeAlarm 'P': AlarmRule syntax error at position 13: the rule ends where an operand was expected"],
    [{ AlarmRule: `ALARM(${'x'.repeat(10_240)})` }, "CompositeAlarm 'P': AlarmRule must be at most 10240 characters, got \"10247 characters\""],
  ])('rejects %j', (props, message) => {
    expect(() => parseCompositeAlarm('P', props)).toThrow(message);
  });
});
