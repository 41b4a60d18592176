import { NagRuleCompliance } from 'cdk-nag';
import { allOf, anyOf, fromNag, verdict, Verdict } from '../../src/nag/rule';

const { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, UNKNOWN } = Verdict;

describe('verdict combinators', () => {
  test('allOf: any failure wins, then unknown; nothing applicable is not applicable', () => {
    expect(allOf([COMPLIANT, UNKNOWN, NON_COMPLIANT])).toBe(NON_COMPLIANT);
    expect(allOf([COMPLIANT, UNKNOWN])).toBe(UNKNOWN);
    expect(allOf([COMPLIANT, NOT_APPLICABLE])).toBe(COMPLIANT);
    expect(allOf([NOT_APPLICABLE])).toBe(NOT_APPLICABLE);
    expect(allOf([])).toBe(NOT_APPLICABLE);
  });

  test('anyOf: one pass is enough, unknown beats failure', () => {
    expect(anyOf([NON_COMPLIANT, COMPLIANT])).toBe(COMPLIANT);
    expect(anyOf([NON_COMPLIANT, UNKNOWN])).toBe(UNKNOWN);
    expect(anyOf([NON_COMPLIANT])).toBe(NON_COMPLIANT);
    expect(anyOf([])).toBe(NOT_APPLICABLE);
  });

  test('fromNag maps cdk-nag results; a findings list fails when not empty', () => {
    expect(fromNag(NagRuleCompliance.COMPLIANT)).toBe(COMPLIANT);
    expect(fromNag(NagRuleCompliance.NON_COMPLIANT)).toBe(NON_COMPLIANT);
    expect(fromNag(NagRuleCompliance.NOT_APPLICABLE)).toBe(NOT_APPLICABLE);
    expect(fromNag(['Action::s3:*'])).toBe(NON_COMPLIANT);
    expect(fromNag([])).toBe(COMPLIANT);
  });

  test('verdict', () => {
    expect(verdict(true)).toBe(COMPLIANT);
    expect(verdict(false)).toBe(NON_COMPLIANT);
  });
});
