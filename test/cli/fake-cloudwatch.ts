import * as http from 'http';
import { AddressInfo } from 'net';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { ECSClient } from '@aws-sdk/client-ecs';
import { FisClient } from '@aws-sdk/client-fis';
import { answerEcsOrFis, FakeEcsFisOptions } from './fake-ecs-fis';

/**
 * A local CloudWatch endpoint speaking the AWS JSON 1.0 protocol the SDK uses
 * (`X-Amz-Target: GraniteServiceVersion20100801.<Operation>`, JSON bodies, timestamps in epoch
 * seconds). It answers GetMetricData from a data function, paginates with NextToken, can throttle
 * the first call, answers DescribeAlarms from a list, and DescribeAlarmHistory from a list (paginated,
 * optionally throttled on the first call). The same endpoint answers the ECS and FIS calls of
 * fake-ecs-fis.ts. The real SDK clients talk to it.
 */

export interface FakeQuery {
  readonly Id: string;
  readonly Expression?: string;
  readonly ReturnData?: boolean;
  readonly Period?: number;
  readonly MetricStat?: {
    readonly Metric: { readonly Namespace: string; readonly MetricName: string; readonly Dimensions?: Array<{ Name: string; Value: string }> };
    readonly Period: number;
    readonly Stat: string;
  };
}

/** Datapoints of one query over [startS, endS): epoch seconds and values. */
export type DataFunction = (query: FakeQuery, startS: number, endS: number) => Array<[number, number]>;

export interface FakeCloudWatchOptions extends FakeEcsFisOptions {
  readonly data?: DataFunction;
  /** Datapoints per page, across all queries of a call. @default 1000 */
  readonly pageSize?: number;
  /** Answer the first GetMetricData call with a ThrottlingException. */
  readonly throttleFirstCall?: boolean;
  /** MetricAlarms returned by DescribeAlarms (filtered by AlarmNames / AlarmNamePrefix). */
  readonly alarms?: Array<Record<string, unknown>>;
  /** AlarmHistoryItems returned by DescribeAlarmHistory (`Timestamp` in epoch seconds), filtered by StartDate / EndDate. */
  readonly alarmHistory?: Array<Record<string, unknown>>;
  /** History items per DescribeAlarmHistory page. @default MaxRecords of the request, else 100 */
  readonly historyPageSize?: number;
  /** Answer the first DescribeAlarmHistory call with a ThrottlingException. */
  readonly throttleFirstHistoryCall?: boolean;
}

export interface RecordedCall {
  /** The X-Amz-Target header, else the method and path (FIS). */
  readonly target: string;
  readonly contentType: string;
  readonly body: Record<string, any>;
  readonly status: number;
}

export interface FakeCloudWatch {
  readonly endpoint: string;
  readonly calls: RecordedCall[];
  client(): CloudWatchClient;
  ecsClient(): ECSClient;
  fisClient(): FisClient;
  close(): Promise<void>;
}

const TARGET_PREFIX = 'GraniteServiceVersion20100801.';

