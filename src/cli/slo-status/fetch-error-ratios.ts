import { CloudWatchClient, MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { deployedDimensions, findDeployedAlarm } from '../aws/deployed-alarms';
import { getMetricData } from '../aws/get-metric-data';
import { UsageError } from '../errors';
import { SliQuery, SloDefinition } from '../slo/slo-metadata';

/**
 * The SLI's queries as GetMetricData queries at one period. Dimension values that were tokens at
 * synth come from the deployed SLI alarm (same query ids); the error ratio is computed by
 * CloudWatch, the way the alarms see it.
 */
export function sliQueries(slo: SloDefinition, period: number, deployedDims: Map<string, Record<string, string>> | undefined): MetricDataQuery[] {
  return slo.sli.queries.map((q: SliQuery): MetricDataQuery => {
    if (q.expression !== undefined) {
      return { Id: q.id, Expression: q.expression, ReturnData: q.id === slo.sli.returnQueryId };
    }
    const dims = { ...(q.dimensions ?? {}) };
    for (const [name, value] of Object.entries(dims)) {
      if (value === null) {
        const deployed = deployedDims?.get(q.id)?.[name];
        if (deployed === undefined) {
          throw new UsageError(`SLO ${slo.serviceName}/${slo.name}: dimension ${name} of metric ${q.metricName} is only known once deployed, `
            + `and no deployed alarm ${slo.stack}-${slo.sli.sliAlarmLogicalId}-* holds it (deploy the stack, or check --region)`);
        }
        dims[name] = deployed;
      }
    }
    return {
      Id: q.id,
      ReturnData: q.id === slo.sli.returnQueryId,
      MetricStat: {
        Metric: {
          Namespace: q.namespace,
          MetricName: q.metricName,
          Dimensions: Object.entries(dims).map(([Name, Value]) => ({ Name, Value: Value as string })),
        },
        Period: period,
        Stat: q.statistic ?? 'Sum',
      },
    };
  });
}

/** Dimensions of the deployed SLI alarm, when some dimension is a token. */
export async function deployedSliDimensions(client: CloudWatchClient, slo: SloDefinition): Promise<Map<string, Record<string, string>> | undefined> {
  const needs = slo.sli.queries.some((q) => Object.values(q.dimensions ?? {}).some((v) => v === null));
  if (!needs || !slo.sli.sliAlarmLogicalId) return undefined;
  const alarm = await findDeployedAlarm(client, slo.stack, slo.sli.sliAlarmLogicalId, undefined);
  return alarm ? deployedDimensions(alarm) : undefined;
}

/**
 * Error ratio over the window that ends at `endMs`, as one datapoint of period = window.
 * `null` when CloudWatch has no datapoint (no traffic).
 */
export async function errorRatio(
  client: CloudWatchClient, queries: MetricDataQuery[], returnId: string, windowSeconds: number, endMs: number,
): Promise<number | null> {
  const results = await getMetricData(client, queries, endMs - windowSeconds * 1000, endMs);
  const values = results.get(returnId)?.values.filter((v) => Number.isFinite(v)) ?? [];
  return values.length > 0 ? values[0] : null;
}
