import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Duration, Stack, Validations, aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as actions, aws_sns as sns, aws_sns_subscriptions as subscriptions } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { COMPLIANCE_PLUGIN_NAMES, registerCompliancePacks } from '../../../examples/compliance/packs';
import { ReliabilityReport } from '../../../src/cli/report/report-model';
import { ReliabilityChecks } from '../../../src/nag';
import { VALIDATION_PLUGINS_METADATA } from '../../../src/nag/plugin-record';
import { ServiceLevelObjective, SloAlarmSet } from '../../../src/slo';
import { runInProcess } from '../run-cli';

/**
 * B3: the summary must never show a pack that did not run as passed. The app is a small SloAlarmSet,
 * which acknowledges NIST 800-53, HIPAA and cfn-guard findings on its window alarms whether or not
 * those packs are registered: the acknowledgements alone once made such packs read "0 open".
 */
function buildApp(app: App): void {
  const stack = new Stack(app, 'Slos', { env: { account: '111111111111', region: 'eu-west-1' } });
  const metric = (metricName: string) => new cloudwatch.Metric({
    namespace: 'Shop', metricName, dimensionsMap: { Service: 'checkout' }, statistic: 'Sum', period: Duration.minutes(1),
  });
  const topic = new sns.Topic(stack, 'Pages', { enforceSSL: true });
  Validations.of(topic).acknowledge({ id: 'AwsSolutions-SNS2', reason: 'Test topic: pages carry alarm names only, no data that needs a customer key' });
  // Someone reads the pages: a topic without a subscriber is itself a Reliability finding.
  topic.addSubscription(new subscriptions.EmailSubscription('oncall@example.com'));
  new SloAlarmSet(stack, 'Checkout', {
    serviceName: 'checkout',
    slos: [ServiceLevelObjective.availability({ name: 'Availability', objectivePercent: 99.9, badEvents: metric('Errors'), validEvents: metric('Requests') })],
    pageActions: [new actions.SnsAction(topic)],
    ticketActions: [new actions.SnsAction(topic)],
  });
}

function synth(register: (app: App) => void, strip = false): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-reliability-ran-'));
  const app = new App({ outdir });
  register(app);
  buildApp(app);
  try {
    app.synth();
  } catch (error) {
    if (!fs.existsSync(path.join(outdir, 'validation-report.json'))) throw error;
  }
  if (strip) stripRecord(outdir);
  return outdir;
}

/** An assembly as an older cdk-reliability (or a ReliabilityChecks built without the app) leaves it: no record. */
function stripRecord(outdir: string): void {
  for (const file of fs.readdirSync(outdir).filter((f) => f.endsWith('.metadata.json') || f === 'manifest.json')) {
    const full = path.join(outdir, file);
    const text = fs.readFileSync(full, 'utf8');
    const json = JSON.parse(text, (_k, v) => (Array.isArray(v) ? v.filter((e) => !(e && e.type === VALIDATION_PLUGINS_METADATA)) : v));
    fs.writeFileSync(full, JSON.stringify(json));
  }
}

async function report(assemblyDir: string): Promise<{ json: ReliabilityReport; md: string; html: string }> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-reliability-ran-report-'));
  const run = await runInProcess(['report', assemblyDir, '--out', out]);
  expect(run.stderr).not.toContain('unexpected error');
  const read = (ext: string) => fs.readFileSync(path.join(out, `reliability-report.${ext}`), 'utf8');
  return { json: JSON.parse(read('json')), md: read('md'), html: read('html') };
}

const ranOf = (r: ReliabilityReport) => Object.fromEntries(r.packs.map((p) => [p.pack, p.ran]));

describe('an app that registered only AwsSolutions and ReliabilityChecks', () => {
  let result: Awaited<ReturnType<typeof report>>;
  beforeAll(async () => {
    result = await report(synth((app) => Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ReliabilityChecks(app))));
  });

  test('NIST 800-53 and HIPAA (known only from acknowledgements) did not run; Reliability ran with nothing open', () => {
    const ran = ranOf(result.json);
    expect(ran).toMatchObject({
      'AwsSolutions': true,
      'Reliability': true,
      'CloudFormation Validate': true,
      'NIST.800.53.R5': false,
      'HIPAA.Security': false,
      'cdk-validator-cfnguard': false,
    });
    expect(result.json.packs.find((p) => p.pack === 'Reliability')).toEqual({ pack: 'Reliability', ran: true, open: {}, openTotal: 0, acknowledged: 0 });
    expect(result.json.registeredPlugins).toEqual(['AwsSolutions', 'Reliability', 'CloudFormation Validate']);
  });

  test('every pack entry carries ran: true, false or null', () => {
    for (const p of result.json.packs) expect([true, false, null]).toContain(p.ran);
  });

  test('Markdown and HTML say "not run", never "0 open", for the packs that did not run', () => {
    const nist = result.json.packs.find((p) => p.pack === 'NIST.800.53.R5')!;
    expect(result.md).toContain(`| NIST.800.53.R5 | not run | – | – | ${nist.acknowledged} |`);
    expect(result.md).toContain('| Reliability | ran | 0 | – | 0 |');
    expect(result.md).not.toMatch(/\| NIST\.800\.53\.R5 \| [^|]*\| 0 \|/);
    expect(result.html).toContain(`<tr><td>NIST.800.53.R5</td><td>not run</td><td>–</td><td>–</td><td>${nist.acknowledged}</td></tr>`);
  });

  test('an assembly without the record: packs absent from validation-report.json are unknown (null)', async () => {
    const dir = synth((app) => Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ReliabilityChecks(app)), true);
    const stripped = await report(dir);
    const ran = ranOf(stripped.json);
    expect(stripped.json.registeredPlugins).toBeNull();
    const inReport: string[] = JSON.parse(fs.readFileSync(path.join(dir, 'validation-report.json'), 'utf8')).pluginReports.map((r: { pluginName: string }) => r.pluginName);
    for (const name of inReport) expect([name, ran[name]]).toEqual([name, true]);
    expect(inReport).not.toContain('AwsSolutions'); // nothing open: aws-cdk-lib left it out
    expect(ran.AwsSolutions).toBeNull();
    expect(ran['NIST.800.53.R5']).toBeNull();
    expect(ran['HIPAA.Security']).toBeNull();
    expect(stripped.md).toMatch(/\| NIST\.800\.53\.R5 \| unknown \| – \| – \| \d+ \|/);
    expect(stripped.md).toContain('so a pack not in the report is "unknown"');
  });

  test('a ReliabilityChecks built without the app records nothing: unknown, not "not run"', async () => {
    const noScope = await report(synth((app) => Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ReliabilityChecks())));
    expect(noScope.json.registeredPlugins).toBeNull();
    expect(ranOf(noScope.json)['NIST.800.53.R5']).toBeNull();
  });
});

describe('the same app under every compliance pack', () => {
  test('every pack ran, whether or not it reported anything', async () => {
    const all = await report(synth(registerCompliancePacks));
    const ran = ranOf(all.json);
    for (const name of COMPLIANCE_PLUGIN_NAMES) expect([name, ran[name]]).toEqual([name, true]);
    expect(all.json.packs.filter((p) => p.ran !== true)).toEqual([]);
  });
});