export async function startFakeCloudWatch(options: FakeCloudWatchOptions = {}): Promise<FakeCloudWatch> {
  const calls: RecordedCall[] = [];
  let metricDataCalls = 0;
  let historyCalls = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      const contentType = String(req.headers['content-type'] ?? '');
      let body: Record<string, any> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        return reply(400, { __type: 'SerializationException', message: 'body is not JSON' });
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      const record = (status: number) => calls.push({ target: target || `${req.method} ${url.pathname}${url.search}`, contentType, body, status });
      function reply(status: number, payload: unknown, headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.0' }) {
        record(status);
        res.writeHead(status, { ...headers, 'x-amzn-requestid': `req-${calls.length}` });
        res.end(JSON.stringify(payload));
      }
      const other = answerEcsOrFis(req.method ?? 'GET', url, target, body, options);
      if (other) return reply(other.status, other.body, other.headers);
      if (!target.startsWith(TARGET_PREFIX)) return reply(400, { __type: 'UnknownOperationException', message: `bad target ${target}` });
      const operation = target.slice(TARGET_PREFIX.length);
      if (operation === 'GetMetricData') {
        metricDataCalls++;
        if (options.throttleFirstCall && metricDataCalls === 1) {
          return reply(400, { __type: 'ThrottlingException', message: 'Rate exceeded' });
        }
        return reply(200, getMetricData(body, options));
      }
      if (operation === 'DescribeAlarms') return reply(200, describeAlarms(body, options.alarms ?? []));
      if (operation === 'DescribeAlarmHistory') {
        historyCalls++;
        if (options.throttleFirstHistoryCall && historyCalls === 1) return reply(400, { __type: 'ThrottlingException', message: 'Rate exceeded' });
        return reply(200, describeAlarmHistory(body, options));
      }
      return reply(400, { __type: 'UnknownOperationException', message: `unsupported ${operation}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    calls,
    client: () => new CloudWatchClient(clientConfig(endpoint)),
    ecsClient: () => new ECSClient(clientConfig(endpoint)),
    fisClient: () => new FisClient(clientConfig(endpoint)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function clientConfig(endpoint: string) {
  return { region: 'us-east-1', endpoint, credentials: { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-test-secret' }, maxAttempts: 4 };
}

function getMetricData(body: Record<string, any>, options: FakeCloudWatchOptions): Record<string, unknown> {
  const queries = (body.MetricDataQueries ?? []) as FakeQuery[];
  const startS = Number(body.StartTime);
  const endS = Number(body.EndTime);
  const points: Array<{ id: string; t: number; v: number }> = [];
  for (const q of queries) {
    if (q.ReturnData === false) continue;
    for (const [t, v] of options.data?.(q, startS, endS) ?? []) {
      if (t >= startS && t < endS) points.push({ id: q.Id, t, v });
    }
  }
  const offset = body.NextToken ? Number(body.NextToken) : 0;
  const pageSize = options.pageSize ?? 1000;
  const page = points.slice(offset, offset + pageSize);
  const results = queries.filter((q) => q.ReturnData !== false).map((q) => {
    const mine = page.filter((p) => p.id === q.Id);
    return { Id: q.Id, Label: q.Id, Timestamps: mine.map((p) => p.t), Values: mine.map((p) => p.v), StatusCode: 'Complete' };
  });
  const next = offset + pageSize < points.length ? String(offset + pageSize) : undefined;
  return { MetricDataResults: results, Messages: [], ...(next ? { NextToken: next } : {}) };
}

function describeAlarms(body: Record<string, any>, alarms: Array<Record<string, unknown>>): Record<string, unknown> {
  const names: string[] | undefined = body.AlarmNames;
  const prefix: string | undefined = body.AlarmNamePrefix;
  const matching = alarms.filter((a) => (names ? names.includes(String(a.AlarmName)) : prefix ? String(a.AlarmName).startsWith(prefix) : true));
  return { MetricAlarms: matching, CompositeAlarms: [] };
}

function describeAlarmHistory(body: Record<string, any>, options: FakeCloudWatchOptions): Record<string, unknown> {
  const startS = Number(body.StartDate);
  const endS = Number(body.EndDate);
  const items = (options.alarmHistory ?? [])
    .filter((i) => Number(i.Timestamp) >= startS && Number(i.Timestamp) <= endS)
    .filter((i) => !body.HistoryItemType || i.HistoryItemType === body.HistoryItemType);
  const offset = body.NextToken ? Number(body.NextToken) : 0;
  const pageSize = options.historyPageSize ?? body.MaxRecords ?? 100;
  const next = offset + pageSize < items.length ? String(offset + pageSize) : undefined;
  return { AlarmHistoryItems: items.slice(offset, offset + pageSize), ...(next ? { NextToken: next } : {}) };
}

/** One datapoint per period over the range, from a value function of the query and the epoch second. */
export function everyPeriod(period: number, value: (t: number, query: FakeQuery) => number | undefined): DataFunction {
  return (query, startS, endS) => {
    const out: Array<[number, number]> = [];
    for (let t = Math.ceil(startS / period) * period; t < endS; t += period) {
      const v = value(t, query);
      if (v !== undefined) out.push([t, v]);
    }
    return out;
  };
}
