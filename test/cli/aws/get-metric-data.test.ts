import * as fs from 'fs';
import * as path from 'path';
import { alignedRange, fetchMetricHistory, MetricRequest } from '../../../src/cli/aws/get-metric-data';
import { everyPeriod, FakeCloudWatch, startFakeCloudWatch } from '../fake-cloudwatch';

const START = Date.parse('2026-06-01T00:00:00Z');
const request = (metricName: string, period = 60): MetricRequest => ({ namespace: 'Shop', metricName, dimensions: { Service: 'checkout' }, period, stat: 'Sum' });

describe('the SDK speaks AWS JSON 1.0 to CloudWatch', () => {
  test('client-cloudwatch is built on AwsJson1_0Protocol with the Granite target', () => {
    const sdk = fs.readFileSync(path.join(require.resolve('@aws-sdk/client-cloudwatch'), '..', 'index.js'), 'utf8');
    expect(sdk).toContain('AwsJson1_0Protocol');
    expect(sdk).toContain('GraniteServiceVersion20100801');
  });
});

describe('fetchMetricHistory against a local CloudWatch endpoint', () => {
  let cw: FakeCloudWatch;
  afterEach(async () => { await cw?.close(); });

  test('retries a throttled call, paginates with NextToken, and lays values on the period grid', async () => {
    cw = await startFakeCloudWatch({
      throttleFirstCall: true,
      pageSize: 50,
      data: everyPeriod(60, (t, query) => (query.MetricStat!.Metric.MetricName === 'Errors' ? (t / 60) % 7 : 100)),
    });
    const fetched = await fetchMetricHistory(cw.client(), [request('Errors'), request('Requests')], START, START + 60 * 60_000);

    const metricCalls = cw.calls.filter((c) => c.target === 'GraniteServiceVersion20100801.GetMetricData');
    expect(metricCalls[0].status).toBe(400); // ThrottlingException
    expect(metricCalls.slice(1).every((c) => c.status === 200)).toBe(true);
    expect(metricCalls.length).toBe(1 + 3); // 120 points in pages of 50
    expect(metricCalls.map((c) => c.body.NextToken)).toEqual([undefined, undefined, '50', '100']);
    expect(metricCalls.every((c) => c.contentType === 'application/x-amz-json-1.0')).toBe(true);
    expect(metricCalls[1].body.StartTime).toBe(START / 1000); // epoch seconds on the wire
    expect(metricCalls[1].body.MetricDataQueries).toEqual([
      { Id: 'q0', ReturnData: true, MetricStat: { Metric: { Namespace: 'Shop', MetricName: 'Errors', Dimensions: [{ Name: 'Service', Value: 'checkout' }] }, Period: 60, Stat: 'Sum' } },
      expect.objectContaining({ Id: 'q1' }),
    ]);

    expect(fetched.map((f) => f.request.metricName)).toEqual(['Errors', 'Requests']);
    expect(fetched[0].startMs).toBe(START);
    expect(Array.from(fetched[0].values.slice(0, 8))).toEqual([0, 1, 2, 3, 4, 5, 6, 0].map((_, i) => ((START / 60_000 + i) % 7)));
    expect(fetched[1].values.length).toBe(60);
    expect(Array.from(fetched[1].values).every((v) => v === 100)).toBe(true);
  });

  test('missing datapoints stay NaN', async () => {
    cw = await startFakeCloudWatch({ data: everyPeriod(60, (t) => (t % 180 === 0 ? 1 : undefined)) });
    const [series] = await fetchMetricHistory(cw.client(), [request('Errors')], START, START + 6 * 60_000);
    const expected = [0, 1, 2, 3, 4, 5].map((i) => ((START / 1000 + i * 60) % 180 === 0 ? 1 : NaN));
    expect(expected.filter((v) => v === 1)).toHaveLength(2);
    expect(Array.from(series.values)).toEqual(expected);
  });

  test('more than 500 queries take more than one call', async () => {
    cw = await startFakeCloudWatch({ data: everyPeriod(60, () => 1) });
    const requests = Array.from({ length: 501 }, (_, i) => request(`M${i}`));
    const fetched = await fetchMetricHistory(cw.client(), requests, START, START + 60_000);
    const sizes = cw.calls.map((c) => c.body.MetricDataQueries.length);
    expect(sizes).toEqual([500, 1]);
    expect(fetched.every((f) => f.values[0] === 1)).toBe(true);
  });

  test('ranges align to the period', () => {
    expect(alignedRange(START + 61_000, START + 119_000, 60)).toEqual([START + 60_000, START + 120_000]);
  });
});
