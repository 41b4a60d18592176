import { Duration } from 'aws-cdk-lib';
import { requirePlainDuration } from './fis-rules';
import { checkScheduleExpression } from './schedule-expression';
import { propError } from '../common/errors';
import { requireObject } from '../common/validate';

/** Fields of a cron expression in EventBridge Scheduler syntax; unset fields get safe defaults. */
export interface ChaosCronOptions {
  /**
   * Minute (0-59). `*` is refused: it would start an experiment every minute.
   * @default '0'
   */
  readonly minute?: string;
  /** Hour (0-23) in `timeZone` of the experiment's schedule. */
  readonly hour: string;
  /**
   * Day of month.
   * @default '?' when weekDay is set, otherwise '*'
   */
  readonly day?: string;
  /**
   * Month.
   * @default '*'
   */
  readonly month?: string;
  /**
   * Day of week, e.g. `TUE` or `MON-FRI`.
   * @default '?' (every day, unless day says otherwise)
   */
  readonly weekDay?: string;
  /**
   * Year.
   * @default '*'
   */
  readonly year?: string;
}

/**
 * When a recurring game day starts the experiment (EventBridge Scheduler). Expressions that would
 * start experiments more often than once an hour are refused.
 */
export class ChaosSchedule {
  /** A cron schedule, e.g. `ChaosSchedule.cron({ hour: '10', weekDay: 'TUE' })` for Tuesdays 10:00. */
  public static cron(options: ChaosCronOptions): ChaosSchedule {
    requireObject('ChaosSchedule.cron', 'options', options, 'an object');
    for (const field of ['minute', 'hour', 'day', 'month', 'weekDay', 'year'] as const) {
      const value = options[field];
      if (value === undefined && field !== 'hour') continue;
      if (typeof value !== 'string' || !/^[0-9A-Za-z*?,\-/#L]+$/.test(value)) {
        throw propError('ChaosSchedule.cron', field, 'be a cron field without spaces (e.g. "10", "MON-FRI", "*/2")', value);
      }
    }
    const weekDay = options.weekDay ?? '?';
    const day = options.day ?? (weekDay === '?' ? '*' : '?');
    const fields = [options.minute ?? '0', options.hour, day, options.month ?? '*', weekDay, options.year ?? '*'];
    return new ChaosSchedule(`cron(${fields.join(' ')})`);
  }

  /** A fixed interval of at least one hour, in whole hours or days. */
  public static rate(interval: Duration): ChaosSchedule {
    const minutes = requirePlainDuration('ChaosSchedule.rate', 'interval', interval, 'of whole hours or days, at least one hour')
      .toMinutes({ integral: false });
    let expression: string;
    if (minutes % 1440 === 0) {
      expression = `rate(${minutes / 1440} ${minutes === 1440 ? 'day' : 'days'})`;
    } else if (minutes % 60 === 0) {
      expression = `rate(${minutes / 60} ${minutes === 60 ? 'hour' : 'hours'})`;
    } else {
      // Left for the check at render time to refuse with a clear message.
      expression = `rate(${minutes} minutes)`;
    }
    return new ChaosSchedule(expression);
  }

  /** A raw `cron(...)`, `rate(...)` or `at(...)` expression. */
  public static expression(expression: string): ChaosSchedule {
    if (typeof expression !== 'string') throw propError('ChaosSchedule.expression', 'expression', 'be a cron(...), rate(...) or at(...) expression', expression);
    return new ChaosSchedule(expression);
  }

  /** The schedule expression as EventBridge Scheduler receives it. */
  public readonly expressionString: string;

  private constructor(expression: string) {
    this.expressionString = expression;
  }

  /**
   * The expression after the safety checks.
   * @internal
   */
  public _render(owner: string): string {
    return checkScheduleExpression(owner, 'schedule', this.expressionString);
  }
}
