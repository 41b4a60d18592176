import { CloudWatchClient, GetMetricDataCommand, MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { datapointsOf, planBatches } from './batching';

/** One metric to fetch at one period and statistic. */
export interface MetricRequest {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, string>>;
  readonly period: number;
  readonly stat: string;
}

/** Values of one request, dense on its period grid from `startMs` (NaN = no datapoint). */
export interface FetchedSeries {
  readonly request: MetricRequest;
  readonly startMs: number;
  readonly values: Float64Array;
}

export interface FetchProgress {
  start(totalCalls: number): void;
  tick(): void;
  stop(): void;
}

/**
 * Fetches metric history with GetMetricData: queries packed within the API's limits, each call
 * paginated with NextToken. Throttling is retried by the SDK client's retry strategy (standard
 * mode: exponential backoff with jitter), so a caller sets `maxAttempts` on the client.
 */
export async function fetchMetricHistory(
  client: CloudWatchClient, requests: readonly MetricRequest[], startMs: number, endMs: number, progress?: FetchProgress,
): Promise<FetchedSeries[]> {
  const ranges = requests.map((r) => alignedRange(startMs, endMs, r.period));
  const batches = planBatches(requests.map((r, i) => datapointsOf(ranges[i][0], ranges[i][1], r.period)));
  progress?.start(batches.length);
  const out: FetchedSeries[] = [];
  try {
    for (const batch of batches) {
      // One call has one time range: use the widest aligned range of the batch.
      const start = Math.min(...batch.map((i) => ranges[i][0]));
      const end = Math.max(...batch.map((i) => ranges[i][1]));
      const queries: MetricDataQuery[] = batch.map((i) => metricQuery(`q${i}`, requests[i]));
      const results = await getMetricData(client, queries, start, end);
      for (const i of batch) {
        const request = requests[i];
        const [from, to] = ranges[i];
        const values = new Float64Array(datapointsOf(from, to, request.period)).fill(NaN);
        const result = results.get(`q${i}`);
        result?.timestamps.forEach((t, k) => {
          const index = Math.round((t - from) / (request.period * 1000));
          if (index >= 0 && index < values.length) values[index] = result.values[k];
        });
        out.push({ request, startMs: from, values });
      }
      progress?.tick();
    }
  } finally {
    progress?.stop();
  }
  return out;
}

/** Timestamps (epoch ms) and values of one query id, pages merged. */
export interface QueryResult {
  readonly timestamps: number[];
  readonly values: number[];
}

/** One GetMetricData request, every page of it, results by query id. */
export async function getMetricData(
  client: CloudWatchClient, queries: MetricDataQuery[], startMs: number, endMs: number,
): Promise<Map<string, QueryResult>> {
  const results = new Map<string, QueryResult>();
  let nextToken: string | undefined;
  do {
    const response = await client.send(new GetMetricDataCommand({
      MetricDataQueries: queries,
      StartTime: new Date(startMs),
      EndTime: new Date(endMs),
      ScanBy: 'TimestampAscending',
      NextToken: nextToken,
    }));
    for (const r of response.MetricDataResults ?? []) {
      if (!r.Id) continue;
      const entry = results.get(r.Id) ?? { timestamps: [], values: [] };
      (r.Timestamps ?? []).forEach((t, k) => {
        entry.timestamps.push(new Date(t).getTime());
        entry.values.push(r.Values?.[k] ?? NaN);
      });
      results.set(r.Id, entry);
    }
    nextToken = response.NextToken;
  } while (nextToken);
  return results;
}

export function metricQuery(id: string, request: MetricRequest, returnData = true): MetricDataQuery {
  return {
    Id: id,
    ReturnData: returnData,
    MetricStat: {
      Metric: {
        Namespace: request.namespace,
        MetricName: request.metricName,
        Dimensions: Object.entries(request.dimensions).map(([Name, Value]) => ({ Name, Value })),
      },
      Period: request.period,
      Stat: request.stat,
    },
  };
}

/** GetMetricData answers fastest, and on period boundaries, when the range is aligned to the period. */
export function alignedRange(startMs: number, endMs: number, period: number): [number, number] {
  const p = period * 1000;
  return [Math.floor(startMs / p) * p, Math.ceil(endMs / p) * p];
}
