import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { synthExampleApp } from '../../../examples/compliance/example-assembly';
import { SloStatus } from '../../../src/cli/slo-status/slo-status-model';
import { FakeCloudWatch, FakeQuery, startFakeCloudWatch } from '../fake-cloudwatch';
import { synthReviewApp } from '../review-app';
import { runInProcess } from '../run-cli';

const NOW = new Date('2026-06-01T00:00:30Z');
const END_S = Date.parse('2026-06-01T00:00:00Z') / 1000;

/**
 * Checkout traffic: 100 requests a minute; `errorsPerMinute` failed during the last 10 minutes.
 * The fake answers the SLI's expression query with bad / valid over the requested range, as
 * CloudWatch computes metric math on one datapoint per period.
 */
function traffic(errorsPerMinute: number, requestsPerMinute = 100) {
  return (query: FakeQuery, startS: number, endS: number): Array<[number, number]> => {
    if (!query.Expression) return [];
    const minutes = (endS - startS) / 60;
    const valid = requestsPerMinute * minutes;
    const bad = errorsPerMinute * Math.min(10, minutes);
    return valid === 0 ? [] : [[startS, bad / valid]];
  };
}

interface StatusJson { at: string; slos: SloStatus[] }

describe('slo-status on the review app', () => {
  const assemblyDir = synthReviewApp();
  let cw: FakeCloudWatch;
  afterEach(async () => { await cw?.close(); });

  test('an incident in the last 10 minutes: budget left, burn rates per window, pairs firing, exit 1', async () => {
    cw = await startFakeCloudWatch({ data: traffic(50) });
    const regions: Array<string | undefined> = [];
    const run = await runInProcess(['slo-status', assemblyDir, '--json'], { client: () => cw.client(), now: NOW, regions });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as StatusJson;
    expect(json.at).toBe('2026-06-01T00:00:00.000Z');
    expect(regions[0]).toBe('eu-west-1');
    const [status] = json.slos;
    expect(status).toMatchObject({ stack: 'Review', service: 'checkout', name: 'Availability', objectivePercent: 99.9, windowSeconds: 2_592_000 });
    // 500 bad of 4,320,000 valid over 30 days.
    expect(status.errorRatio).toBeCloseTo(500 / 4_320_000, 12);
    expect(status.attainmentPercent).toBeCloseTo(99.98843, 4);
    expect(status.errorBudgetRemainingPercent).toBeCloseTo(88.426, 2);
    expect(status.errorBudgetRemainingMinutes).toBeCloseTo(38.2, 1);
    expect(status.alerts.map((a) => [a.severity, a.longWindowSeconds, a.shortWindowSeconds, a.firing])).toEqual([
      ['PAGE', 3600, 300, true], ['PAGE', 21600, 1800, true], ['TICKET', 86400, 7200, true], ['TICKET', 259200, 21600, true],
    ]);
    expect(status.alerts[0].longBurnRate).toBeCloseTo(500 / 6000 / 0.001, 6);
    expect(status.alerts[0].shortBurnRate).toBeCloseTo(250 / 500 / 0.001, 6);

    // One GetMetricData per distinct window, period = window, ending at the last whole minute.
    const calls = cw.calls.filter((c) => c.target.endsWith('.GetMetricData'));
    expect(calls.map((c) => c.body.MetricDataQueries[1].MetricStat.Period)).toEqual([2592000, 3600, 300, 21600, 1800, 86400, 7200, 259200]);
    expect(calls.every((c) => c.body.EndTime === END_S && c.body.StartTime === END_S - c.body.MetricDataQueries[1].MetricStat.Period)).toBe(true);
    expect(calls[0].body.MetricDataQueries).toEqual([
      { Id: 'errorRatio', Expression: 'FILL(bad, 0) / valid', ReturnData: true },
      { Id: 'bad', ReturnData: false, MetricStat: { Metric: { Namespace: 'Shop', MetricName: 'Errors', Dimensions: [{ Name: 'Service', Value: 'checkout' }] }, Period: 2592000, Stat: 'Sum' } },
      { Id: 'valid', ReturnData: false, MetricStat: { Metric: { Namespace: 'Shop', MetricName: 'Requests', Dimensions: [{ Name: 'Service', Value: 'checkout' }] }, Period: 2592000, Stat: 'Sum' } },
    ]);
  });

  test('quiet traffic: full budget, no pair firing, exit 0, text output', async () => {
    cw = await startFakeCloudWatch({ data: traffic(0) });
    const run = await runInProcess(['slo-status', assemblyDir], { client: () => cw.client(), now: NOW });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('checkout / Availability (Review): objective 99.9% over 30 d');
    expect(run.stdout).toContain('attainment 100.000%, error budget remaining 100.0% (43.2 min of full outage)');
    expect(run.stdout).toMatch(/PAGE +1 h: +0\.00× +5 min: +0\.00× +alerts at 14\.4×\n/);
    expect(run.stdout).not.toContain('FIRING');
  });

  test('no traffic at all: no data rather than a made-up number', async () => {
    cw = await startFakeCloudWatch({ data: traffic(0, 0) });
    const run = await runInProcess(['slo-status', assemblyDir, '--json'], { client: () => cw.client(), now: NOW });
    expect(run.code).toBe(0);
    const [status] = (JSON.parse(run.stdout) as StatusJson).slos;
    expect(status.attainmentPercent).toBeNull();
    expect(status.alerts[0].longBurnRate).toBeNull();
  });
});

