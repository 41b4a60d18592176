import { Duration, Token, aws_cloudwatch as cloudwatch, aws_elasticloadbalancingv2 as elbv2 } from 'aws-cdk-lib';
import { isMathExpression } from './metric-graph';
import { PercentileRankSli, RatioSli, Sli } from './sli';
import { SloWindow } from './slo-window';
import { ownerLabel, propError, ReliabilityValidationError } from '../common/errors';
import { requireObject } from '../common/validate';

/** What an SLO measures. */
export enum SliKind {
  /** Share of valid events that are not bad (e.g. non-5XX responses). */
  AVAILABILITY = 'AVAILABILITY',
  /** Share of requests answered at or under a latency threshold. */
  LATENCY = 'LATENCY',
}

/** The unit a latency metric is published in (needed to write the threshold in that unit). */
export enum LatencyUnit {
  SECONDS = 'SECONDS',
  MILLISECONDS = 'MILLISECONDS',
  MICROSECONDS = 'MICROSECONDS',
}

/** What every SLO has. */
export interface SloBaseProps {
  /**
   * A unique name within its SloAlarmSet, used in alarm descriptions, construct ids and metadata.
   * Letters, digits, spaces, `-`, `_` and `.`; starts with a letter or digit; at most 64 characters.
   */
  readonly name: string;
  /** The objective, a percentage strictly between 0 and 100, e.g. 99.9. */
  readonly objectivePercent: number;
  /**
   * The rolling window the error budget is spent over.
   *
   * @default - the SloAlarmSet's `window`, which defaults to `SloWindow.ROLLING_30_DAYS`
   */
  readonly window?: SloWindow;
}

/** An availability SLO on any pair of count metrics. */
export interface AvailabilitySloProps extends SloBaseProps {
  /**
   * Bad events (e.g. 5XX responses). A `Metric` is summed; a `MathExpression` is used as written
   * (its metrics should use `Sum`). Missing data counts as zero.
   */
  readonly badEvents: cloudwatch.IMetric;
  /** Valid events (e.g. all requests), summed like `badEvents`. */
  readonly validEvents: cloudwatch.IMetric;
}

/** A latency SLO on any metric that supports percentile-rank statistics. */
export interface LatencySloProps extends SloBaseProps {
  /** The latency metric (one metric, not an expression); its statistic is replaced. */
  readonly latencyMetric: cloudwatch.IMetric;
  /** Requests at or under this latency are good. */
  readonly threshold: Duration;
  /**
   * The unit the metric is published in.
   *
   * @default LatencyUnit.SECONDS
   */
  readonly metricUnit?: LatencyUnit;
}

/** An availability SLO on an Application Load Balancer. */
export interface AlbAvailabilitySloProps {
  /**
   * The SLO's name.
   *
   * @default 'Availability'
   */
  readonly name?: string;
  /** The objective, a percentage strictly between 0 and 100. */
  readonly objectivePercent: number;
  /** The load balancer whose responses are measured. */
  readonly loadBalancer: elbv2.IApplicationLoadBalancer;
  /**
   * Whether errors the load balancer itself returns (ELB 5XX, e.g. 503 with no registered target)
   * count as bad (and as valid events). Adds one metric per window alarm ($0.10 a month each).
   *
   * @default true
   */
  readonly countLoadBalancerErrors?: boolean;
  /**
   * The rolling window.
   *
   * @default - the SloAlarmSet's `window`
   */
  readonly window?: SloWindow;
}

/** A latency SLO on an Application Load Balancer or one of its target groups. */
export interface AlbLatencySloProps {
  /**
   * The SLO's name.
   *
   * @default 'Latency'
   */
  readonly name?: string;
  /** The objective: the percentage of requests that must be at or under `threshold`. */
  readonly objectivePercent: number;
  /** Requests at or under this target response time are good (1 ms resolution). */
  readonly threshold: Duration;
  /**
   * Measure every target of this load balancer. Give this or `targetGroup`.
   *
   * @default - none
   */
  readonly loadBalancer?: elbv2.IApplicationLoadBalancer;
  /**
   * Measure one target group (it must be attached to a load balancer). Give this or `loadBalancer`.
   *
   * @default - none
   */
  readonly targetGroup?: elbv2.IApplicationTargetGroup;
  /**
   * The rolling window.
   *
   * @default - the SloAlarmSet's `window`
   */
  readonly window?: SloWindow;
}

