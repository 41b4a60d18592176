import { evaluateAlarmRule, parseAlarmRule, ruleReferences } from '../../src/alarm-model/composite-rule';
import type { AlarmState } from '../../src/alarm-model/types';

const owner = "CompositeAlarm 'Page'";

function holds(rule: string, states: Record<string, AlarmState>): boolean {
  return evaluateAlarmRule(parseAlarmRule(rule, owner), (ref) => {
    if (!(ref in states)) throw new Error(`test has no state for ${ref}`);
    return states[ref];
  });
}

describe('composite alarm rules', () => {
  const s = { a: 'ALARM', b: 'OK', c: 'INSUFFICIENT_DATA', d: 'ALARM' } as Record<string, AlarmState>;

  test.each([
    ['ALARM(a)', true],
    ['ALARM(b)', false],
    ['OK(b)', true],
    ['INSUFFICIENT_DATA(c)', true],
    ['INSUFFICIENT_DATA(a)', false],
    ['TRUE', true],
    ['FALSE', false],
    ['NOT TRUE', false],
    ['NOT NOT TRUE', true],
    ['ALARM(a) AND ALARM(d)', true],
    ['ALARM(a) AND ALARM(b)', false],
    ['ALARM(b) OR ALARM(d)', true],
    ['ALARM(a) AND NOT ALARM(b)', true],
    // Precedence: NOT > AND > OR.
    ['TRUE OR TRUE AND FALSE', true],
    ['(TRUE OR TRUE) AND FALSE', false],
    ['NOT FALSE AND FALSE', false],
    ['NOT (FALSE AND FALSE)', true],
    ['FALSE AND TRUE OR TRUE', true],
    ['FALSE AND (TRUE OR TRUE)', false],
    // Nested parentheses, as aws-cdk-lib writes them.
    ['((ALARM(a) OR OK(c)) AND (NOT (INSUFFICIENT_DATA(c))))', false],
    ['((ALARM(a) OR OK(c)) AND (NOT (INSUFFICIENT_DATA(b))))', true],
    ['(((TRUE)))', true],
    // AT_LEAST with a count, a percentage, and NOT.
    ['AT_LEAST(2, ALARM, (a, b, d))', true],
    ['AT_LEAST(3, ALARM, (a, b, d))', false],
    ['AT_LEAST(50%, ALARM, (a, b, c, d))', true],
    ['AT_LEAST(75%, ALARM, (a, b, c, d))', false],
    ['AT_LEAST(2, NOT OK, (a, b, c))', true],
  ])('%s → %s', (rule, want) => {
    expect(holds(rule, s)).toBe(want);
  });

  test('alarms are named by quoted names, unquoted names or ARNs', () => {
    const rule = 'ALARM("checkout page long") AND OK(arn:aws:cloudwatch:us-east-1:123456789012:alarm:Short) OR ALARM( "x" )';
    expect(ruleReferences(parseAlarmRule(rule, owner))).toEqual([
      'checkout page long', 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:Short', 'x',
    ]);
  });

  test('AT_LEAST references are listed, duplicates once', () => {
    expect(ruleReferences(parseAlarmRule('AT_LEAST(1, ALARM, ("a", b)) OR ALARM(a)', owner))).toEqual(['a', 'b']);
  });

  test('a name that starts like a keyword is still a name', () => {
    expect(holds('ALARM(ORDERS) AND OK(NOTIFY)', { ORDERS: 'ALARM', NOTIFY: 'OK' })).toBe(true);
  });

  test.each([
    ['', 'the rule is empty'],
    ['ALARM(a) AND', 'the rule ends where an operand was expected'],
    ['ALARM(a) XOR OK(b)', "unexpected 'XOR OK(b)'"],
    ['alarm(a)', "expected ALARM(...), OK(...), INSUFFICIENT_DATA(...), AT_LEAST(...), TRUE, FALSE, NOT or '(' but found 'alarm'"],
    ['ALARM(a', "expected ')'"],
    ['(ALARM(a)', "expected ')'"],
    ['ALARM()', 'empty alarm name'],
    ['ALARM("a)', 'unterminated quoted alarm name'],
    ['AT_LEAST(x, ALARM, (a))', 'AT_LEAST needs a count or a percentage first'],
    ['AT_LEAST(1, BROKEN, (a))', 'AT_LEAST needs ALARM, OK or INSUFFICIENT_DATA as its second argument'],
  ])('syntax error in %j', (rule, want) => {
    expect(() => parseAlarmRule(rule, owner)).toThrow(`${owner}: AlarmRule syntax error at position`);
    expect(() => parseAlarmRule(rule, owner)).toThrow(want);
  });
});
