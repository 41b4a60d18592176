import {
  alarmArnLength, alarmWindowProblem, anyOfAllOfRuleLength, compositeRuleLength, generatedAlarmNameLength, isHighResolutionPeriod,
  isValidAlarmPeriod, maxEvaluationRangeSeconds,
} from '../../src/slo/cloudwatch-limits';

describe('CloudWatch limits', () => {
  test.each([10, 20, 30, 60, 300, 3_600, 259_200])('period %d s is valid', (p) => {
    expect(isValidAlarmPeriod(p)).toBe(true);
  });

  test.each([0, 5, 15, 45, 90, 301, 1.5, -60])('period %d s is not', (p) => {
    expect(isValidAlarmPeriod(p)).toBe(false);
  });

  test('the evaluation range is 1 day under an hour, 7 days from an hour on', () => {
    expect(maxEvaluationRangeSeconds(3_599 - 59)).toBe(86_400);
    expect(maxEvaluationRangeSeconds(3_600)).toBe(604_800);
  });

  test('one evaluation period of up to 7 days is accepted; longer is not', () => {
    expect(alarmWindowProblem(259_200, 1)).toBeUndefined();
    expect(alarmWindowProblem(604_800, 1)).toBeUndefined();
    expect(alarmWindowProblem(604_860, 1)).toMatch(/604800 seconds \(7 days\)/);
  });

  test('periods under an hour may span at most a day', () => {
    expect(alarmWindowProblem(300, 288)).toBeUndefined();
    expect(alarmWindowProblem(300, 289)).toMatch(/86400 seconds \(1 day\)/);
  });

  test('a period that is not a CloudWatch period is named as such', () => {
    expect(alarmWindowProblem(50, 1)).toMatch(/whole number of minutes/);
  });

  test('periods under a minute are high resolution', () => {
    expect(isHighResolutionPeriod(30)).toBe(true);
    expect(isHighResolutionPeriod(60)).toBe(false);
  });

  test('rule length matches what aws-cdk-lib renders', () => {
    // ALARM("abc") = 12 characters
    expect(compositeRuleLength([3], 'OR')).toBe('ALARM("abc")'.length);
    expect(compositeRuleLength([3, 3], 'OR')).toBe('(ALARM("abc") OR ALARM("abc"))'.length);
    expect(compositeRuleLength([3, 3], 'AND')).toBe('(ALARM("abc") AND ALARM("abc"))'.length);
    expect(anyOfAllOfRuleLength([[3, 3], [2]])).toBe('((ALARM("abc") AND ALARM("abc")) OR (ALARM("ab")))'.length);
  });

  test('an ARN length adds its parts to the fixed text', () => {
    const arn = 'arn:aws:cloudwatch:us-east-1:111111111111:alarm:MyAlarm';
    expect(alarmArnLength(3, 9, 12, 7)).toBe(arn.length);
  });

  test('generated alarm names are cut at 255 characters', () => {
    expect(generatedAlarmNameLength(10, 20)).toBe(45);
    expect(generatedAlarmNameLength(128, 255)).toBe(255);
  });
});
