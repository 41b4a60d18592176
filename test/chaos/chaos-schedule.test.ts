import { Duration } from 'aws-cdk-lib';
import { ChaosSchedule } from '../../src/chaos';

describe('ChaosSchedule', () => {
  test('cron defaults: minute 0, day ? when a week day is given', () => {
    expect(ChaosSchedule.cron({ hour: '10', weekDay: 'TUE' }).expressionString).toBe('cron(0 10 ? * TUE *)');
    expect(ChaosSchedule.cron({ hour: '3', minute: '15', day: '1' }).expressionString).toBe('cron(15 3 1 * ? *)');
  });

  test('rate in hours or days', () => {
    expect(ChaosSchedule.rate(Duration.hours(6)).expressionString).toBe('rate(6 hours)');
    expect(ChaosSchedule.rate(Duration.days(7)).expressionString).toBe('rate(7 days)');
    expect(ChaosSchedule.rate(Duration.days(1)).expressionString).toBe('rate(1 day)');
  });

  test('rendering applies the safety checks', () => {
    expect(() => ChaosSchedule.rate(Duration.minutes(30))._render('O')).toThrow(/at least one hour/);
    expect(ChaosSchedule.expression('cron(0 10 ? * MON *)')._render('O')).toBe('cron(0 10 ? * MON *)');
  });
});