const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/;
const UNIT_PER_SECOND: Record<LatencyUnit, number> = {
  [LatencyUnit.SECONDS]: 1,
  [LatencyUnit.MILLISECONDS]: 1_000,
  [LatencyUnit.MICROSECONDS]: 1_000_000,
};

/**
 * A service level objective: what share of events must be good over a rolling window.
 *
 * Build one with a static factory, then hand it to a `SloAlarmSet`, which creates the burn-rate
 * alarms. The factories validate what they can (name, objective, threshold) right away.
 */
export class ServiceLevelObjective {
  /** Availability: `1 − bad / valid` over the window, on any two count metrics. */
  public static availability(props: AvailabilitySloProps): ServiceLevelObjective {
    requireObject('ServiceLevelObjective.availability', 'props', props, 'an object with at least name, objectivePercent, badEvents and validEvents');
    const owner = ownerLabel('ServiceLevelObjective', String(props.name));
    requireMetric(owner, 'badEvents', props.badEvents);
    requireMetric(owner, 'validEvents', props.validEvents);
    return new ServiceLevelObjective(props, SliKind.AVAILABILITY,
      new RatioSli(props.badEvents, props.validEvents, 'bad events'), undefined);
  }

  /**
   * Latency: the share of samples at or under `threshold`, from the percentile-rank statistic
   * (`PR(:t)`), whose complement `(100 − PR) / 100` is the error ratio.
   */
  public static latency(props: LatencySloProps): ServiceLevelObjective {
    requireObject('ServiceLevelObjective.latency', 'props', props, 'an object with at least name, objectivePercent, threshold and latencyMetric');
    const owner = ownerLabel('ServiceLevelObjective', String(props.name));
    requireMetric(owner, 'latencyMetric', props.latencyMetric);
    if (isMathExpression(props.latencyMetric)) {
      throw propError(owner, 'latencyMetric', 'be a single metric (percentile rank needs raw samples)', 'a math expression');
    }
    const thresholdSeconds = requireThreshold(owner, props.threshold);
    const unit = props.metricUnit ?? LatencyUnit.SECONDS;
    const thresholdInUnit = Math.round(thresholdSeconds * UNIT_PER_SECOND[unit] * 1e6) / 1e6;
    const label = `requests slower than ${props.threshold.toHumanString()}`;
    return new ServiceLevelObjective(props, SliKind.LATENCY,
      new PercentileRankSli(props.latencyMetric, thresholdInUnit, label), props.threshold);
  }

