import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readCloudAssembly } from '../../../src/cli/assembly/read-assembly';
import { checkCapacityOptions, fetchPeriod } from '../../../src/cli/capacity/capacity-command';
import { collectCapacity } from '../../../src/cli/report/collect-capacity';
import { everyPeriod, FakeCloudWatch, startFakeCloudWatch } from '../fake-cloudwatch';
import { runInProcess } from '../run-cli';
import { FARGATE_QUOTA, FARGATE_USAGE, HISTORY_DAYS, HISTORY_START, metricsFile, SHOP, synthCapacityApp, valueAt } from './capacity-app';

const assemblyDir = synthCapacityApp();
const template = JSON.parse(fs.readFileSync(path.join(assemblyDir, `${SHOP.stack}.template.json`), 'utf8'));
const logicalIdOf = (prefix: string) => Object.keys(template.Resources)
  .find((id) => id.startsWith(prefix) && template.Resources[id].Type === 'AWS::ECS::Service')!;
const API = logicalIdOf('Api');
const WORKER = logicalIdOf('Worker');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-reliability-cap-'));
const tmpFile = (content: unknown) => {
  const file = path.join(tmp(), 'metrics.json');
  fs.writeFileSync(file, JSON.stringify(content));
  return file;
};

interface CapacityJson {
  services: Array<{
    stack: string;
    logicalId: string;
    maxCapacity: number;
    peakTasksNeeded: number | null;
    growthPerDay: number | null;
    daysToLimit: number | null;
    limitDate: string | null;
    notes: string[];
    quotas: Array<{ name: string; limitTasks: number; daysToLimit: number | null; limitDate: string | null }>;
  }>;
}

/** The known answers of the generated history (see capacity-app.ts). */
function expectKnownAnswers(json: CapacityJson) {
  expect(json.services.map((s) => [s.stack, s.logicalId, s.maxCapacity, s.peakTasksNeeded, s.growthPerDay, s.daysToLimit])).toEqual([
    ['Shop', API, 20, 11, 0.25, 37],
    ['Shop', WORKER, 10, 3, 0, null],
  ]);
  expect(json.services[0].limitDate).toBe('2026-05-05');
  // The quota leaves room for 5 + (100 − 90) / 0.5 = 25 Api tasks: reached in (25 − 10.75) / 0.25 = 57 days.
  expect(json.services.map((s) => s.quotas.map((q) => [q.name, q.limitTasks, q.daysToLimit, q.limitDate]))).toEqual([
    [['Fargate On-Demand vCPU', 25, 57, '2026-05-25']],
    [['Fargate On-Demand vCPU', 22, null, null]],
  ]);
}

