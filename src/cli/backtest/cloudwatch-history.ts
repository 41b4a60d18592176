import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { AlarmOrigin } from './assembly-alarms';
import { AlarmDefinition, MetricAlarmDefinition, MetricPoint, MetricQuery, MetricSeries, MetricStat } from '../../alarm-model/types';
import { deployedDimensions, findDeployedAlarm } from '../aws/deployed-alarms';
import { FetchedSeries, fetchMetricHistory, FetchProgress } from '../aws/get-metric-data';
import { checkRetention, retentionSeconds } from '../aws/retention';

export interface HistoryRequest {
  readonly definitions: readonly AlarmDefinition[];
  readonly origins: ReadonlyMap<string, AlarmOrigin>;
  readonly fromMs: number;
  readonly toMs: number;
  readonly nowMs: number;
  /** --region, else each stack's own Region. */
  readonly region?: string;
  readonly client: (region: string | undefined) => CloudWatchClient;
  readonly progress?: FetchProgress;
}

export interface History {
  /** The definitions with dimensions that were tokens at synth replaced by the deployed alarms' values. */
  readonly definitions: AlarmDefinition[];
  readonly series: MetricSeries[];
  readonly warnings: string[];
}

/** The statistic set GetMetricData is asked for, so the model can aggregate any window from it. */
const STATISTIC_SET = ['Sum', 'SampleCount', 'Minimum', 'Maximum'] as const;
const STANDARD_STATISTICS: readonly string[] = [...STATISTIC_SET, 'Average'];

/**
 * How finely a query's metric is fetched. An alarm is evaluated every minute on the window that
 * ends at that minute, whatever its period (a 1-hour SLO window slides minute by minute), so the
 * model needs the metric at 1-minute resolution (or at the period, for high-resolution alarms).
 * A percentile cannot be rebuilt from finer data: it is fetched at the alarm's own period.
 */
export function fetchGranularity(stat: MetricStat): number {
  if (!STANDARD_STATISTICS.includes(stat.stat)) return stat.period;
  return stat.period < 60 ? stat.period : 60;
}

/**
 * Fetches, with GetMetricData, every metric the alarms read (statistic sets at 1-minute resolution,
 * percentiles at the alarm's period), from far enough before `fromMs` that the first evaluation sees
 * a full evaluation range when retention allows.
 */
export async function fetchAlarmHistory(request: HistoryRequest): Promise<History> {
  const warnings: string[] = [];
  const metricDefs = request.definitions.filter((d): d is MetricAlarmDefinition => d.kind === 'metric');
  checkRetention(metricDefs.flatMap((d) => d.queries.filter((q) => q.metricStat).map((q) => ({
    label: `alarm ${d.alarmName ?? d.id}`, period: fetchGranularity(q.metricStat!),
  }))), request.fromMs, request.nowMs);

  const byRegion = new Map<string | undefined, MetricAlarmDefinition[]>();
  for (const def of metricDefs) {
    const region = request.region ?? request.origins.get(def.id)?.stack.region;
    byRegion.set(region, [...(byRegion.get(region) ?? []), def]);
  }
  const resolved = new Map<string, AlarmDefinition>();
  const series: MetricSeries[] = [];
  for (const [region, defs] of byRegion) {
    const client = request.client(region);
    const regionDefs: MetricAlarmDefinition[] = [];
    for (const def of defs) {
      const withDims = await resolveDimensions(client, def, request.origins.get(def.id), warnings);
      resolved.set(def.id, withDims);
      regionDefs.push(withDims);
    }
    const metrics = uniqueMetrics(regionDefs);
    if (metrics.length === 0) continue;
    const lookbackMs = Math.max(...regionDefs.map((d) => d.period * (d.evaluationPeriods + Math.max(Math.floor(d.evaluationPeriods / 3), 2)))) * 1000;
    // Never ask for data older than the finest resolution keeps: it would come back empty anyway.
    const oldestMs = request.nowMs - Math.min(...metrics.map((m) => retentionSeconds(m.granularity))) * 1000;
    const startMs = Math.max(request.fromMs - lookbackMs, oldestMs);
    if (startMs > request.fromMs - lookbackMs) {
      warnings.push(`the longest alarm window reaches back before CloudWatch's retention; evaluations before ${new Date(startMs + lookbackMs).toISOString()} see partial windows`);
    }
    const requests = metrics.flatMap((m) => m.stats.map((stat) => ({ ...m.metric, period: m.granularity, stat })));
    const fetched = await fetchMetricHistory(client, requests, startMs, request.toMs, request.progress);
    let k = 0;
    for (const m of metrics) {
      const parts = fetched.slice(k, k + m.stats.length);
      k += m.stats.length;
      series.push(toSeries(m, parts));
    }
  }
  return { definitions: request.definitions.map((d) => resolved.get(d.id) ?? d), series, warnings };
}

