import { Duration, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { guardExpression, PercentileRankSli, RatioSli } from '../../src/slo/sli';

const bad = new cloudwatch.Metric({ namespace: 'Shop', metricName: 'Errors' });
const valid = new cloudwatch.Metric({ namespace: 'Shop', metricName: 'Requests' });
const latency = new cloudwatch.Metric({ namespace: 'Shop', metricName: 'Latency' });

describe('SLIs', () => {
  test('the guard is added only with a minimum', () => {
    expect(guardExpression('x', 0)).toBe('x');
    expect(guardExpression('x', 10)).toBe('IF(valid >= 10, x, 0)');
  });

  test('ratio: FILL(bad, 0) / valid, both summed over the window', () => {
    const ratio = new RatioSli(bad, valid, 'errors').errorRatio(Duration.hours(6), 0).toMetricConfig().mathExpression!;
    expect(ratio.expression).toBe('FILL(bad, 0) / valid');
    expect(ratio.period).toBe(21_600);
    const stats = Object.values(ratio.usingMetrics).map((m) => m.toMetricConfig().metricStat!);
    expect(stats.map((s) => [s.metricName, s.statistic, s.period.toSeconds()])).toEqual([['Errors', 'Sum', 21_600], ['Requests', 'Sum', 21_600]]);
  });

  test('ratio metric count is bad + valid', () => {
    expect(new RatioSli(bad, valid, 'errors').metricCount(100)).toBe(2);
  });

  test('latency: (100 − PR) / 100 with the sample count as valid events', () => {
    const sli = new PercentileRankSli(latency, 0.3, 'slow requests');
    const plain = sli.errorRatio(Duration.hours(1), 0).toMetricConfig().mathExpression!;
    expect(plain.expression).toBe('(100 - fast) / 100');
    expect(Object.keys(plain.usingMetrics)).toEqual(['fast']);
    expect(plain.usingMetrics.fast.toMetricConfig().metricStat!.statistic).toBe('PR(:0.3)');
    const guarded = sli.errorRatio(Duration.hours(1), 5).toMetricConfig().mathExpression!;
    expect(guarded.expression).toBe('IF(valid >= 5, (100 - fast) / 100, 0)');
    expect(guarded.usingMetrics.valid.toMetricConfig().metricStat!.statistic).toBe('SampleCount');
    expect([sli.metricCount(0), sli.metricCount(5)]).toEqual([1, 2]);
  });

  test('latency bad events are samples × (100 − PR) / 100', () => {
    const badEvents = new PercentileRankSli(latency, 0.3, 'slow').badEvents(Duration.minutes(1)).toMetricConfig().mathExpression!;
    expect(badEvents.expression).toBe('samples * (100 - fast) / 100');
  });
});
