import { Duration, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { countMetrics, flattenQueries, isMathExpression, restat } from '../../src/slo/metric-graph';

const errors = new cloudwatch.Metric({ namespace: 'Shop', metricName: 'Errors', dimensionsMap: { Service: 'checkout' } });
const timeouts = new cloudwatch.Metric({ namespace: 'Shop', metricName: 'Timeouts' });
const sum = new cloudwatch.MathExpression({ expression: 'e + t', usingMetrics: { e: errors, t: timeouts } });

/** An IMetric that is neither a Metric nor a MathExpression (a third-party implementation). */
const foreign: cloudwatch.IMetric = { toMetricConfig: () => errors.toMetricConfig(), warnings: undefined, warningsV2: undefined };

describe('metric graph helpers', () => {
  test('restat replaces statistic and period of a metric', () => {
    const config = restat(errors, 'Sum', Duration.hours(1)).toMetricConfig().metricStat!;
    expect([config.statistic, config.period.toSeconds(), config.metricName]).toEqual(['Sum', 3_600, 'Errors']);
  });

  test('restat keeps an expression and sets the period of every metric inside', () => {
    const config = restat(sum, 'Sum', Duration.days(1)).toMetricConfig().mathExpression!;
    expect(config.expression).toBe('e + t');
    expect(config.period).toBe(86_400);
  });

  test('restat rebuilds a foreign IMetric from its config', () => {
    const config = restat(foreign, 'SampleCount', Duration.minutes(5)).toMetricConfig().metricStat!;
    expect([config.statistic, config.period.toSeconds(), config.dimensions]).toEqual(['SampleCount', 300, [{ name: 'Service', value: 'checkout' }]]);
  });

  test('metrics are counted through nested expressions', () => {
    const nested = new cloudwatch.MathExpression({ expression: 's / r', usingMetrics: { s: sum, r: timeouts } });
    expect([countMetrics(errors), countMetrics(sum), countMetrics(nested)]).toEqual([1, 2, 3]);
    expect([isMathExpression(errors), isMathExpression(sum)]).toEqual([false, true]);
  });

  test('flattening lists the expression, then its metrics', () => {
    expect(flattenQueries('root', sum)).toEqual([
      { id: 'root', expression: 'e + t' },
      { id: 'e', namespace: 'Shop', metricName: 'Errors', dimensions: { Service: 'checkout' }, statistic: 'Average' },
      { id: 't', namespace: 'Shop', metricName: 'Timeouts', dimensions: {}, statistic: 'Average' },
    ]);
  });
});
