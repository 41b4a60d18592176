import { Duration, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { guardExpression, PercentileRankSli, RatioSli } from '../../src/slo/sli';

const bad = new cloudwatch.Metric({ namespace: 'Shop', metricName: 'Errors' });
const valid = new cloudwatch.Metric({ namespace: 'Shop', metricName: 'Requests' });
const latency = new cloudwatch.Metric({ namespace: 'Shop', metricName: 'Latency' });

describe('SLIs', () => {
  test('the guard is added only with a minimum, and ANDs the minimums it has', () => {
    expect(guardExpression('x', undefined, 'b')).toBe('x');
    expect(guardExpression('x', { minimumValidEvents: 0, minimumBadEvents: 0 }, 'b')).toBe('x');
    expect(guardExpression('x', { minimumValidEvents: 10 }, 'b')).toBe('IF(valid >= 10, x, 0)');
    expect(guardExpression('x', { minimumBadEvents: 3 }, 'b')).toBe('IF(b >= 3, x, 0)');
    expect(guardExpression('x', { minimumValidEvents: 10, minimumBadEvents: 3 }, 'b')).toBe('IF(valid >= 10 AND b >= 3, x, 0)');
  });

  test('ratio: the bad-event minimum counts the filled bad events, with no extra metric', () => {
    const sli = new RatioSli(bad, valid, 'errors');
    const ratio = sli.errorRatio(Duration.hours(1), { minimumBadEvents: 3 }).toMetricConfig().mathExpression!;
    expect(ratio.expression).toBe('IF(FILL(bad, 0) >= 3, FILL(bad, 0) / valid, 0)');
    expect(Object.keys(ratio.usingMetrics)).toEqual(['bad', 'valid']);
    expect(sli.metricCount({ minimumBadEvents: 3 })).toBe(2);
  });

  test('latency: the bad-event minimum rebuilds the slow count from the sample count, half an event lower', () => {
    const sli = new PercentileRankSli(latency, 0.3, 'slow requests');
    const ratio = sli.errorRatio(Duration.hours(1), { minimumBadEvents: 3 }).toMetricConfig().mathExpression!;
    expect(ratio.expression).toBe('IF(valid * (100 - fast) / 100 >= 2.5, (100 - fast) / 100, 0)');
    expect(ratio.usingMetrics.valid.toMetricConfig().metricStat!.statistic).toBe('SampleCount');
    expect(sli.metricCount({ minimumBadEvents: 3 })).toBe(2);
  });

  test('ratio: FILL(bad, 0) / valid, both summed over the window', () => {
    const ratio = new RatioSli(bad, valid, 'errors').errorRatio(Duration.hours(6)).toMetricConfig().mathExpression!;
    expect(ratio.expression).toBe('FILL(bad, 0) / valid');
    expect(ratio.period).toBe(21_600);
    const stats = Object.values(ratio.usingMetrics).map((m) => m.toMetricConfig().metricStat!);
    expect(stats.map((s) => [s.metricName, s.statistic, s.period.toSeconds()])).toEqual([['Errors', 'Sum', 21_600], ['Requests', 'Sum', 21_600]]);
  });

  test('ratio metric count is bad + valid', () => {
    expect(new RatioSli(bad, valid, 'errors').metricCount({ minimumValidEvents: 100 })).toBe(2);
  });

  test('latency: (100 − PR) / 100 with the sample count as valid events', () => {
    const sli = new PercentileRankSli(latency, 0.3, 'slow requests');
    const plain = sli.errorRatio(Duration.hours(1)).toMetricConfig().mathExpression!;
    expect(plain.expression).toBe('(100 - fast) / 100');
    expect(Object.keys(plain.usingMetrics)).toEqual(['fast']);
    expect(plain.usingMetrics.fast.toMetricConfig().metricStat!.statistic).toBe('PR(:0.3)');
    const guarded = sli.errorRatio(Duration.hours(1), { minimumValidEvents: 5 }).toMetricConfig().mathExpression!;
    expect(guarded.expression).toBe('IF(valid >= 5, (100 - fast) / 100, 0)');
    expect(guarded.usingMetrics.valid.toMetricConfig().metricStat!.statistic).toBe('SampleCount');
    expect([sli.metricCount(), sli.metricCount({ minimumValidEvents: 5 })]).toEqual([1, 2]);
  });

  test('latency bad events are samples × (100 − PR) / 100', () => {
    const badEvents = new PercentileRankSli(latency, 0.3, 'slow').badEvents(Duration.minutes(1)).toMetricConfig().mathExpression!;
    expect(badEvents.expression).toBe('samples * (100 - fast) / 100');
  });
});
