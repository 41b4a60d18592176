import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { synthExampleApp } from '../../../examples/compliance/example-assembly';
import { checkBacktestOptions } from '../../../src/cli/backtest/backtest-command';
import { everyPeriod, FakeCloudWatch, startFakeCloudWatch } from '../fake-cloudwatch';
import { checkoutMetrics, LATENCY_ALARM_NAME, SHOP, synthReviewApp } from '../review-app';
import { runInProcess } from '../run-cli';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const tmpFile = (name: string, content: unknown) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-reliability-bt-')), name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};

interface BacktestJson {
  alarms: Array<{
    stack: string;
    logicalId: string;
    alarmName: string | null;
    kind: string;
    transitions: Array<{ timestamp: string; state: string }>;
    finalState: string;
  }>;
  warnings: string[];
}

const assemblyDir = synthReviewApp();
const PAGE_TRANSITIONS: Array<[string, string]> = [
  ['2026-01-01T00:01:00.000Z', 'OK'], ['2026-01-01T00:11:00.000Z', 'ALARM'], ['2026-01-01T00:25:00.000Z', 'OK'],
];
const STILL_BURNING_STATES = ['OK', 'ALARM', 'OK'];
const latencyOf = (json: BacktestJson) => json.alarms.find((a) => a.alarmName === LATENCY_ALARM_NAME)!;

