import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { AlarmModelError } from '../../alarm-model/errors';
import { parseMathExpression } from '../../alarm-model/metric-math';
import { evaluateMath, MathValue } from '../../alarm-model/metric-math-eval';
import { MetricSeries } from '../../alarm-model/types';
import { getMetricData } from '../aws/get-metric-data';
import { SliQuery, SloDefinition } from '../slo/slo-metadata';
import { deployedSliDimensions, sliQueries } from '../slo-status/fetch-error-ratios';

/** The SLI of one SLO over the incident window, one value per period (NaN = no data). */
export interface SliWindow {
  readonly startMs: number;
  readonly periodSeconds: number;
  readonly errorRatio: Float64Array;
  /** Bad and valid events per period, when the SLI counts events (ids `bad` and `valid`). */
  readonly bad?: Float64Array;
  readonly valid?: Float64Array;
}

const BAD = 'bad';
const VALID = 'valid';
/** Statistics whose per-period values add up; any other (a percentile rank, an average) is averaged. */
const ADDITIVE = new Set(['sum', 'samplecount']);

/** The period of the SLI grid: a minute, coarser for long windows so a window stays within ~1,440 points. */
export function gridPeriodSeconds(fromMs: number, toMs: number): number {
  const minutes = Math.ceil((toMs - fromMs) / 60_000 / 1_440);
  return Math.max(1, minutes) * 60;
}

/**
 * The SLI from a metrics file (the format `backtest` reads): each metric query of the SLI reads the
 * matching series (an unknown dimension matches any value), aggregated onto the grid, and the SLI's
 * expressions are evaluated with the alarm model's metric math.
 */
export function sliFromMetrics(slo: SloDefinition, series: readonly MetricSeries[], fromMs: number, toMs: number): SliWindow {
  const period = gridPeriodSeconds(fromMs, toMs);
  const length = Math.max(1, Math.ceil((toMs - fromMs) / (period * 1000)));
  const byId = new Map(slo.sli.queries.map((q) => [q.id, q]));
  const cache = new Map<string, MathValue>();
  const context = `SLO ${slo.serviceName}/${slo.name}`;
  const resolve = (id: string): MathValue => {
    const known = cache.get(id);
    if (known) return known;
    const query = byId.get(id);
    if (!query) throw new AlarmModelError(`${context}: the SLI refers to unknown query ${id}`);
    const value: MathValue = query.expression !== undefined
      ? evaluateMath(parseMathExpression(query.expression, context), env)
      : { kind: 'series', values: onGrid(query, series, fromMs, period, length) };
    cache.set(id, value);
    return value;
  };
  const metricIds = slo.sli.queries.filter((q) => q.expression === undefined).map((q) => q.id);
  const env = { length, metricIds, context, resolve, periodOf: () => period };
  const asSeries = (value: MathValue) => (value.kind === 'series' ? value.values : new Float64Array(length).fill(value.kind === 'scalar' ? value.value : NaN));
  return {
    startMs: fromMs,
    periodSeconds: period,
    errorRatio: asSeries(resolve(slo.sli.returnQueryId)),
    bad: byId.has(BAD) ? asSeries(resolve(BAD)) : undefined,
    valid: byId.has(VALID) ? asSeries(resolve(VALID)) : undefined,
  };
}

/** The SLI from CloudWatch with GetMetricData: the same queries the SLO's alarms use, the event counts returned too. */
export async function sliFromCloudWatch(client: CloudWatchClient, slo: SloDefinition, fromMs: number, toMs: number): Promise<SliWindow> {
  const period = gridPeriodSeconds(fromMs, toMs);
  const length = Math.max(1, Math.ceil((toMs - fromMs) / (period * 1000)));
  const ids = new Set(slo.sli.queries.map((q) => q.id));
  const queries = sliQueries(slo, period, await deployedSliDimensions(client, slo))
    .map((q) => ({ ...q, ReturnData: q.Id === slo.sli.returnQueryId || q.Id === BAD || q.Id === VALID }));
  const results = await getMetricData(client, queries, fromMs, toMs);
  const grid = (id: string): Float64Array => {
    const values = new Float64Array(length).fill(NaN);
    const result = results.get(id);
    result?.timestamps.forEach((t, k) => {
      const i = Math.floor((t - fromMs) / (period * 1000));
      if (i >= 0 && i < length) values[i] = result.values[k];
    });
    return values;
  };
  return {
    startMs: fromMs,
    periodSeconds: period,
    errorRatio: grid(slo.sli.returnQueryId),
    bad: ids.has(BAD) ? grid(BAD) : undefined,
    valid: ids.has(VALID) ? grid(VALID) : undefined,
  };
}

/** One metric query's values on the grid, from the series of the file that matches it. */
function onGrid(query: SliQuery, all: readonly MetricSeries[], fromMs: number, period: number, length: number): Float64Array {
  const dims = query.dimensions ?? {};
  const match = all.find((s) => s.namespace === query.namespace && s.metricName === query.metricName
    && Object.keys(s.dimensions ?? {}).sort().join('|') === Object.keys(dims).sort().join('|')
    && Object.entries(dims).every(([k, v]) => v === null || s.dimensions?.[k] === v));
  const sums = new Float64Array(length).fill(NaN);
  const counts = new Float64Array(length);
  if (!match) return sums;
  const additive = ADDITIVE.has((query.statistic ?? 'Sum').toLowerCase());
  const add = (epochMs: number, value: number | undefined) => {
    if (value === undefined || !Number.isFinite(value)) return;
    const i = Math.floor((epochMs - fromMs) / (period * 1000));
    if (i < 0 || i >= length) return;
    sums[i] = (Number.isNaN(sums[i]) ? 0 : sums[i]) + value;
    counts[i]++;
  };
  const statistic = (query.statistic ?? 'Sum').toLowerCase();
  for (const p of match.points ?? []) {
    const t = typeof p.timestamp === 'number' ? p.timestamp : Date.parse(p.timestamp);
    add(t, statistic === 'samplecount' ? p.sampleCount ?? (p.value ?? undefined) : p.sum ?? (p.value ?? undefined));
  }
  if (match.values && match.start !== undefined) {
    const start = typeof match.start === 'number' ? match.start : Date.parse(match.start);
    for (let i = 0; i < match.values.length; i++) add(start + i * (match.period ?? 60) * 1000, match.values[i] ?? undefined);
  }
  if (!additive) for (let i = 0; i < length; i++) if (counts[i] > 0) sums[i] /= counts[i];
  return sums;
}
