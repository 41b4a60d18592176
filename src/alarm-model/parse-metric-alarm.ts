/**
 * Reads the properties of an `AWS::CloudWatch::Alarm` from a synthesized (resolved) template into a
 * `MetricAlarmDefinition`, checking what CloudWatch would reject and what the model cannot replay.
 */
import type { ResolveOptions } from './cfn-intrinsics';
import { AlarmModelError, alarmLabel, modelError } from './errors';
import { parseMathExpression, referencedIds, SUPPORTED_FUNCTIONS } from './metric-math';
import type { ComparisonOperator, MetricAlarmDefinition, MetricIdentity, MetricQuery, MetricStat, TreatMissingData } from './types';

export interface ParseAlarmOptions extends ResolveOptions {
  /** Id of the alarm in results and composite rules. @default the logical ID */
  readonly id?: string;
}

const OPERATORS: readonly ComparisonOperator[] = [
  'GreaterThanOrEqualToThreshold', 'GreaterThanThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold',
];
const ANOMALY_OPERATORS = ['LessThanLowerOrGreaterThanUpperThreshold', 'LessThanLowerThreshold', 'GreaterThanUpperThreshold'];
const TREATMENTS: readonly TreatMissingData[] = ['missing', 'notBreaching', 'breaching', 'ignore'];
export const STANDARD_STATISTICS = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'];

export function parseMetricAlarm(
  logicalId: string, props: Readonly<Record<string, unknown>>, options: ParseAlarmOptions = {},
): MetricAlarmDefinition {
  const id = options.id ?? logicalId;
  const owner = alarmLabel('Alarm', id);
  if (props === null || typeof props !== 'object') throw modelError(owner, 'Properties', 'be an object', props);

  const comparisonOperator = readOperator(owner, props.ComparisonOperator);
  if (props.ThresholdMetricId !== undefined) {
    throw new AlarmModelError(`${owner}: ThresholdMetricId (an anomaly detection band) is not supported by the alarm model`);
  }
  const threshold = readNumber(owner, 'Threshold', props.Threshold);
  const evaluationPeriods = readInteger(owner, 'EvaluationPeriods', props.EvaluationPeriods, 1, 'be an integer of at least 1');
  const datapointsToAlarm = props.DatapointsToAlarm === undefined
    ? evaluationPeriods
    : readInteger(owner, 'DatapointsToAlarm', props.DatapointsToAlarm, 1, `be an integer between 1 and EvaluationPeriods (${evaluationPeriods})`, evaluationPeriods);
  const treatMissingData = props.TreatMissingData === undefined ? 'missing' : props.TreatMissingData as TreatMissingData;
  if (!TREATMENTS.includes(treatMissingData)) {
    throw modelError(owner, 'TreatMissingData', `be one of ${TREATMENTS.join(', ')}`, props.TreatMissingData);
  }

  const hasSingleMetric = props.MetricName !== undefined || props.Namespace !== undefined;
  if (hasSingleMetric && props.Metrics !== undefined) {
    throw new AlarmModelError(`${owner}: give either MetricName/Namespace or Metrics, not both`);
  }
  const queries = props.Metrics !== undefined
    ? readQueries(owner, id, props.Metrics, options)
    : [readSingleMetric(owner, props, options)];
  const periods = [...new Set(queries.filter((q) => q.metricStat).map((q) => q.metricStat!.period))];
  if (periods.length > 1) {
    throw modelError(owner, 'Metrics[].MetricStat.Period', 'be the same for every metric of an alarm', periods.join(' and '));
  }
  if (periods.length === 0) throw new AlarmModelError(`${owner}: Metrics must hold at least one MetricStat query`);
  const period = periods[0];
  const limit = period < 3600 ? 86_400 : 604_800;
  if (period * evaluationPeriods > limit) {
    throw modelError(owner, 'Period × EvaluationPeriods', `be at most ${limit} s${period < 3600 ? ' for a period under one hour' : ''}`, period * evaluationPeriods);
  }

  const returned = queries.filter((q) => q.returnData);
  if (returned.length !== 1) {
    throw modelError(owner, 'Metrics', 'have exactly one query with ReturnData true (the value the alarm watches)', `${returned.length} such queries (${returned.map((q) => q.id).join(', ') || 'none'})`);
  }
  checkReferences(owner, queries);

  return {
    kind: 'metric',
    id,
    alarmName: readName(props.AlarmName, options),
    period,
    evaluationPeriods,
    datapointsToAlarm,
    threshold,
    comparisonOperator,
    treatMissingData,
    queries,
    returnId: returned[0].id,
  };
}

