import { checkScheduleExpression } from '../../src/chaos/schedule-expression';

describe('checkScheduleExpression', () => {
  test.each([
    'cron(0 10 ? * TUE *)',
    'cron(30 9,15 * * ? *)',
    'rate(1 hour)',
    'rate(7 days)',
    'at(2027-01-05T10:00:00)',
  ])('accepts %s', (expression) => {
    expect(checkScheduleExpression('O', 'schedule', expression)).toBe(expression);
  });

  test('refuses a cron firing every minute', () => {
    expect(() => checkScheduleExpression('O', 'schedule', 'cron(* 10 ? * TUE *)'))
      .toThrow('O: schedule must have a single minute (0-59) so at most one experiment starts per listed hour, got "cron(* 10 ? * TUE *)"');
  });

  test('refuses a rate under an hour', () => {
    expect(() => checkScheduleExpression('O', 'schedule', 'rate(30 minutes)')).toThrow(/at least one hour, got "rate\(30 minutes\)"/);
  });

  test('refuses a five-field cron', () => {
    expect(() => checkScheduleExpression('O', 'schedule', 'cron(0 10 * * ?)')).toThrow(/6 fields/);
  });

  test('refuses anything else', () => {
    expect(() => checkScheduleExpression('O', 'schedule', 'every tuesday')).toThrow('O: schedule must be a cron(...), rate(...) or at(...) expression, got "every tuesday"');
  });
});
