/**
 * A trace as the metric series the alarm model reads, and the one rewrite the model needs for the
 * latency SLO (see `rewritePercentileRank`).
 */
import type { Trace } from './trace';
import { parseMathExpression } from '../../src/alarm-model';
import type { AlarmDefinition, MetricQuery, MetricSeries } from '../../src/alarm-model';

const NAMESPACE = 'AWS/ApplicationELB';
/** Where the rewritten latency alarms read "requests at or under the threshold". */
export const FAST_REQUESTS_METRIC = { namespace: 'SignalBench', metricName: 'TargetResponseTimeAtOrUnderThreshold' };

export function traceSeries(trace: Trace, loadBalancer: string): MetricSeries[] {
  const dimensions = { LoadBalancer: loadBalancer };
  const start = new Date(trace.startMs).toISOString();
  const alb = (metricName: string, values: Float64Array, statistic?: string): MetricSeries =>
    ({ namespace: NAMESPACE, metricName, dimensions, start, values, period: 60, statistic });
  return [
    alb('RequestCount', trace.requests),
    alb('HTTPCode_Target_5XX_Count', trace.errors5xx),
    alb('HTTPCode_Target_4XX_Count', trace.errors4xx),
    // The only load-balancer errors of the corpus are 503s with no registered target.
    alb('HTTPCode_ELB_5XX_Count', trace.elbNoTarget503),
    alb('HTTPCode_ELB_503_Count', trace.elbNoTarget503),
    // One latency sample per request: SampleCount per minute is the request count.
    alb('TargetResponseTime', trace.requests, 'SampleCount'),
    { ...FAST_REQUESTS_METRIC, dimensions, start, values: trace.fastRequests, period: 60 },
  ];
}

const PERCENTILE_RANK = /^PR\(:([0-9.]+)\)$/i;

/**
 * The alarm model replays a percentile-rank statistic only from a series that already holds it at
 * the alarm's period, one point per period (a statistic cannot be re-aggregated). A window alarm of
 * the latency SLO has a 1 h period and is evaluated every minute, so it needs PR(:t) over the hour
 * ending at every minute: a series the model cannot take. PR(:t) over a window is exactly
 * 100 × (samples ≤ t) / samples, so each PR query is replaced by that expression over two summable
 * series: FAST_REQUESTS_METRIC and TargetResponseTime SampleCount. Returns the thresholds rewritten.
 */
export function rewritePercentileRank(defs: readonly AlarmDefinition[]): { alarms: AlarmDefinition[]; thresholds: number[] } {
  const thresholds: number[] = [];
  const alarms = defs.map((def): AlarmDefinition => {
    if (def.kind !== 'metric') return def;
    const queries: MetricQuery[] = [];
    for (const q of def.queries) {
      const match = q.metricStat ? PERCENTILE_RANK.exec(q.metricStat.stat) : null;
      if (!match || !q.metricStat) {
        queries.push(q);
        continue;
      }
      thresholds.push(Number(match[1]));
      const fastId = `${q.id}FastRequests`;
      const samplesId = `${q.id}Samples`;
      const expression = `100 * ${fastId} / ${samplesId}`;
      queries.push(
        { id: q.id, expression, ast: parseMathExpression(expression, `rewrite of ${def.id}`), returnData: q.returnData },
        { id: fastId, returnData: false, metricStat: { ...q.metricStat, metric: { ...q.metricStat.metric, ...FAST_REQUESTS_METRIC }, stat: 'Sum' } },
        { id: samplesId, returnData: false, metricStat: { ...q.metricStat, stat: 'SampleCount' } },
      );
    }
    return { ...def, queries };
  });
  return { alarms, thresholds };
}