describe('slo-status: assemblies without SLOs and bad metadata', () => {
  const handmade = (metadata: unknown) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-reliability-slo-'));
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({
      version: '55.0.0', artifacts: { S: { type: 'aws:cloudformation:stack', properties: { templateFile: 'S.template.json' } } },
    }));
    fs.writeFileSync(path.join(dir, 'S.template.json'), JSON.stringify({ Resources: {}, ...(metadata ? { Metadata: metadata } : {}) }));
    return dir;
  };

  test('no SloAlarmSet: says so, exit 0, no AWS call', async () => {
    const run = await runInProcess(['slo-status', handmade(undefined)]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('No SLO metadata in the assembly (no SloAlarmSet).\n');
  });

  test('an unknown metadata format version is a usage error', async () => {
    const run = await runInProcess(['slo-status', handmade({ 'cdk-reliability:slos': { formatVersion: 2, alarmSets: [] } })]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Metadata.cdk-reliability:slos: formatVersion must be 1, got 2 (upgrade cdk-reliability)');
  });

  test('missing assembly', async () => {
    const run = await runInProcess(['slo-status', '/nonexistent/cdk.out']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Cloud assembly not found');
  });
});

describe('slo-status on the example app', () => {
  test('every SLO of the example app gets a status (token dimensions read from the deployed alarms)', async () => {
    // The example app's cached synthesis, shared with the other tests that read it.
    const { assemblyDir } = synthExampleApp();
    const manifest = JSON.parse(fs.readFileSync(path.join(assemblyDir, 'manifest.json'), 'utf8'));
    const deployed: Array<Record<string, unknown>> = [];
    let sloCount = 0;
    for (const [id, artifact] of Object.entries<any>(manifest.artifacts)) {
      if (artifact.type !== 'aws:cloudformation:stack') continue;
      const template = JSON.parse(fs.readFileSync(path.join(assemblyDir, artifact.properties.templateFile), 'utf8'));
      for (const set of template.Metadata?.['cdk-reliability:slos']?.alarmSets ?? []) sloCount += set.slos.length;
      for (const [logicalId, resource] of Object.entries<any>(template.Resources ?? {})) {
        if (resource.Type !== 'AWS::CloudWatch::Alarm') continue;
        deployed.push(deployedCopy(`${artifact.displayName ?? id}-${logicalId}-FAKE0001`, resource.Properties));
      }
    }
    const cw = await startFakeCloudWatch({ data: traffic(0), alarms: deployed });
    try {
      const run = await runInProcess(['slo-status', assemblyDir, '--json'], { client: () => cw.client(), now: NOW });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const json = JSON.parse(run.stdout) as StatusJson;
      expect(json.slos).toHaveLength(sloCount);
      for (const status of json.slos) expect(status.errorBudgetRemainingPercent).toBe(100);
    } finally {
      await cw.close();
    }
  });
});

/** What DescribeAlarms returns for a template's alarm once deployed: intrinsics replaced by values. */
function deployedCopy(alarmName: string, properties: Record<string, any>): Record<string, unknown> {
  const value = (v: unknown) => (typeof v === 'string' ? v : 'deployed-value');
  const dims = (list: any[] | undefined) => (list ?? []).map((d) => ({ Name: d.Name, Value: value(d.Value) }));
  return {
    AlarmName: alarmName,
    Namespace: properties.Namespace,
    MetricName: properties.MetricName,
    Dimensions: properties.MetricName ? dims(properties.Dimensions) : undefined,
    Metrics: (properties.Metrics ?? []).map((m: any) => (m.MetricStat
      ? { ...m, MetricStat: { ...m.MetricStat, Metric: { ...m.MetricStat.Metric, Dimensions: dims(m.MetricStat.Metric.Dimensions) } } }
      : m)),
  };
}