describe('capacity --metrics', () => {
  const out = tmp();
  let run: Awaited<ReturnType<typeof runInProcess>>;
  beforeAll(async () => {
    run = await runInProcess(['capacity', assemblyDir, '--metrics', tmpFile(metricsFile(API)), '--out', out, '--json']);
  });

  test('the JSON contract, with the known answers: Api reaches its max of 20 in 37 days, Worker never', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expectKnownAnswers(JSON.parse(run.stdout));
  });

  test('an HTML page with one inline SVG chart per service and no external asset, and a Markdown summary', () => {
    const html = fs.readFileSync(path.join(out, 'capacity.html'), 'utf8');
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
    expect(html).toContain('class="limit"');
    const md = fs.readFileSync(path.join(out, 'capacity.md'), 'utf8');
    expect(md).toContain(`| \`Shop/${API}\` | 20 | 11 | +0.25 tasks/day | in 37 days, 2026-05-05`);
    expect(md).toContain('Fargate On-Demand vCPU (90 of 100 used, room for 25 tasks): in 57 days, 2026-05-25');
  });

  test('too little data: the service has no forecast and says why', async () => {
    const short = await runInProcess(['capacity', assemblyDir, '--metrics', tmpFile(metricsFile(API, 5)), '--out', tmp(), '--json']);
    const api = (JSON.parse(short.stdout) as CapacityJson).services[0];
    expect(api).toMatchObject({ growthPerDay: null, daysToLimit: null, peakTasksNeeded: 5 });
    expect(api.notes).toContain('no forecast: needs at least 7 days with data to fit a trend, got 5 (2026-03-02 to 2026-03-06)');
  });

  test('exit 1 when a service reaches its maximum within 30 days (text output names it)', async () => {
    // Shift the history 12 days later in the growth: Api then reaches 20 in 25 days.
    const file = metricsFile(API) as any;
    for (const m of file.metrics) {
      if (m.metricName === 'CPUUtilization' && m.dimensions.ServiceName !== SHOP.workerName) {
        for (const p of m.points) {
          const day = Math.floor((Date.parse(p.timestamp) - HISTORY_START) / 86_400_000);
          p.value = (p.value * (4 + 0.25 * (day + 12))) / (4 + 0.25 * day);
        }
      }
    }
    const near = await runInProcess(['capacity', assemblyDir, '--metrics', tmpFile(file), '--out', tmp()]);
    expect(near.code).toBe(1);
    expect(near.stdout).toContain(`Shop/${API}: peak 14 of max 20 tasks, +0.25 tasks/day, reaches the maximum in 25 days`);
  });
});

describe('capacity --from/--to over the wire', () => {
  let cw: FakeCloudWatch;
  const apiName = SHOP.apiDeployedName(API);
  beforeAll(async () => {
    const ceiling = template.Metadata['cdk-reliability:capacity'].guardrails[0].alarms.find((a: any) => a.kind === 'ceiling').logicalId;
    cw = await startFakeCloudWatch({
      data: everyPeriod(3600, (t, q) => {
        if (q.Expression === 'SERVICE_QUOTA(usage)') return FARGATE_QUOTA;
        if (q.MetricStat!.Metric.Namespace === 'AWS/Usage') return FARGATE_USAGE;
        return valueAt(q.MetricStat!.Metric.MetricName, q.MetricStat!.Metric.Dimensions!.find((d) => d.Name === 'ServiceName')!.Value, t * 1000);
      }),
      pageSize: 5000,
      // The deployed ceiling alarm carries the service name CloudFormation generated.
      alarms: [{
        AlarmName: `Shop-${ceiling}-QWERTY`,
        Namespace: 'ECS/ContainerInsights',
        MetricName: 'RunningTaskCount',
        Dimensions: [{ Name: 'ClusterName', Value: SHOP.clusterName }, { Name: 'ServiceName', Value: apiName }],
      }],
    });
  });
  afterAll(async () => { await cw?.close(); });

  test('reads the generated service name from the deployed guardrail alarm, fetches hourly averages, same answers', async () => {
    const end = new Date(HISTORY_START + HISTORY_DAYS * 86_400_000);
    // Run 40 days after the history ends: --from is beyond 63 days, so the fetch is hourly (5-minute data is gone).
    const now = new Date(end.getTime() + 40 * 86_400_000);
    const run = await runInProcess(['capacity', assemblyDir, '--from', new Date(HISTORY_START).toISOString(), '--to', end.toISOString(), '--out', tmp(), '--json'],
      { client: () => cw.client(), now });
    expect(run.stderr).toBe('');
    expectKnownAnswers(JSON.parse(run.stdout));
    const describe = cw.calls.filter((c) => c.target.endsWith('DescribeAlarms'));
    expect(describe).toHaveLength(1);
    const queries = cw.calls.filter((c) => c.target.endsWith('GetMetricData')).flatMap((c) => c.body.MetricDataQueries)
      .filter((q: any) => q.MetricStat?.Metric.Namespace !== 'AWS/Usage' && !q.Expression);
    // The quota: Fargate On-Demand vCPU usage and SERVICE_QUOTA of it, once for the Region.
    const quotaCalls = cw.calls.filter((c) => c.target.endsWith('GetMetricData') && c.body.MetricDataQueries.some((q: any) => q.Expression));
    expect(quotaCalls).toHaveLength(1);
    expect(quotaCalls[0].body.MetricDataQueries.map((q: any) => q.Expression ?? q.MetricStat.Metric.Dimensions.map((d: any) => `${d.Name}=${d.Value}`).join(',')))
      .toEqual(['Service=Fargate,Type=Resource,Resource=vCPU,Class=Standard/OnDemand', 'SERVICE_QUOTA(usage)']);
    expect(new Set(queries.map((q: any) => `${q.MetricStat.Metric.MetricName} ${q.MetricStat.Period} ${q.MetricStat.Stat} `
      + q.MetricStat.Metric.Dimensions.map((d: any) => d.Value).join('/')))).toEqual(new Set([
      `RunningTaskCount 3600 Average shop/${apiName}`, `CPUUtilization 3600 Average shop/${apiName}`,
      'RunningTaskCount 3600 Average shop/worker', 'CPUUtilization 3600 Average shop/worker',
    ]));
  });
});