/** The alarm name if the template states it (or the resolver can); undefined when CloudFormation generates it. */
export function readName(value: unknown, options: ResolveOptions): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return options.resolveIntrinsic?.(value as Record<string, unknown>, 'AlarmName');
  }
  return undefined;
}

function readOperator(owner: string, value: unknown): ComparisonOperator {
  if (typeof value === 'string' && ANOMALY_OPERATORS.includes(value)) {
    throw new AlarmModelError(`${owner}: ComparisonOperator ${value} compares with an anomaly detection band, which the alarm model does not support; supported: ${OPERATORS.join(', ')}`);
  }
  if (!OPERATORS.includes(value as ComparisonOperator)) throw modelError(owner, 'ComparisonOperator', `be one of ${OPERATORS.join(', ')}`, value);
  return value as ComparisonOperator;
}

function readNumber(owner: string, prop: string, value: unknown): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw modelError(owner, prop, 'be a number', value);
  return n;
}

function readInteger(owner: string, prop: string, value: unknown, min: number, allowed: string, max = Infinity): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) throw modelError(owner, prop, allowed, value);
  return n;
}

function readPeriod(owner: string, prop: string, value: unknown): number {
  const p = readInteger(owner, prop, value, 1, 'be 10, 20, 30 or a multiple of 60 (seconds)');
  if (!(p === 10 || p === 20 || p === 30 || p % 60 === 0)) throw modelError(owner, prop, 'be 10, 20, 30 or a multiple of 60 (seconds)', value);
  return p;
}

function readStat(owner: string, prop: string, value: unknown): string {
  if (typeof value !== 'string') throw modelError(owner, prop, `be one of ${STANDARD_STATISTICS.join(', ')} or an extended statistic such as p99`, value);
  if (STANDARD_STATISTICS.includes(value) || isExtendedStatistic(value)) return value;
  throw modelError(owner, prop, `be one of ${STANDARD_STATISTICS.join(', ')} or an extended statistic such as p99`, value);
}

/** p99, p99.9, tm90, wm99, tc90, ts90, IQM, PR(:300), TM(10%:90%), ... */
export function isExtendedStatistic(stat: string): boolean {
  return /^(p|tm|wm|tc|ts)\d+(\.\d+)?$/i.test(stat) || /^(iqm)$/i.test(stat) || /^(pr|tm|wm|tc|ts)\(.*\)$/i.test(stat);
}

function readIdentity(owner: string, prop: string, ns: unknown, name: unknown, dims: unknown, options: ResolveOptions): MetricIdentity {
  if (typeof ns !== 'string' || ns === '') throw modelError(owner, `${prop}Namespace`, 'be a non-empty string', ns);
  if (typeof name !== 'string' || name === '') throw modelError(owner, `${prop}MetricName`, 'be a non-empty string', name);
  const dimensions: Record<string, string | null> = {};
  if (dims !== undefined) {
    if (!Array.isArray(dims)) throw modelError(owner, `${prop}Dimensions`, 'be a list of { Name, Value }', dims);
    dims.forEach((d: unknown, i) => {
      const dim = d as { Name?: unknown; Value?: unknown } | null;
      if (!dim || typeof dim.Name !== 'string') throw modelError(owner, `${prop}Dimensions[${i}].Name`, 'be a string', dim?.Name);
      // A value the template only knows as an intrinsic (a load balancer's full name...) matches any
      // series value unless the resolver knows it.
      if (typeof dim.Value === 'string') {dimensions[dim.Name] = dim.Value;} else if (dim.Value && typeof dim.Value === 'object' && !Array.isArray(dim.Value)) {
        dimensions[dim.Name] = options.resolveIntrinsic?.(dim.Value as Record<string, unknown>, `${prop}Dimensions[${i}].Value`) ?? null;
      } else {
        throw modelError(owner, `${prop}Dimensions[${i}].Value`, 'be a string', dim.Value);
      }
    });
  }
  return { namespace: ns, metricName: name, dimensions };
}