interface MetricToFetch {
  readonly metric: { readonly namespace: string; readonly metricName: string; readonly dimensions: Record<string, string> };
  readonly granularity: number;
  /** The statistic set, or the one percentile. */
  readonly stats: readonly string[];
}

/** Statistic sets become points the model aggregates; a percentile is a dense series of that statistic. */
function toSeries(m: MetricToFetch, parts: FetchedSeries[]): MetricSeries {
  const base = { namespace: m.metric.namespace, metricName: m.metric.metricName, dimensions: m.metric.dimensions, period: m.granularity };
  if (m.stats.length === 1) return { ...base, statistic: m.stats[0], start: parts[0].startMs, values: parts[0].values };
  const [sum, count, min, max] = parts;
  const points: MetricPoint[] = [];
  for (let i = 0; i < count.values.length; i++) {
    const sampleCount = count.values[i];
    if (!(sampleCount > 0)) continue; // no datapoint in that minute
    points.push({
      timestamp: count.startMs + i * m.granularity * 1000,
      sum: sum.values[i],
      sampleCount,
      minimum: min.values[i],
      maximum: max.values[i],
    });
  }
  return { ...base, points };
}
function hasUnresolved(query: MetricQuery): boolean {
  return Object.values(query.metricStat?.metric.dimensions ?? {}).some((v) => v === null);
}

async function resolveDimensions(
  client: CloudWatchClient, def: MetricAlarmDefinition, origin: AlarmOrigin | undefined, warnings: string[],
): Promise<MetricAlarmDefinition> {
  if (!def.queries.some(hasUnresolved) || !origin) return def;
  const deployed = await findDeployedAlarm(client, origin.stack.displayName, origin.logicalId, def.alarmName);
  if (!deployed) {
    warnings.push(`alarm ${def.id}: a dimension is a token in the template and no deployed alarm `
      + `${def.alarmName ?? `${origin.stack.displayName}-${origin.logicalId}-*`} was found to read it from; its metrics are skipped`);
    return def;
  }
  const dims = deployedDimensions(deployed);
  return {
    ...def,
    queries: def.queries.map((q) => (q.metricStat && hasUnresolved(q) && dims.has(q.id)
      ? { ...q, metricStat: { ...q.metricStat, metric: { ...q.metricStat.metric, dimensions: dims.get(q.id)! } } }
      : q)),
  };
}

/** Each metric once per granularity, whatever the number of alarms and statistics reading it. */
function uniqueMetrics(defs: readonly MetricAlarmDefinition[]): MetricToFetch[] {
  const metrics = new Map<string, MetricToFetch>();
  for (const def of defs) {
    for (const q of def.queries) {
      const stat = q.metricStat;
      if (!stat || Object.values(stat.metric.dimensions).some((v) => v === null)) continue;
      const dimensions = stat.metric.dimensions as Record<string, string>;
      const granularity = fetchGranularity(stat);
      const stats = STANDARD_STATISTICS.includes(stat.stat) ? STATISTIC_SET : [stat.stat];
      const key = JSON.stringify([stat.metric.namespace, stat.metric.metricName, Object.entries(dimensions).sort(), granularity, stats]);
      metrics.set(key, { metric: { namespace: stat.metric.namespace, metricName: stat.metric.metricName, dimensions }, granularity, stats });
    }
  }
  return [...metrics.values()];
}
