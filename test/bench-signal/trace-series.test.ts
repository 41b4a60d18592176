import type { Trace } from '../../bench/signal/trace';
import { FAST_REQUESTS_METRIC, rewritePercentileRank, traceSeries } from '../../bench/signal/trace-series';
import { parseMetricAlarm, replay } from '../../src/alarm-model';
import type { MetricAlarmDefinition } from '../../src/alarm-model';

const LB = 'app/x/1';
/** A latency window alarm as SloAlarmSet writes it (1-hour period, PR(:0.3)). */
const latencyAlarm = (): MetricAlarmDefinition => parseMetricAlarm('Latency', {
  ComparisonOperator: 'GreaterThanThreshold',
  EvaluationPeriods: 1,
  Threshold: 0.0144,
  TreatMissingData: 'notBreaching',
  Metrics: [
    { Id: 'expr_1', Expression: '(100 - fast) / 100', ReturnData: true },
    {
      Id: 'fast',
      ReturnData: false,
      MetricStat: { Metric: { Namespace: 'AWS/ApplicationELB', MetricName: 'TargetResponseTime', Dimensions: [{ Name: 'LoadBalancer', Value: LB }] }, Period: 3600, Stat: 'PR(:0.3)' },
    },
  ],
});

function trace(minutes: number, slowFrom: number): Trace {
  const requests = new Float64Array(minutes).fill(100);
  const fast = new Float64Array(minutes).fill(100);
  for (let i = slowFrom; i < minutes; i++) fast[i] = 50;
  return {
    name: 't',
    description: '',
    startMs: Date.parse('2026-01-01T00:00:00Z'),
    minutes,
    requests,
    fastRequests: fast,
    errors5xx: new Float64Array(minutes).fill(NaN),
    errors4xx: new Float64Array(minutes).fill(NaN),
    elbNoTarget503: new Float64Array(minutes).fill(NaN),
    incidents: [],
  };
}

describe('rewritePercentileRank', () => {
  test('replaces PR(:t) by 100 × fast requests / samples over the same period and reports t', () => {
    const { alarms, thresholds } = rewritePercentileRank([latencyAlarm()]);
    expect(thresholds).toEqual([0.3]);
    const def = alarms[0] as MetricAlarmDefinition;
    expect(def.queries.map((q) => [q.id, q.expression ?? `${q.metricStat!.metric.metricName} ${q.metricStat!.stat} ${q.metricStat!.period}`])).toEqual([
      ['expr_1', '(100 - fast) / 100'],
      ['fast', '100 * fastFastRequests / fastSamples'],
      ['fastFastRequests', `${FAST_REQUESTS_METRIC.metricName} Sum 3600`],
      ['fastSamples', 'TargetResponseTime SampleCount 3600'],
    ]);
  });

  test('leaves other alarms alone', () => {
    const plain = parseMetricAlarm('P', { MetricName: 'M', Namespace: 'N', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold' });
    const { alarms, thresholds } = rewritePercentileRank([plain]);
    expect(alarms[0]).toEqual(plain);
    expect(thresholds).toEqual([]);
  });

  test('the rewritten alarm replays over a sliding hour: 50 % slow requests fire it after 2 minutes', () => {
    const t = trace(180, 120);
    const result = replay(rewritePercentileRank([latencyAlarm()]).alarms, traceSeries(t, LB), {
      from: t.startMs + 60 * 60_000, to: t.startMs + 180 * 60_000,
    });
    expect(result.warnings).toEqual([]);
    // Minute 120 is slow: the hour ending at 121 holds 50 slow of 6,000 (0.83 %); at 122, 100 (1.67 % > 1.44 %).
    expect(result.alarms[0].transitions.map((x) => [(x.epochMs - t.startMs) / 60_000, x.state])).toEqual([[61, 'OK'], [122, 'ALARM']]);
  });
});
