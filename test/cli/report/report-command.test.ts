import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { synthExampleApp } from '../../../examples/compliance/example-assembly';
import { COMPLIANCE_PLUGIN_NAMES } from '../../../examples/compliance/packs';
import { parseFormats } from '../../../src/cli/report/report-command';
import { ReliabilityReport } from '../../../src/cli/report/report-model';
import { launchChromium } from '../browser';
import { ACK_REASON, LATENCY_ALARM_NAME, synthReviewApp } from '../review-app';
import { runInProcess } from '../run-cli';

const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));
const readJson = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'reliability-report.json'), 'utf8')) as ReliabilityReport;

describe('report on the example app (every compliance pack)', () => {
  const compliance = synthExampleApp();
  const out = tmp('cdk-reliability-example-report-');
  let run: Awaited<ReturnType<typeof runInProcess>>;
  beforeAll(async () => { run = await runInProcess(['report', compliance.assemblyDir, '--out', out]); });

  test('exits 0 with zero open findings and prints the report paths', () => {
    expect(compliance.findings).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Report: ${path.join(out, 'reliability-report.html')}`);
    expect(run.stdout).toContain(`Report: ${path.join(out, 'reliability-report.md')}`);
    expect(run.stdout).toContain('0 open finding(s)');
  });

  test('lists every stack and every acknowledgement of the app with its reason', () => {
    const report = readJson(out);
    expect(report.stacks).toEqual(expect.arrayContaining(['Alerting']));
    const acknowledged = report.findings.filter((f) => f.status === 'acknowledged');
    for (const ack of compliance.acknowledgements) {
      expect(acknowledged).toContainEqual(expect.objectContaining({ constructPath: ack.constructPath, reason: ack.reason }));
    }
    // One acknowledgement can cover several findings (aws-cdk-lib's W3010 on the stack covers every
    // subnet's literal AZ), so the check goes the other way too: each acknowledged finding has one.
    for (const finding of acknowledged) {
      const covering = compliance.acknowledgements.filter((a) => a.reason === finding.reason
        && (finding.constructPath === a.constructPath || finding.constructPath.startsWith(`${a.constructPath}/`)));
      expect([finding.rule, finding.constructPath, covering.length > 0]).toEqual([finding.rule, finding.constructPath, true]);
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(compliance.acknowledgements.length);
  });

  test('the recovery table: the critical tier met by Checkout\'s warm standby; practice runs shown as not run by this report', () => {
    const dr = readJson(out).disasterRecovery;
    expect(dr.recoveryStrategies).toEqual([expect.objectContaining({
      constructPath: 'OrdersData/OrdersBackup',
      tier: 'critical',
      declaredRpo: '15 min',
      declaredRto: '1 h',
      strategy: 'warm standby',
      achievable: 'RPO ≥ 1 min, RTO ≥ 15 min',
      meetsRto: 'yes',
      strategyNeeded: 'warm standby',
      recoveredBy: 'CheckoutStandby/CheckoutRecovery',
    })]);
    expect(dr.regionSwitchPlans).toEqual([expect.objectContaining({
      constructPath: 'CheckoutStandby/CheckoutRecovery',
      regions: 'us-east-1 → us-west-2',
      practiceRuns: 'cron(0 10 ? * WED#1 *)',
      steps: ['ScaleUpService (ECSServiceScaling)', 'MoveTraffic (Route53HealthCheck)'],
      trigger: 'none (started by hand)',
      lastPractice: expect.stringContaining('not run by this report'),
    })]);
    const markdown = fs.readFileSync(path.join(out, 'reliability-report.md'), 'utf8');
    expect(markdown).toContain('### Recovery strategies');
    expect(markdown).toContain('| OrdersData/OrdersBackup | critical | 15 min | 1 h | warm standby | RPO ≥ 1 min, RTO ≥ 15 min | yes |');
  });

  test('every registered pack ran (ReliabilityChecks records them), even those with nothing to report', () => {
    const report = readJson(out);
    expect(report.packs.map((p) => [p.pack, p.ran])).toEqual(expect.arrayContaining(COMPLIANCE_PLUGIN_NAMES.map((n) => [n, true])));
    expect(report.packs.filter((p) => p.ran !== true)).toEqual([]);
  });
});

describe('report on a non-compliant app with every section', () => {
  const assemblyDir = synthReviewApp();
  const out = tmp('cdk-reliability-review-report-');
  let run: Awaited<ReturnType<typeof runInProcess>>;
  let report: ReliabilityReport;
  beforeAll(async () => {
    run = await runInProcess(['report', assemblyDir, '--out', out, '--format', 'html,md,json']);
    report = readJson(out);
  });

  test('exits 1 while findings are open', () => {
    expect(run.code).toBe(1);
    expect(report.findings.filter((f) => f.status === 'open').length).toBeGreaterThan(0);
  });

  test('without ReliabilityChecks no record: a pack known only from acknowledgements is unknown, not passed', () => {
    expect(report.registeredPlugins).toBeNull();
    expect(report.packs.find((p) => p.pack === 'AwsSolutions')?.ran).toBe(true);
    expect(report.packs.find((p) => p.pack === 'cdk-validator-cfnguard')?.ran).toBeNull();
  });

  test('findings per pack with severities, construct paths and fixes', () => {
    expect(report.packs.map((p) => p.pack)).toEqual(expect.arrayContaining(['AwsSolutions', 'NIST.800.53.R5']));
    expect(report.findings).toContainEqual(expect.objectContaining({
      pack: 'AwsSolutions', rule: 'AwsSolutions-S10', severity: 'error', constructPath: 'Review/Uploads/Resource', status: 'open',
    }));
    expect(report.findings).toContainEqual(expect.objectContaining({
      pack: 'NIST.800.53.R5', rule: 'NIST.800.53.R5-CloudWatchAlarmAction', constructPath: 'Review/LatencyAlarm/Resource',
    }));
  });

  test('acknowledgements recorded with Validations.acknowledge, each with its reason', () => {
    const acknowledged = report.findings.filter((f) => f.status === 'acknowledged');
    expect(acknowledged).toContainEqual(
      expect.objectContaining({ pack: 'AwsSolutions', rule: 'AwsSolutions-S1', constructPath: 'Review/Uploads', reason: ACK_REASON }));
    // The SloAlarmSet acknowledges the missing actions of its window alarms itself (cfn-guard id, pack before '::').
    expect(acknowledged).toContainEqual(expect.objectContaining({
      pack: 'cdk-validator-cfnguard', rule: 'cloudwatch_alarm_action_check', constructPath: 'Review/CheckoutSlos/Availability/Page1h5mLong',
    }));
    for (const ack of acknowledged) expect(ack.reason!.length).toBeGreaterThan(40);
  });

  test('SLO table from the SloAlarmSet metadata', () => {
    expect(report.slos).toEqual([expect.objectContaining({
      service: 'checkout', name: 'Availability', objectivePercent: 99.9, window: '30 d', alarmCount: 9,
    })]);
    expect(report.slos[0].windows.map((w) => [w.severity, w.longWindow, w.shortWindow, w.burnRate])).toEqual([
      ['PAGE', '1 h', '5 min', 14.4], ['PAGE', '6 h', '30 min', 6], ['TICKET', '1 d', '2 h', 3], ['TICKET', '3 d', '6 h', 1],
    ]);
    expect(report.slos[0].windows[0].threshold).toBeCloseTo(0.0144, 10);
    expect(report.slos[0].monthlyCostUsd).toBeGreaterThan(0);
  });

  test('DR objectives, backup plan, vault lock', () => {
    expect(report.disasterRecovery.resiliencyPolicies).toEqual([expect.objectContaining({
      name: 'checkout-critical',
      tier: 'Critical',
      objectives: expect.arrayContaining([{ disruption: 'Region', rto: '4 h', rpo: '1 h' }, { disruption: 'AZ', rto: '15 min', rpo: '5 min' }]),
    })]);
    expect(report.disasterRecovery.backupPlans).toEqual([expect.objectContaining({
      name: 'checkout-hourly',
      rules: [expect.objectContaining({ name: 'Hourly', schedule: 'cron(0 * * * ? *)', retention: 'delete after 35 days' })],
      resources: ['arn:aws:dynamodb:eu-west-1:111111111111:table/orders'],
    })]);
    expect(report.disasterRecovery.vaults[0].lock).toBe('vault lock: min retention 7 days, max 35 days, compliance mode after 3 days');
  });

  test('chaos experiment with its stop condition alarm', () => {
    expect(report.chaosExperiments).toEqual([expect.objectContaining({
      description: 'Stop a third of the checkout tasks',
      stopConditions: [LATENCY_ALARM_NAME],
      actions: ['StopTasks: aws:ecs:stop-task'],
      targets: ['Tasks: aws:ecs:task (PERCENT(33))'],
    })]);
  });

  test('rollback alarms of the ECS service and the pipeline stage', () => {
    expect(report.rollbackAlarms).toEqual([
      expect.objectContaining({ kind: 'ECS service', target: 'checkout', alarms: [LATENCY_ALARM_NAME], onAlarm: 'roll back; circuit breaker with rollback' }),
      expect.objectContaining({ kind: 'CodePipeline stage Deploy (OnFailure)', target: 'checkout-delivery', alarms: [LATENCY_ALARM_NAME], onAlarm: 'ROLLBACK' }),
    ]);
  });

  test('the HTML page filters the real findings by pack in a browser', async () => {
    const nist = report.findings.filter((f) => f.pack === 'NIST.800.53.R5').length;
    const acknowledgedOutsideNist = report.findings.filter((f) => f.status === 'acknowledged' && f.pack !== 'NIST.800.53.R5').length;
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`file://${path.join(out, 'reliability-report.html')}`);
      const rows = () => page.locator('tr.finding:visible').count();
      expect(await rows()).toBe(report.findings.length);
      await page.locator('input[data-filter="pack"][value="NIST.800.53.R5"]').click();
      expect(await rows()).toBe(report.findings.length - nist);
      await page.locator('input[data-filter="status"][value="open"]').click();
      expect(await rows()).toBe(acknowledgedOutsideNist);
      expect(acknowledgedOutsideNist).toBeLessThan(report.findings.length - nist);
    } finally {
      await browser.close();
    }
  });

  test('--format md writes only the Markdown', async () => {
    const mdOnly = tmp('cdk-reliability-md-');
    const result = await runInProcess(['report', assemblyDir, '--out', mdOnly, '--format', 'md']);
    expect(result.code).toBe(1);
    expect(fs.readdirSync(mdOnly)).toEqual(['reliability-report.md']);
  });
});

