import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { budgetConsumedFromRatios, budgetConsumedPercent, burnRate } from '../../../src/cli/postmortem/budget-math';
import { renderPostmortemHtml } from '../../../src/cli/postmortem/render-postmortem';
import { everyPeriod, startFakeCloudWatch } from '../fake-cloudwatch';
import { checkoutMetrics, LATENCY_ALARM_NAME, METRICS_T0, synthReviewApp } from '../review-app';
import { runInProcess } from '../run-cli';

const T0 = METRICS_T0;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-reliability-pm-'));
const FROM = iso(T0 + 5 * 60_000);
const TO = iso(T0 + 20 * 60_000);

interface PostmortemJson {
  window: { from: string; to: string };
  slos: Array<{ stack: string; name: string; validEvents: number | null; badEvents: number | null; budgetConsumedPercent: number }>;
  alarms: Array<{ stack: string; logicalId: string; alarmName: string | null; transitions: Array<{ timestamp: string; state: string }> }>;
  changes: Array<Record<string, string | null>>;
  notCollected: string[];
  warnings: string[];
}

const assemblyDir = synthReviewApp({ validation: false });

describe('budget arithmetic', () => {
  test('burn rate and the share of a 30-day budget: 250 bad of 1,500 in 15 minutes at 99.9 %', () => {
    expect(burnRate(0.01, 0.001)).toBeCloseTo(10, 10);
    // (250 / 1500) / 0.001 = 166.7× for 900 s of 2,592,000 s.
    expect(budgetConsumedPercent(250, 1500, 0.001, 900, 2_592_000)).toBeCloseTo(5.787, 3);
    expect(budgetConsumedPercent(0, 0, 0.001, 900, 2_592_000)).toBe(0);
    // Ratios: the mean of the known periods (NaN left out).
    expect(budgetConsumedFromRatios([0.02, NaN, 0], 0.01, 86_400, 2_592_000)).toBeCloseTo(100 / 30, 10);
  });
});