describe('the report\'s capacity rows, read from the same assembly', () => {
  test('bounds and targets from the scalable target and its policies; guardrails (with prices) from the template metadata', () => {
    const rows = collectCapacity(readCloudAssembly(assemblyDir).stacks);
    const guardrailsOf = (r: typeof rows[number]) => r.guardrails?.map((g) => [g.kind, g.monthlyCostUsd]) ?? null;
    expect(rows.map((r) => [r.constructPath, r.minCapacity, r.maxCapacity, r.targets, guardrailsOf(r), r.guardrailsMonthlyCostUsd]))
      .toEqual([
        ['Shop/Api/Service', 2, 20, ['CPU 60 %'], [['ceiling', 0.1], ['shortage', 0.2]], 0.3],
        ['Shop/Worker/Service', 2, 10, ['CPU 50 %'], null, 0],
      ]);
    expect(rows[0].guardrails![0].description).toMatch(/^ApiGuardrails: running tasks at or above 80 % of the maximum of 20 \(16\) for 15 minutes/);
  });
});

test('5-minute averages while CloudWatch keeps them (63 days), hourly beyond', () => {
  const now = Date.UTC(2026, 5, 1);
  expect(fetchPeriod(now - 63 * 86_400_000, now)).toBe(300);
  expect(fetchPeriod(now - 64 * 86_400_000, now)).toBe(3600);
});

describe('capacity usage errors', () => {
  test.each([
    [{}, 'capacity: give --metrics FILE, or --from and --to to fetch the history from CloudWatch'],
    [{ metrics: 'm.json', from: 'now-7d', to: 'now' }, 'capacity: give either --metrics FILE or --from and --to (fetch from CloudWatch), not both'],
    [{ from: 'now-7d' }, 'capacity: --from and --to go together, got only --from'],
    [{ metrics: 'm.json', region: 'eu-west-1' }, 'capacity: --region applies to --from/--to (CloudWatch), not to --metrics'],
  ])('%p', (options, message) => {
    expect(() => checkCapacityOptions({ out: 'x', ...options })).toThrow(message);
  });

  test('a missing metrics file and a range beyond retention exit 2 with the reason', async () => {
    const missing = await runInProcess(['capacity', assemblyDir, '--metrics', '/nonexistent/m.json', '--out', tmp()]);
    expect(missing).toMatchObject({ code: 2, stderr: 'cdk-reliability: Metrics file not found: /nonexistent/m.json\n' });
    const old = await runInProcess(['capacity', assemblyDir, '--from', 'now-500d', '--to', 'now', '--out', tmp()]);
    expect(old.code).toBe(2);
    expect(old.stderr).toMatch(/beyond CloudWatch retention: the capacity forecast needs 3600-second data, which CloudWatch keeps for 455 days/);
  });
});
