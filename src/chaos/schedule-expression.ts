import { Token } from 'aws-cdk-lib';
import { propError } from '../common/errors';

/**
 * Checks a Scheduler expression for a chaos game day: well formed, and never more often than
 * once an hour (a `*` minute or a sub-hour rate would start experiments back to back).
 */
export function checkScheduleExpression(owner: string, prop: string, expression: string): string {
  if (Token.isUnresolved(expression)) return expression;
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression ?? '');
  if (rate) {
    const value = Number(rate[1]);
    const minutes = value * (rate[2].startsWith('minute') ? 1 : rate[2].startsWith('hour') ? 60 : 1440);
    if (value < 1 || minutes < 60 || !Number.isInteger(minutes / 60)) {
      throw propError(owner, prop, 'be a rate of whole hours or days, at least one hour', expression);
    }
    return expression;
  }
  const cron = /^cron\(([^)]*)\)$/.exec(expression ?? '');
  if (cron) {
    const fields = cron[1].trim().split(/\s+/);
    if (fields.length !== 6) throw propError(owner, prop, 'be a cron expression with 6 fields (minute hour day month weekDay year)', expression);
    const [minute, hour] = fields;
    if (!/^\d{1,2}$/.test(minute)) {
      throw propError(owner, prop, 'have a single minute (0-59) so at most one experiment starts per listed hour', expression);
    }
    if (hour === undefined || hour.length === 0) throw propError(owner, prop, 'have an hour field', expression);
    return expression;
  }
  if (/^at\(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\)$/.test(expression ?? '')) return expression;
  throw propError(owner, prop, 'be a cron(...), rate(...) or at(...) expression', expression);
}