describe('cdk-reliability postmortem --metrics (replayed through the alarm model)', () => {
  let json: PostmortemJson;
  let out: string;
  beforeAll(async () => {
    out = tmpDir();
    const metrics = path.join(tmpDir(), 'm.json');
    fs.writeFileSync(metrics, JSON.stringify(checkoutMetrics(true)));
    const run = await runInProcess(['postmortem', assemblyDir, '--from', FROM, '--to', TO, '--metrics', metrics, '--out', out, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    json = JSON.parse(run.stdout);
  });

  test('the JSON contract: window, SLO budget with event counts, alarm transitions', () => {
    expect(json.window).toEqual({ from: '2026-01-01T00:05:00.000Z', to: '2026-01-01T00:20:00.000Z' });
    expect(json.slos).toEqual([{ stack: 'Review', name: 'Availability', validEvents: 1500, badEvents: 250, budgetConsumedPercent: 5.787 }]);
    const latency = json.alarms.find((a) => a.alarmName === LATENCY_ALARM_NAME)!;
    // 3 of 3 minutes above 500 ms: ALARM after the third bad minute (12:00 + 1 min evaluation), OK after the first good one.
    expect(latency.transitions.map((t) => t.state)).toEqual(['ALARM', 'OK']);
    expect(Date.parse(latency.transitions[0].timestamp)).toBeGreaterThanOrEqual(T0 + 12 * 60_000);
    expect(Date.parse(latency.transitions[1].timestamp)).toBeLessThan(T0 + 20 * 60_000);
    expect(json.notCollected[0]).toMatch(/not in a metrics file/);
  });

  test('Markdown and HTML drafts with the timeline, the budget, the burn chart and the review headings', () => {
    const md = fs.readFileSync(path.join(out, 'postmortem.md'), 'utf8');
    const html = fs.readFileSync(path.join(out, 'postmortem.html'), 'utf8');
    expect(md).toContain('| Review | checkout Availability | 99.9 % | 1500 | 250 | 5.79 % |');
    // The SLO windows see the 50 % error ratio at the first evaluation of the incident, before the latency alarm.
    expect(md).toMatch(/First alarm: Review\/\S+ went to ALARM at 2026-01-01T00:11:00.000Z\./);
    expect(md).toMatch(/\| 2026-01-01T00:1\d:00.000Z \| Review\/checkout-latency-high \| ALARM \|/);
    for (const heading of ['Impact', 'Detection', 'Response', 'What went well', 'Action items']) expect(md).toContain(`## ${heading}`);
    expect(html).toMatch(/<svg [^>]*role="img" aria-label="checkout Availability: burn rate">/);
    // 50 errors of 100 requests is 500× at 99.9 %: the line reaches the top of the chart, the page threshold is drawn.
    expect(html).toContain('page at 14.4×');
    expect(html).toMatch(/<polyline [^>]*points="[^"]+"/);
  });
});

describe('cdk-reliability postmortem --region (DescribeAlarmHistory and GetMetricData on the local CloudWatch)', () => {
  test('every page of the history, after a throttled first call; the SLI from GetMetricData', async () => {
    const history = Array.from({ length: 250 }, (_, i) => ({
      AlarmName: i % 2 === 0 ? LATENCY_ALARM_NAME : 'someone-elses-alarm',
      AlarmType: 'MetricAlarm',
      Timestamp: (T0 + 5 * 60_000 + i * 2_000) / 1000,
      HistoryItemType: 'StateUpdate',
      HistorySummary: 'Alarm updated',
      HistoryData: JSON.stringify({ version: '1.0', newState: { stateValue: i % 4 === 0 ? 'ALARM' : 'OK' } }),
    }));
    const fake = await startFakeCloudWatch({
      alarmHistory: history,
      throttleFirstHistoryCall: true,
      data: everyPeriod(60, (_t, q) => ({ bad: 5, valid: 100 } as Record<string, number>)[q.Id] ?? 0.05),
    });
    try {
      const run = await runInProcess(['postmortem', assemblyDir, '--from', FROM, '--to', TO, '--region', 'eu-west-1', '--out', tmpDir(), '--json'],
        { client: () => fake.client(), ecsClient: () => fake.ecsClient(), fisClient: () => fake.fisClient() });
      expect(run.stderr).toBe('');
      const json: PostmortemJson = JSON.parse(run.stdout);
      const historyCalls = fake.calls.filter((c) => c.target.endsWith('DescribeAlarmHistory'));
      expect(historyCalls.map((c) => c.status)).toEqual([400, 200, 200, 200]);
      expect(historyCalls[3].body.NextToken).toBe('200');
      // CloudWatch API Reference, DescribeAlarmHistory: paginated (NextToken); without AlarmTypes only metric alarms are returned.
      expect(historyCalls[1].body).toMatchObject({ HistoryItemType: 'StateUpdate', AlarmTypes: ['MetricAlarm', 'CompositeAlarm'], StartDate: (T0 + 5 * 60_000) / 1000, EndDate: (T0 + 20 * 60_000) / 1000 });
      const latency = json.alarms.find((a) => a.alarmName === LATENCY_ALARM_NAME)!;
      expect(latency.transitions).toHaveLength(125);
      expect(latency.transitions.slice(0, 2).map((t) => t.state)).toEqual(['ALARM', 'OK']);
      expect(json.alarms.map((a) => a.alarmName)).not.toContain('someone-elses-alarm');
      // 15 minutes × 5 bad of 100 valid.
      expect(json.slos).toEqual([{ stack: 'Review', name: 'Availability', validEvents: 1500, badEvents: 75, budgetConsumedPercent: expect.closeTo(1.7361, 3) }]);
      expect(json.notCollected).toEqual([expect.stringMatching(/CodePipeline executions in the window: not read/)]);
      expect(json.changes).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  test('HTML escapes what comes from the assembly and CloudWatch', () => {
    const html = renderPostmortemHtml({
      fromMs: T0,
      toMs: T0 + 60_000,
      source: 'test',
      notCollected: [],
      warnings: ['<img src=x onerror=alert(1)>'],
      changes: [{ kind: 'experiment', stack: null, logicalId: null, id: '<i>EXP</i>', status: 'running', startedAt: iso(T0), endedAt: null }],
      slos: [{ stack: '<b>S</b>', service: 's', name: 'n', objectivePercent: 99, validEvents: 1, badEvents: 0, budgetConsumedPercent: 0, burn: [] }],
      alarms: [{ stack: 'S', logicalId: 'A', alarmName: '<script>x</script>', transitions: [{ timestamp: iso(T0), state: 'ALARM' }] }],
    });
    expect(html).not.toMatch(/<script>|<img|<b>S|<i>EXP/);
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
  });

  test('usage errors: both sources, or no window', async () => {
    const both = await runInProcess(['postmortem', assemblyDir, '--from', FROM, '--to', TO, '--metrics', 'm.json', '--region', 'eu-west-1']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/give either --metrics FILE .* or --region R .*exactly one/);
    const noWindow = await runInProcess(['postmortem', assemblyDir, '--region', 'eu-west-1']);
    expect(noWindow.code).toBe(2);
    expect(noWindow.stderr).toMatch(/give the incident window with --from and --to/);
  });
});