function readSingleMetric(owner: string, props: Readonly<Record<string, unknown>>, options: ResolveOptions): MetricQuery {
  if (props.MetricName === undefined) {
    throw new AlarmModelError(`${owner}: give MetricName, Namespace, Period and Statistic, or Metrics (metric math)`);
  }
  if (props.Statistic !== undefined && props.ExtendedStatistic !== undefined) {
    throw new AlarmModelError(`${owner}: give Statistic or ExtendedStatistic, not both`);
  }
  let stat: string;
  if (props.ExtendedStatistic !== undefined) {
    if (typeof props.ExtendedStatistic !== 'string' || !isExtendedStatistic(props.ExtendedStatistic)) {
      throw modelError(owner, 'ExtendedStatistic', 'be a percentile or trimmed statistic such as p99 or tm90', props.ExtendedStatistic);
    }
    stat = props.ExtendedStatistic;
  } else {
    if (!STANDARD_STATISTICS.includes(props.Statistic as string)) {
      throw modelError(owner, 'Statistic', `be one of ${STANDARD_STATISTICS.join(', ')}`, props.Statistic);
    }
    stat = props.Statistic as string;
  }
  const metricStat: MetricStat = {
    metric: readIdentity(owner, '', props.Namespace, props.MetricName, props.Dimensions, options),
    period: readPeriod(owner, 'Period', props.Period),
    stat,
  };
  return { id: 'm1', metricStat, returnData: true };
}

function readQueries(owner: string, id: string, value: unknown, options: ResolveOptions): MetricQuery[] {
  if (!Array.isArray(value) || value.length === 0) throw modelError(owner, 'Metrics', 'be a non-empty list of MetricDataQuery', value);
  if (value.length > 20) throw modelError(owner, 'Metrics', 'hold at most 20 queries', value.length);
  const ids = new Set<string>();
  const queries = value.map((raw: unknown, i): MetricQuery => {
    const q = (raw ?? {}) as Record<string, unknown>;
    const prop = `Metrics[${i}]`;
    if (typeof q.Id !== 'string' || !/^[a-z][A-Za-z0-9_]*$/.test(q.Id)) {
      throw modelError(owner, `${prop}.Id`, 'start with a lowercase letter and hold only letters, digits and _', q.Id);
    }
    if (ids.has(q.Id)) throw modelError(owner, `${prop}.Id`, 'be unique', q.Id);
    ids.add(q.Id);
    const returnData = q.ReturnData === undefined ? true : q.ReturnData === true || q.ReturnData === 'true';
    if ((q.MetricStat === undefined) === (q.Expression === undefined)) {
      throw new AlarmModelError(`${owner}: ${prop} (${q.Id}) must have exactly one of MetricStat and Expression`);
    }
    if (q.MetricStat !== undefined) {
      const ms = (q.MetricStat ?? {}) as Record<string, unknown>;
      const metric = (ms.Metric ?? {}) as Record<string, unknown>;
      return {
        id: q.Id,
        returnData,
        metricStat: {
          metric: readIdentity(owner, `${prop}.MetricStat.Metric.`, metric.Namespace, metric.MetricName, metric.Dimensions, options),
          period: readPeriod(owner, `${prop}.MetricStat.Period`, ms.Period),
          stat: readStat(owner, `${prop}.MetricStat.Stat`, ms.Stat),
        },
      };
    }
    if (typeof q.Expression !== 'string') throw modelError(owner, `${prop}.Expression`, 'be a string', q.Expression);
    return { id: q.Id, returnData, expression: q.Expression, ast: parseMathExpression(q.Expression, `alarm '${id}' (query ${q.Id})`) };
  });
  const metricCount = queries.filter((q) => q.metricStat).length;
  if (metricCount > 10) throw modelError(owner, 'Metrics', 'hold at most 10 metrics (MetricStat queries)', metricCount);
  return queries;
}

/** Every id an expression reads must exist, and expressions must not depend on themselves. */
function checkReferences(owner: string, queries: readonly MetricQuery[]): void {
  const byId = new Map(queries.map((q) => [q.id, q]));
  for (const q of queries) {
    if (!q.ast) continue;
    for (const ref of referencedIds(q.ast)) {
      if (!byId.has(ref)) {
        throw new AlarmModelError(`${owner}: expression "${q.expression}" (query ${q.id}) reads '${ref}', which is not the Id of any query`);
      }
    }
  }
  const visiting = new Set<string>();
  const done = new Set<string>();
  const visit = (id: string, path: string[]): void => {
    if (done.has(id)) return;
    if (visiting.has(id)) throw new AlarmModelError(`${owner}: metric math queries depend on each other in a cycle: ${[...path, id].join(' → ')}`);
    visiting.add(id);
    const ast = byId.get(id)!.ast;
    if (ast) for (const ref of referencedIds(ast)) visit(ref, [...path, id]);
    visiting.delete(id);
    done.add(id);
  };
  queries.forEach((q) => visit(q.id, []));
}

/** For messages elsewhere: the functions the model evaluates. */
export const SUPPORTED_MATH_FUNCTIONS = Object.keys(SUPPORTED_FUNCTIONS);