describe('report: bad inputs exit 2 with a clear message', () => {
  test('missing assembly', async () => {
    const result = await runInProcess(['report', '/nonexistent/cdk.out']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("cdk-reliability: Cloud assembly not found: /nonexistent/cdk.out is not a directory. Run 'cdk synth' first or pass the assembly directory (default: cdk.out).\n");
  });

  test('a directory without manifest.json', async () => {
    const dir = tmp('cdk-reliability-empty-');
    const result = await runInProcess(['report', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${dir} has no manifest.json`);
  });

  test('malformed manifest and template name the file', async () => {
    const dir = tmp('cdk-reliability-bad-');
    fs.writeFileSync(path.join(dir, 'manifest.json'), '{ "artifacts": ');
    let result = await runInProcess(['report', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Cloud assembly manifest ${path.join(dir, 'manifest.json')} is not valid JSON`);

    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({
      version: '55.0.0', artifacts: { S: { type: 'aws:cloudformation:stack', properties: { templateFile: 'S.template.json' } } },
    }));
    fs.writeFileSync(path.join(dir, 'S.template.json'), 'not json');
    result = await runInProcess(['report', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Template of stack S ${path.join(dir, 'S.template.json')} is not valid JSON`);
  });

  test('unknown --format', async () => {
    expect(() => parseFormats('html,pdf')).toThrow('--format must be a comma-separated list of html, md, json, got "html,pdf"');
    const result = await runInProcess(['report', '/nonexistent', '--format', 'pdf']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--format must be a comma-separated list of html, md, json, got "pdf"');
  });
});
