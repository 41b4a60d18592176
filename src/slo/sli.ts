import { Duration, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { countMetrics, restat } from './metric-graph';

/**
 * How an SLO measures its error ratio (internal; built by the `ServiceLevelObjective` factories).
 *
 * Every window alarm is ONE datapoint whose period is the whole window, so the ratio is exactly
 * "bad events / valid events over the window" (no averaging of per-minute ratios).
 */
export interface Sli {
  readonly kind: 'availability' | 'latency';
  /** "5XX responses" / "requests slower than 300 ms": used in alarm descriptions. */
  readonly badEventsLabel: string;
  /** The error ratio (0 to 1) over `period`; 0 while the window fails one of the guard's minimums. */
  errorRatio(period: Duration, guard?: WindowGuard): cloudwatch.MathExpression;
  /** The number of valid events over `period`. */
  validEvents(period: Duration): cloudwatch.IMetric;
  /** The number of bad events over `period` (for Application Signals, which wants counts). */
  badEvents(period: Duration): cloudwatch.IMetric;
  /** Metrics one error-ratio expression with this guard references (CloudWatch allows 10, and bills each). */
  metricCount(guard?: WindowGuard): number;
}

/** Low-traffic minimums of one window alarm; 0 (or absent) turns a minimum off. */
export interface WindowGuard {
  /** Valid events the window needs before its ratio counts. */
  readonly minimumValidEvents?: number;
  /** Bad events the window needs before its ratio counts. */
  readonly minimumBadEvents?: number;
}

/**
 * Wraps a ratio expression in the low-traffic guard: below a minimum the window reads 0 and cannot
 * fire. When valid events are missing the guard is missing too, so the alarm's TreatMissingData
 * decides (notBreaching).
 *
 * @param badCount the expression counting bad events (only used with a bad-event minimum)
 */
export function guardExpression(ratio: string, guard: WindowGuard | undefined, badCount: string): string {
  const conditions: string[] = [];
  if (guard?.minimumValidEvents) conditions.push(`valid >= ${guard.minimumValidEvents}`);
  if (guard?.minimumBadEvents) conditions.push(`${badCount} >= ${guard.minimumBadEvents}`);
  return conditions.length > 0 ? `IF(${conditions.join(' AND ')}, ${ratio}, 0)` : ratio;
}

function hasGuard(guard: WindowGuard | undefined): boolean {
  return (guard?.minimumValidEvents ?? 0) > 0 || (guard?.minimumBadEvents ?? 0) > 0;
}

/** bad / valid, both summed over the window. */
export class RatioSli implements Sli {
  public readonly kind = 'availability' as const;

  constructor(
    private readonly bad: cloudwatch.IMetric,
    private readonly valid: cloudwatch.IMetric,
    public readonly badEventsLabel: string,
  ) {}

  public errorRatio(period: Duration, guard?: WindowGuard): cloudwatch.MathExpression {
    // A count metric is often absent while it is zero (ALB 5XX counts are): FILL makes it 0, so a
    // healthy period reads 0 instead of no data. Valid events are not filled: no traffic, no ratio.
    return new cloudwatch.MathExpression({
      expression: guardExpression('FILL(bad, 0) / valid', guard, 'FILL(bad, 0)'),
      usingMetrics: { bad: restat(this.bad, 'Sum', period), valid: this.validEvents(period) },
      period,
      label: 'error ratio',
    });
  }

  public validEvents(period: Duration): cloudwatch.IMetric {
    return restat(this.valid, 'Sum', period);
  }

  public badEvents(period: Duration): cloudwatch.IMetric {
    return restat(this.bad, 'Sum', period);
  }

  public metricCount(_guard?: WindowGuard): number {
    // Counted together: a metric in both (ALB 5XX) is one query of the alarm.
    return countMetrics(new cloudwatch.MathExpression({ expression: 'bad / valid', usingMetrics: { bad: this.bad, valid: this.valid } }));
  }
}

/**
 * Share of requests slower than a threshold, from the percentile-rank statistic:
 * `PR(:t)` is the percentage of samples at or under t, so the error ratio is `(100 − PR) / 100`.
 */
export class PercentileRankSli implements Sli {
  public readonly kind = 'latency' as const;

  constructor(
    private readonly latency: cloudwatch.IMetric,
    /** The threshold in the metric's own unit. */
    private readonly thresholdInMetricUnit: number,
    public readonly badEventsLabel: string,
  ) {}

  /** The percentile-rank statistic, e.g. `PR(:0.3)`. */
  public get statistic(): string {
    return cloudwatch.Stats.percentileRank(this.thresholdInMetricUnit);
  }

  public errorRatio(period: Duration, guard?: WindowGuard): cloudwatch.MathExpression {
    const usingMetrics: Record<string, cloudwatch.IMetric> = { fast: restat(this.latency, this.statistic, period) };
    if (hasGuard(guard)) usingMetrics.valid = this.validEvents(period);
    // The slow count is rebuilt from a percentage, so it can read 2.9999 for 3 requests: the
    // bad-event minimum is compared half an event lower to absorb that rounding.
    const guardWithTolerance = guard?.minimumBadEvents ? { ...guard, minimumBadEvents: guard.minimumBadEvents - 0.5 } : guard;
    return new cloudwatch.MathExpression({
      expression: guardExpression('(100 - fast) / 100', guardWithTolerance, 'valid * (100 - fast) / 100'),
      usingMetrics,
      period,
      label: 'error ratio',
    });
  }

  public validEvents(period: Duration): cloudwatch.IMetric {
    return restat(this.latency, 'SampleCount', period);
  }

  public badEvents(period: Duration): cloudwatch.IMetric {
    return new cloudwatch.MathExpression({
      expression: 'samples * (100 - fast) / 100',
      usingMetrics: { samples: this.validEvents(period), fast: restat(this.latency, this.statistic, period) },
      period,
      label: this.badEventsLabel,
    });
  }

  public metricCount(guard?: WindowGuard): number {
    return hasGuard(guard) ? 2 : 1;
  }
}
