import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { seriesValues } from './series-values';
import { MetricSeries } from '../../alarm-model/types';
import { getMetricData, metricQuery } from '../aws/get-metric-data';

/**
 * The Fargate On-Demand vCPU quota as a limit on one service's tasks. Usage counts the whole account
 * and Region, so the room left for this service is `running now + (quota − usage now) / vCPU per task`,
 * assuming the other workloads stay where they are.
 */

export const FARGATE_ON_DEMAND_VCPU = {
  name: 'Fargate On-Demand vCPU',
  namespace: 'AWS/Usage',
  metricName: 'ResourceCount',
  dimensions: { Service: 'Fargate', Type: 'Resource', Resource: 'vCPU', Class: 'Standard/OnDemand' },
} as const;

/** The statistic a metrics-file entry gives for the applied quota of its usage metric. */
export const QUOTA_STATISTIC = 'SERVICE_QUOTA';

export interface QuotaReading {
  readonly name: string;
  /** Latest applied quota. */
  readonly quota: number;
  /** Latest usage. */
  readonly usage: number;
}

/** The tasks the service could run before the quota is reached. */
export function quotaLimitTasks(reading: QuotaReading, runningNow: number, vcpuPerTask: number): number {
  return runningNow + (reading.quota - reading.usage) / vcpuPerTask;
}

function isFargateUsage(s: MetricSeries): boolean {
  const d = s.dimensions ?? {};
  const want = FARGATE_ON_DEMAND_VCPU.dimensions;
  return s.namespace === FARGATE_ON_DEMAND_VCPU.namespace && s.metricName === FARGATE_ON_DEMAND_VCPU.metricName
    && d.Service === want.Service && d.Type === want.Type && d.Resource === want.Resource && d.Class === want.Class;
}

function latest(values: Array<[number, number]>): number | undefined {
  return values.length ? values.reduce((a, b) => (b[0] > a[0] ? b : a))[1] : undefined;
}

/** From a metrics file: the usage series, and the same metric with `"statistic": "SERVICE_QUOTA"` for the quota. */
export function quotaFromSeries(series: readonly MetricSeries[]): QuotaReading | undefined {
  const usage = latest(series.filter((s) => isFargateUsage(s) && s.statistic !== QUOTA_STATISTIC).flatMap((s) => seriesValues(s, 'Average')));
  const quota = latest(series.filter((s) => isFargateUsage(s) && s.statistic === QUOTA_STATISTIC).flatMap((s) => seriesValues(s, 'Average')));
  return usage !== undefined && quota !== undefined ? { name: FARGATE_ON_DEMAND_VCPU.name, usage, quota } : undefined;
}

/** Live: the last day of usage (maximum per period) and `SERVICE_QUOTA(usage)`, latest values. */
export async function fetchQuota(client: CloudWatchClient, endMs: number, period: number): Promise<QuotaReading | undefined> {
  const results = await getMetricData(client, [
    metricQuery('usage', { ...FARGATE_ON_DEMAND_VCPU, dimensions: { ...FARGATE_ON_DEMAND_VCPU.dimensions }, period, stat: 'Maximum' }),
    { Id: 'quota', Expression: 'SERVICE_QUOTA(usage)', Period: period, ReturnData: true },
  ], endMs - 86_400_000, endMs);
  const pairs = (id: string) => {
    const r = results.get(id);
    return r ? r.timestamps.map((t, i) => [t, r.values[i]] as [number, number]).filter(([, v]) => Number.isFinite(v)) : [];
  };
  const usage = latest(pairs('usage'));
  const quota = latest(pairs('quota'));
  return usage !== undefined && quota !== undefined ? { name: FARGATE_ON_DEMAND_VCPU.name, usage, quota } : undefined;
}
