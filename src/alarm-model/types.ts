/**
 * Plain data types of the alarm model. They mirror the CloudFormation properties of
 * `AWS::CloudWatch::Alarm` / `AWS::CloudWatch::CompositeAlarm` after parsing, and the metric
 * file format of `cdk-reliability backtest --metrics`.
 */
import type { RuleNode } from './composite-rule';
import type { MathNode } from './metric-math';

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export type TreatMissingData = 'missing' | 'notBreaching' | 'breaching' | 'ignore';

export type ComparisonOperator =
  | 'GreaterThanOrEqualToThreshold'
  | 'GreaterThanThreshold'
  | 'LessThanThreshold'
  | 'LessThanOrEqualToThreshold';

/** A metric as an alarm names it. A dimension value of `null` matches any value (an unresolved intrinsic). */
export interface MetricIdentity {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, string | null>>;
}

/** `MetricStat` of a query (or the single metric of a plain alarm). */
export interface MetricStat {
  readonly metric: MetricIdentity;
  readonly period: number;
  /** `Sum`, `Average`, `Minimum`, `Maximum`, `SampleCount` or an extended statistic such as `p99`. */
  readonly stat: string;
}

/** One `MetricDataQuery`: either a metric or a math expression. */
export interface MetricQuery {
  readonly id: string;
  readonly metricStat?: MetricStat;
  readonly expression?: string;
  readonly ast?: MathNode;
  readonly returnData: boolean;
}

export interface MetricAlarmDefinition {
  readonly kind: 'metric';
  /** Identifier used in results and in composite rules (a logical ID, or whatever the caller chose). */
  readonly id: string;
  readonly alarmName?: string;
  /** Seconds; for metric math alarms, the common period of its metrics. */
  readonly period: number;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  readonly threshold: number;
  readonly comparisonOperator: ComparisonOperator;
  readonly treatMissingData: TreatMissingData;
  /** A plain alarm has one query `m1` holding its metric. */
  readonly queries: readonly MetricQuery[];
  /** Id of the query whose values are compared with the threshold. */
  readonly returnId: string;
}

export interface CompositeAlarmDefinition {
  readonly kind: 'composite';
  readonly id: string;
  readonly alarmName?: string;
  /** The rule as text, intrinsic references already replaced by the resolver's output. */
  readonly rule: string;
  readonly ast: RuleNode;
}

export type AlarmDefinition = MetricAlarmDefinition | CompositeAlarmDefinition;

/** A point of a metric series: one observation (`value`, `null` = missing) or a statistic set. */
export interface MetricPoint {
  /** ISO 8601 text or epoch milliseconds: the start of the point's period. */
  readonly timestamp: string | number;
  readonly value?: number | null;
  readonly sum?: number;
  readonly sampleCount?: number;
  readonly minimum?: number;
  readonly maximum?: number;
}

/**
 * Metric history. Give `points`, or the dense form `start` + `values` (NaN or null = missing),
 * which is what a caller holding a year of data should use.
 */
export interface MetricSeries {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions?: Readonly<Record<string, string>>;
  /** Seconds between points. @default 60 */
  readonly period?: number;
  /**
   * The values already are this statistic at `period` (for example data fetched with GetMetricData).
   * Without it each value is one observation.
   */
  readonly statistic?: string;
  readonly points?: readonly MetricPoint[];
  readonly start?: string | number;
  readonly values?: ArrayLike<number | null>;
}

export interface StateTransition {
  /** ISO 8601 time of the evaluation that changed the state. */
  readonly timestamp: string;
  readonly epochMs: number;
  readonly state: AlarmState;
  /** Why, in CloudWatch's words where possible (for the CLI's report). */
  readonly reason: string;
}

export interface AlarmReplay {
  readonly id: string;
  readonly alarmName?: string;
  readonly kind: 'metric' | 'composite';
  readonly initialState: AlarmState;
  readonly transitions: readonly StateTransition[];
  readonly finalState: AlarmState;
}

export interface ReplayResult {
  readonly from: string;
  readonly to: string;
  /** Number of evaluation instants (minutes for standard alarms). */
  readonly evaluations: number;
  readonly alarms: readonly AlarmReplay[];
  /** Things a reviewer should know (for example an alarm whose metric had no series). */
  readonly warnings: readonly string[];
  /** Every metric an alarm reads for which the history holds no series (its datapoints are all missing). */
  readonly missingSeries: readonly MissingSeries[];
}

/** A metric of an alarm that no series of the history matches. */
export interface MissingSeries {
  /** The alarm's id. */
  readonly alarmId: string;
  /** The alarm's query id of that metric. */
  readonly queryId: string;
  /** `Namespace MetricName {Dim=value}`. */
  readonly metric: string;
  readonly statistic: string;
  readonly periodSeconds: number;
  /** How many metrics the alarm reads in all (when every one is missing, the alarm has no datapoint). */
  readonly metricsOfAlarm: number;
}