describe('backtest --metrics on the review app', () => {
  test('replays every alarm; the latency alarm follows M of N on 1-minute data; exit 1 when one fired', async () => {
    const run = await runInProcess(['backtest', assemblyDir, '--metrics', tmpFile('m.json', checkoutMetrics(true)), '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as BacktestJson;
    // 8 window alarms + still burning + page + ticket (SLO set: the pairs live in their rules), latency, upload errors.
    expect(json.alarms).toHaveLength(13);
    expect(json.alarms.filter((a) => a.kind === 'composite')).toHaveLength(2);
    const latency = latencyOf(json);
    expect(latency).toMatchObject({ stack: 'Review', alarmName: LATENCY_ALARM_NAME, finalState: 'OK' });
    expect(latency.logicalId).toMatch(/^LatencyAlarm/);
    // 3 of 3 breaching from the window [00:12, 00:13); the first non-breaching window ends at 00:16.
    expect(latency.transitions.map((t) => [t.timestamp, t.state])).toEqual([
      ['2026-01-01T00:01:00.000Z', 'OK'], ['2026-01-01T00:13:00.000Z', 'ALARM'], ['2026-01-01T00:16:00.000Z', 'OK'],
    ]);
    // One page for the 5-minute incident; the last bad minute is 00:14, and the page holds while the
    // last 10 minutes burned: it clears at 00:25, 10 minutes after it.
    const page = json.alarms.find((a) => a.logicalId.startsWith('CheckoutSlosPageAlarm'))!;
    expect(page.transitions.map((t) => [t.timestamp, t.state])).toEqual(PAGE_TRANSITIONS);
    const alarm = (pattern: RegExp) => json.alarms.find((a) => pattern.test(a.logicalId))!;
    // The 30-minute window is still above 6x at the end; still burning (10-minute look-back) lets go.
    expect(alarm(/^CheckoutSlosAvailabilityPage6h30mShort/).finalState).toBe('ALARM');
    expect(alarm(/^CheckoutSlosAvailabilityStillBurning10m/).transitions.map((t) => t.state)).toEqual(STILL_BURNING_STATES);
    // The S3 alarm's bucket name is a token: no series matches it in the file, so it sees no data.
    const uploads = json.alarms.find((a) => a.logicalId.startsWith('UploadErrors'))!;
    expect(uploads.finalState).toBe('OK');
  });

  test('a metrics file without the SLO\'s series: each pair says it cannot fire in this replay, naming statistic and period', async () => {
    const latencyOnly = { metrics: checkoutMetrics(false).metrics.filter((m) => m.metricName === SHOP.latency) };
    const run = await runInProcess(['backtest', assemblyDir, '--metrics', tmpFile('m.json', latencyOnly), '--json']);
    const json = JSON.parse(run.stdout) as BacktestJson;
    const blind = json.warnings.filter((w) => w.includes('cannot fire in this replay'));
    // 4 pairs × 2 windows, and the still-burning alarm of the 6 h / 30 min page pair.
    expect(blind).toHaveLength(9);
    expect(blind).toContainEqual(expect.stringMatching(
      /^SLO checkout Availability \(Review\): the PAGE pair 1h\/5m cannot fire in this replay: its short-window alarm Review\/CheckoutSlosAvailabilityPage1h5mShort[0-9A-F]{8} has no series for Shop Errors \{Service=checkout\} \(statistic Sum, period 600 s\), Shop Requests \{Service=checkout\} \(statistic Sum, period 600 s\)$/));
    // The model's own warning names the statistic and period too.
    expect(json.warnings).toContainEqual(expect.stringMatching(/no series for Shop Requests \{Service=checkout\} \(statistic Sum, period 3600 s\); its datapoints are all missing$/));
    // With the series present, not a word.
    const full = JSON.parse((await runInProcess(['backtest', assemblyDir, '--metrics', tmpFile('m.json', checkoutMetrics(false)), '--json'])).stdout) as BacktestJson;
    expect(full.warnings.filter((w) => w.includes('cannot fire'))).toEqual([]);
  });

  test('two series for a token dimension: that alarm is set aside with the reason, the others replay', async () => {
    const metrics = checkoutMetrics(false);
    const s3 = (bucket: string) => ({
      namespace: 'AWS/S3',
      metricName: '5xxErrors',
      dimensions: { BucketName: bucket, FilterId: 'all' },
      period: 60,
      points: [{ timestamp: iso(T0), value: 50 }],
    });
    const run = await runInProcess(['backtest', assemblyDir, '--metrics', tmpFile('m.json', { metrics: [...metrics.metrics, s3('one'), s3('two')] }), '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as BacktestJson & { skipped: Array<{ logicalId: string; reason: string }> };
    expect(json.alarms).toHaveLength(12);
    expect(json.skipped).toEqual([{
      stack: 'Review',
      logicalId: expect.stringMatching(/^UploadErrors/),
      reason: 'dimension BucketName of AWS/S3 5xxErrors is a token in the template and 2 series of the metrics file match it (BucketName=one; BucketName=two); keep only the deployed one',
    }]);
  });

  test('an alarm the model rejects while preparing it (a percentile missing from the file) is set aside too', async () => {
    const dir = mathAssembly({
      Slow: {
        Type: 'AWS::CloudWatch::Alarm',
        Properties: { Namespace: 'Shop', MetricName: 'Errors', Dimensions: [{ Name: 'Service', Value: 'checkout' }], Period: 60, ExtendedStatistic: 'p99', EvaluationPeriods: 1, Threshold: 100, ComparisonOperator: 'GreaterThanThreshold' },
      },
      Errors: {
        Type: 'AWS::CloudWatch::Alarm',
        Properties: { Namespace: 'Shop', MetricName: 'Errors', Dimensions: [{ Name: 'Service', Value: 'checkout' }], Period: 60, Statistic: 'Sum', EvaluationPeriods: 1, Threshold: 100, ComparisonOperator: 'GreaterThanThreshold' },
      },
    });
    const run = await runInProcess(['backtest', dir, '--metrics', tmpFile('m.json', checkoutMetrics(false))]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Math/Errors [metric]');
    expect(run.stdout).toMatch(/Warning: alarm Math\/Slow is not replayed: Alarm 'Math\/Slow': statistic p99 cannot be computed/);
    expect(run.stdout).toMatch(/Warning: alarm Math\/Odd is not replayed: unsupported metric math function RUNNING_SUM/);
  });

  test('a quiet history: every alarm settles in OK, exit 0, text output', async () => {
    const run = await runInProcess(['backtest', assemblyDir, '--metrics', tmpFile('m.json', checkoutMetrics(false))]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Replayed 2026-01-01T00:00:00.000Z → 2026-01-01T00:25:00.000Z: 25 evaluations of 13 alarm(s).');
    expect(run.stdout).toContain(`(${LATENCY_ALARM_NAME}) [metric]`);
    expect(run.stdout).toContain('0 of 13 alarm(s) went to ALARM.');
  });
});

describe('backtest --from/--to against a local CloudWatch endpoint', () => {
  let cw: FakeCloudWatch;
  afterAll(async () => { await cw?.close(); });

  test('fetches with GetMetricData (throttled once, paginated), reads token dimensions from the deployed alarm', async () => {
    const now = new Date('2026-06-01T01:00:00Z');
    // The deployed alarm is found by CloudFormation's generated name: <stack>-<logical id>-<suffix>.
    const uploadsLogicalId = Object.keys(JSON.parse(fs.readFileSync(path.join(assemblyDir, 'Review.template.json'), 'utf8')).Resources)
      .find((id) => id.startsWith('UploadErrors'))!;
    cw = await startFakeCloudWatch({
      throttleFirstCall: true,
      pageSize: 20_000,
      alarms: [{
        AlarmName: `Review-${uploadsLogicalId}-7XKQ2N0Z`,
        Namespace: 'AWS/S3',
        MetricName: '5xxErrors',
        Period: 60,
        Statistic: 'Sum',
        Dimensions: [{ Name: 'BucketName', Value: 'review-uploads-1a2b3c' }, { Name: 'FilterId', Value: 'all' }],
        EvaluationPeriods: 1,
        Threshold: 10,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      }],
      // Statistic sets per minute: latency one sample of 900 ms, 100 requests, no errors, 20 S3 5xx.
      data: everyPeriod(60, (_t, q) => {
        const metric = q.MetricStat!.Metric;
        const set = metric.MetricName === '5xxErrors'
          ? (metric.Dimensions?.some((d) => d.Name === 'BucketName' && d.Value === 'review-uploads-1a2b3c') ? [20, 20, 1, 1] : undefined)
          : ({ Latency: [900, 1, 900, 900], Errors: [0, 100, 0, 0], Requests: [100, 100, 1, 1] } as Record<string, number[]>)[metric.MetricName];
        return set?.[['Sum', 'SampleCount', 'Minimum', 'Maximum'].indexOf(q.MetricStat!.Stat)];
      }),
    });
    const regions: Array<string | undefined> = [];
    const run = await runInProcess(['backtest', assemblyDir, '--from', 'now-30m', '--to', 'now', '--json'],
      { client: () => cw.client(), now, regions });
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout) as BacktestJson;
    expect(regions).toEqual(['eu-west-1']); // the stack's own Region
    const describe = cw.calls.filter((c) => c.target.endsWith('.DescribeAlarms'));
    expect(describe.map((c) => c.body.AlarmNamePrefix ?? c.body.AlarmNames)).toEqual([`Review-${uploadsLogicalId}-`]);
    const metricCalls = cw.calls.filter((c) => c.target.endsWith('.GetMetricData'));
    expect(metricCalls[0].status).toBe(400);
    expect(metricCalls.filter((c) => c.body.NextToken).length).toBeGreaterThan(0);
    const queries = metricCalls.flatMap((c) => c.body.MetricDataQueries as any[]);
    // Every metric is fetched as a statistic set at 1-minute resolution, whatever the alarm's period.
    expect(new Set(queries.map((q) => `${q.MetricStat.Period} ${q.MetricStat.Stat}`))).toEqual(new Set(['60 Sum', '60 SampleCount', '60 Minimum', '60 Maximum']));
    const s3Query = queries.find((q) => q.MetricStat.Metric.MetricName === '5xxErrors');
    expect(s3Query.MetricStat.Metric.Dimensions).toEqual([{ Name: 'BucketName', Value: 'review-uploads-1a2b3c' }, { Name: 'FilterId', Value: 'all' }]);

    expect(run.code).toBe(1);
    // History before --from is fetched too, so the first evaluation already sees 3 breaching minutes.
    expect(latencyOf(json).transitions).toEqual([{ timestamp: '2026-06-01T00:31:00.000Z', state: 'ALARM', reason: expect.any(String) }]);
    const uploads = json.alarms.find((a) => a.logicalId === uploadsLogicalId)!;
    expect(uploads.transitions.map((t) => [t.timestamp, t.state])).toEqual([['2026-06-01T00:31:00.000Z', 'ALARM']]);
    const page = json.alarms.find((a) => a.logicalId.startsWith('CheckoutSlosPageAlarm'))!;
    expect(page.finalState).toBe('OK');
  });

  test('a range beyond retention exits 2 and says how far back it can go', async () => {
    const run = await runInProcess(['backtest', assemblyDir, '--from', '2026-01-01T00:00:00Z', '--to', '2026-01-02T00:00:00Z'],
      { now: new Date('2026-06-01T00:00:00Z'), client: () => cw.client() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cdk-reliability: --from 2026-01-01T00:00:00.000Z is beyond CloudWatch retention: alarm .* needs 60-second data, which CloudWatch keeps for 15 days\. Use --from 2026-05-17T00:00:00.000Z or later, or replay an exported history with --metrics FILE\.\n$/);
  });
});

describe('backtest: bad inputs exit 2', () => {
  test.each([
    [{}, 'backtest: give --metrics FILE, or --from and --to to fetch the history from CloudWatch'],
    [{ metrics: 'm.json', from: 'now-1h', to: 'now' }, 'backtest: give either --metrics FILE or --from and --to (fetch from CloudWatch), not both'],
    [{ from: 'now-1h' }, 'backtest: --from and --to go together, got only --from'],
    [{ metrics: 'm.json', region: 'us-east-1' }, 'backtest: --region applies to --from/--to (CloudWatch), not to --metrics'],
  ])('options %j', (options, message) => {
    expect(() => checkBacktestOptions(options)).toThrow(message);
  });

  test('no source of history', async () => {
    const run = await runInProcess(['backtest', assemblyDir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('cdk-reliability: backtest: give --metrics FILE, or --from and --to to fetch the history from CloudWatch\n');
  });

  test('missing assembly', async () => {
    const run = await runInProcess(['backtest', '/nonexistent/cdk.out', '--metrics', 'm.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Cloud assembly not found: /nonexistent/cdk.out is not a directory');
  });

  test('malformed metrics file', async () => {
    let run = await runInProcess(['backtest', assemblyDir, '--metrics', tmpFile('m.json', '{ "metrics": [ { ')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cdk-reliability: Metrics file .*m\.json is not valid JSON/);
    run = await runInProcess(['backtest', assemblyDir, '--metrics', tmpFile('m.json', { metrics: [{ namespace: 'Shop', metricName: 'Errors', points: [{ timestamp: '2026-01-01T00:00:00Z' }] }] })]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('metrics[0].points[0] must carry either "value"');
  });

  test('--to before --from', async () => {
    const run = await runInProcess(['backtest', assemblyDir, '--from', 'now', '--to', 'now-1h']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--to must be after --from');
  });

  test('an unknown metric math function is named with the alarm', async () => {
    const run = await runInProcess(['backtest', mathAssembly({}), '--metrics', tmpFile('m.json', checkoutMetrics(false))]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cdk-reliability: no alarm of the assembly can be replayed:\n  Math\/Odd: unsupported metric math function RUNNING_SUM in expression "RUNNING_SUM\(m1\)" of alarm 'Math\/Odd' \(query e1\); the alarm model supports IF, FILL/);
  });

  test('next to replayable alarms, an unsupported one (and a composite on it) is set aside with the reason', async () => {
    const dir = mathAssembly({
      Errors: {
        Type: 'AWS::CloudWatch::Alarm',
        Properties: { Namespace: 'Shop', MetricName: 'Errors', Dimensions: [{ Name: 'Service', Value: 'checkout' }], Period: 60, Statistic: 'Sum', EvaluationPeriods: 1, Threshold: 100, ComparisonOperator: 'GreaterThanThreshold' },
      },
      Both: {
        Type: 'AWS::CloudWatch::CompositeAlarm',
        Properties: { AlarmRule: { 'Fn::Join': ['', ['ALARM("', { 'Fn::GetAtt': ['Errors', 'Arn'] }, '") AND ALARM("', { 'Fn::GetAtt': ['Odd', 'Arn'] }, '")']] } },
      },
    });
    const run = await runInProcess(['backtest', dir, '--metrics', tmpFile('m.json', checkoutMetrics(false)), '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as BacktestJson & { skipped: Array<{ logicalId: string; reason: string }> };
    expect(json.alarms.map((a) => [a.logicalId, a.finalState])).toEqual([['Errors', 'OK']]);
    expect(json.skipped).toEqual([
      { stack: 'Math', logicalId: 'Odd', reason: expect.stringContaining('unsupported metric math function RUNNING_SUM') },
      { stack: 'Math', logicalId: 'Both', reason: 'its rule references "Math/Odd", which is not replayed' },
    ]);
  });
});

/** A hand-written assembly: one alarm using RUNNING_SUM (not in the model), plus `more` resources. */
function mathAssembly(more: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-reliability-math-'));
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({
    version: '55.0.0', artifacts: { Math: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Math.template.json' } } },
  }));
  fs.writeFileSync(path.join(dir, 'Math.template.json'), JSON.stringify({
    Resources: {
      Odd: {
        Type: 'AWS::CloudWatch::Alarm',
        Properties: {
          EvaluationPeriods: 1,
          Threshold: 1,
          ComparisonOperator: 'GreaterThanThreshold',
          Metrics: [
            { Id: 'm1', ReturnData: false, MetricStat: { Metric: { Namespace: 'Shop', MetricName: 'Errors' }, Period: 60, Stat: 'Sum' } },
            { Id: 'e1', ReturnData: true, Expression: 'RUNNING_SUM(m1)' },
          ],
        },
      },
      ...more,
    },
  }));
  return dir;
}

describe('backtest on the example app', () => {
  test('every alarm of the example app replays from a generated history', async () => {
    const { assemblyDir: exampleDir } = synthExampleApp();
    const templates = fs.readdirSync(exampleDir).filter((f) => f.endsWith('.template.json'))
      .map((f) => JSON.parse(fs.readFileSync(path.join(exampleDir, f), 'utf8')) as { Resources?: Record<string, any> });
    const metricAlarms = templates.flatMap((t) => Object.values(t.Resources ?? {})).filter((r) => r.Type === 'AWS::CloudWatch::Alarm');
    const alarmCount = templates.flatMap((t) => Object.values(t.Resources ?? {}))
      .filter((r) => r.Type === 'AWS::CloudWatch::Alarm' || r.Type === 'AWS::CloudWatch::CompositeAlarm').length;
    const metricsFile = tmpFile('m.json', { metrics: quietSeriesFor(metricAlarms) });
    const run = await runInProcess(['backtest', exampleDir, '--metrics', metricsFile, '--json']);
    if (alarmCount === 0) {
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({ alarms: [] });
      return;
    }
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.code);
    const json = JSON.parse(run.stdout) as BacktestJson & { skipped: Array<{ logicalId: string; reason: string }> };
    // Every alarm is either replayed or set aside with the model's reason.
    expect(json.alarms.length + json.skipped.length).toBe(alarmCount);
    expect(json.alarms.length).toBeGreaterThan(0);
    for (const alarm of json.alarms) expect(['OK', 'ALARM', 'INSUFFICIENT_DATA']).toContain(alarm.finalState);
    for (const skipped of json.skipped) expect(skipped.reason.length).toBeGreaterThan(20);
  });
});

/** A flat zero series for every metric the alarms read (a token dimension matches any value). */
function quietSeriesFor(alarms: Array<{ Properties: Record<string, any> }>): unknown[] {
  const series = new Map<string, unknown>();
  const add = (metric: any, period: number, stat: string) => {
    const dimensions = Object.fromEntries((metric.Dimensions ?? []).map((d: any) => [d.Name, typeof d.Value === 'string' ? d.Value : 'token']));
    const percentile = !['Sum', 'Average', 'Minimum', 'Maximum', 'SampleCount'].includes(stat);
    const key = JSON.stringify([metric.Namespace, metric.MetricName, dimensions, period, percentile ? stat : '']);
    series.set(key, {
      namespace: metric.Namespace,
      metricName: metric.MetricName,
      dimensions,
      period,
      ...(percentile ? { statistic: stat } : {}),
      points: Array.from({ length: 120 }, (_, i) => ({ timestamp: iso(T0 + i * period * 1000), value: 0 })),
    });
  };
  for (const { Properties: p } of alarms) {
    if (p.MetricName) {
      add({ Namespace: p.Namespace, MetricName: p.MetricName, Dimensions: p.Dimensions }, p.Period, p.Statistic ?? p.ExtendedStatistic);
    }
    for (const q of p.Metrics ?? []) if (q.MetricStat) add(q.MetricStat.Metric, q.MetricStat.Period, q.MetricStat.Stat);
  }
  return [...series.values()];
}
