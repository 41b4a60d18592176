import { Duration, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';

/**
 * Helpers that work on any `IMetric` (a `Metric`, a `MathExpression` or a third-party
 * implementation) through its rendered config, so callers are not tied to concrete classes.
 */

interface WithMethod {
  with(options: { statistic?: string; period?: Duration; label?: string }): cloudwatch.IMetric;
}

function hasWith(metric: cloudwatch.IMetric): metric is cloudwatch.IMetric & WithMethod {
  return typeof (metric as unknown as Partial<WithMethod>).with === 'function';
}

/** True when the metric is a math expression rather than one metric. */
export function isMathExpression(metric: cloudwatch.IMetric): boolean {
  return metric.toMetricConfig().mathExpression !== undefined;
}

/**
 * The same metric over `period`; a single metric also gets `statistic` (a math expression keeps
 * its own statistics, but its period overrides every metric inside it).
 */
export function restat(metric: cloudwatch.IMetric, statistic: string, period: Duration): cloudwatch.IMetric {
  const config = metric.toMetricConfig();
  if (config.mathExpression) {
    if (hasWith(metric)) return metric.with({ period });
    return new cloudwatch.MathExpression({
      expression: config.mathExpression.expression,
      usingMetrics: config.mathExpression.usingMetrics,
      period,
    });
  }
  if (hasWith(metric)) return metric.with({ statistic, period });
  const stat = config.metricStat!;
  return new cloudwatch.Metric({
    namespace: stat.namespace,
    metricName: stat.metricName,
    dimensionsMap: Object.fromEntries((stat.dimensions ?? []).map((d) => [d.name, String(d.value)])),
    statistic,
    period,
    account: stat.account,
    region: stat.region,
  });
}

/**
 * The number of distinct metrics (not expressions) a metric or expression references, recursively.
 * One metric used under the same id in two sub-expressions is one query of the alarm (aws-cdk-lib
 * renders it once), and CloudWatch bills alarm metrics, not references.
 */
export function countMetrics(metric: cloudwatch.IMetric): number {
  const config = metric.toMetricConfig();
  if (!config.mathExpression) return 1;
  const leaves = new Set<string>();
  const visit = (usingMetrics: Record<string, cloudwatch.IMetric>) => {
    for (const [id, m] of Object.entries(usingMetrics)) {
      const c = m.toMetricConfig();
      if (c.mathExpression) visit(c.mathExpression.usingMetrics);
      else leaves.add(`${id} ${JSON.stringify(c.metricStat, (_k, v) => (v && typeof v === 'object' && 'toSeconds' in v ? v.toSeconds() : v))}`);
    }
  };
  visit(config.mathExpression.usingMetrics);
  return leaves.size;
}

/** One query of a metric graph, flattened the way CloudWatch's `Metrics` property lists them. */
export interface FlatQuery {
  readonly id: string;
  readonly expression?: string;
  readonly namespace?: string;
  readonly metricName?: string;
  readonly dimensions?: Record<string, unknown>;
  readonly statistic?: string;
}

/** Flattens a metric graph into the queries it is made of (leaves and nested expressions). */
export function flattenQueries(id: string, metric: cloudwatch.IMetric): FlatQuery[] {
  const config = metric.toMetricConfig();
  if (config.mathExpression) {
    const nested = Object.entries(config.mathExpression.usingMetrics).flatMap(([childId, child]) => flattenQueries(childId, child));
    return [{ id, expression: config.mathExpression.expression }, ...nested];
  }
  const stat = config.metricStat!;
  return [{
    id,
    namespace: stat.namespace,
    metricName: stat.metricName,
    dimensions: Object.fromEntries((stat.dimensions ?? []).map((d) => [d.name, d.value])),
    statistic: stat.statistic,
  }];
}