  /**
   * Availability of an Application Load Balancer: bad = target 5XX + load balancer 5XX responses,
   * valid = `RequestCount` + load balancer 5XX (requests rejected before a target was chosen, such as
   * 503s with no registered target, are not in `RequestCount`, so a service with no registered target
   * would otherwise look idle, not down). Three metrics per window alarm.
   */
  public static albAvailability(props: AlbAvailabilitySloProps): ServiceLevelObjective {
    requireObject('ServiceLevelObjective.albAvailability', 'props', props, 'an object with at least objectivePercent and loadBalancer');
    const name = props.name ?? 'Availability';
    const owner = ownerLabel('ServiceLevelObjective', name);
    if (!props.loadBalancer?.metrics) throw propError(owner, 'loadBalancer', 'be an IApplicationLoadBalancer', props.loadBalancer);
    const m = props.loadBalancer.metrics;
    const targetErrors = m.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { statistic: 'Sum' });
    const requests = m.requestCount({ statistic: 'Sum' });
    const countLb = props.countLoadBalancerErrors ?? true;
    // One metric for both sides: ELB 5XX are bad, and valid because RequestCount leaves out the
    // ones returned before a target was chosen (503 with no registered target). The 502 / 504s it
    // does count are counted twice in valid, which lowers the ratio by a factor 1 / (1 + share of
    // 502 / 504): negligible near any threshold, and a full 502 outage still reads 0.5, far above.
    const lbErrors = m.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, { statistic: 'Sum' });
    const bad = countLb
      ? new cloudwatch.MathExpression({
        expression: 'FILL(targetErrors, 0) + FILL(lbErrors, 0)',
        usingMetrics: { targetErrors, lbErrors },
        label: '5XX responses',
      })
      : targetErrors;
    const valid = countLb
      ? new cloudwatch.MathExpression({
        expression: 'requests + FILL(lbErrors, 0)',
        usingMetrics: { requests, lbErrors },
        label: 'requests',
      })
      : requests;
    return new ServiceLevelObjective({ ...props, name }, SliKind.AVAILABILITY,
      new RatioSli(bad, valid, countLb ? '5XX responses' : 'target 5XX responses'), undefined);
  }

  /** Latency of an Application Load Balancer (or target group) from `TargetResponseTime` (seconds). */
  public static albLatency(props: AlbLatencySloProps): ServiceLevelObjective {
    requireObject('ServiceLevelObjective.albLatency', 'props', props, 'an object with at least objectivePercent, threshold and one of loadBalancer or targetGroup');
    const name = props.name ?? 'Latency';
    const owner = ownerLabel('ServiceLevelObjective', name);
    if ((props.loadBalancer === undefined) === (props.targetGroup === undefined)) {
      throw propError(owner, 'loadBalancer / targetGroup', 'have exactly one of the two set',
        props.loadBalancer ? 'both' : 'neither');
    }
    let latencyMetric: cloudwatch.IMetric;
    try {
      latencyMetric = props.loadBalancer
        ? props.loadBalancer.metrics.targetResponseTime()
        : props.targetGroup!.metrics.targetResponseTime();
    } catch (error) {
      throw propError(owner, 'targetGroup', 'be attached to a load balancer (its metrics need the LoadBalancer dimension)',
        `an error: ${(error as Error).message}`);
    }
    return ServiceLevelObjective.latency({
      name,
      objectivePercent: props.objectivePercent,
      window: props.window,
      threshold: props.threshold,
      latencyMetric,
      metricUnit: LatencyUnit.SECONDS,
    });
  }

  /** The SLO's name, unique within its set. */
  public readonly name: string;
  /** The objective in percent, e.g. 99.9. */
  public readonly objectivePercent: number;
  /**
   * The rolling window, when the SLO sets its own.
   *
   * @default - the SloAlarmSet's window
   */
  public readonly window?: SloWindow;
  /** Availability or latency. */
  public readonly kind: SliKind;
  /**
   * The latency threshold of a latency SLO.
   *
   * @default - none (availability SLO)
   */
  public readonly latencyThreshold?: Duration;
  /** @internal */
  public readonly _sli: Sli;

  private constructor(props: SloBaseProps, kind: SliKind, sli: Sli, latencyThreshold: Duration | undefined) {
    const owner = ownerLabel('ServiceLevelObjective', String(props.name));
    if (typeof props.name !== 'string' || !NAME_PATTERN.test(props.name)) {
      throw propError(owner, 'name',
        'start with a letter or digit and hold only letters, digits, spaces, "-", "_" or "." (at most 64 characters)', props.name);
    }
    if (typeof props.objectivePercent !== 'number' || Token.isUnresolved(props.objectivePercent)
      || !(props.objectivePercent > 0 && props.objectivePercent < 100)) {
      throw propError(owner, 'objectivePercent', 'be a number strictly between 0 and 100', props.objectivePercent);
    }
    this.name = props.name;
    this.objectivePercent = props.objectivePercent;
    this.window = props.window;
    this.kind = kind;
    this.latencyThreshold = latencyThreshold;
    this._sli = sli;
  }
}

function requireMetric(owner: string, prop: string, metric: cloudwatch.IMetric | undefined): void {
  if (!metric || typeof (metric as cloudwatch.IMetric).toMetricConfig !== 'function') {
    throw propError(owner, prop, 'be a CloudWatch IMetric', metric);
  }
}

function requireThreshold(owner: string, threshold: Duration | undefined): number {
  if (!threshold || typeof (threshold as Duration).toMilliseconds !== 'function') {
    throw propError(owner, 'threshold', 'be a Duration', threshold);
  }
  if (threshold.isUnresolved()) throw propError(owner, 'threshold', 'be known at synth (not a token)', threshold);
  const ms = threshold.toMilliseconds();
  if (!(ms >= 1) || !Number.isInteger(ms)) {
    throw new ReliabilityValidationError(`${owner}: threshold must be a whole number of milliseconds of at least 1, got ${threshold.toHumanString()}`);
  }
  return ms / 1000;
}
