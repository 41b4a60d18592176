/**
 * What aws-cdk-lib's CloudFormation Validate plugin spends on one template, and on which resources.
 *
 * Synthesizes one plain ApplicationLoadBalancedFargateService stack and one ReliableService stack (as
 * bench/synth.ts builds them), then validates each template, and variants of the ReliableService one,
 * through the plugin's public `validate()` many times in one process. The first calls warm the
 * engine up (it compiles its checks lazily, per resource type); the table shows steady-state medians.
 *
 * Run:  npx ts-node --transpile-only --project tsconfig.dev.json bench/validation-cost.ts [--rounds 25]
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { App, CloudFormationValidatePlugin, Stack } from 'aws-cdk-lib';
import { addPlainService, addReliableService, BENCH_ENV } from './service-stacks';
import { ReliableService } from '../src/service';

type Template = { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };

function synthesizeTemplates(outdir: string): { plain: Template; reliable: Template } {
  // Templates only: the plugin under test is called by hand below.
  process.env.CDK_VALIDATION = 'false';
  const app = new App({ outdir });
  addPlainService(new Stack(app, 'plain', { env: BENCH_ENV }));
  addReliableService(new Stack(app, 'reliable', { env: BENCH_ENV }), ReliableService);
  const assembly = app.synth();
  delete process.env.CDK_VALIDATION;
  return {
    plain: assembly.getStackByName('plain').template as Template,
    reliable: assembly.getStackByName('reliable').template as Template,
  };
}

function without(template: Template, type: string): Template {
  return { ...template, Resources: Object.fromEntries(Object.entries(template.Resources).filter(([, r]) => r.Type !== type)) };
}

/** Every Fn::GetAtt / Ref inside the alarms replaced by a literal: what the references themselves cost. */
function alarmReferencesAsLiterals(template: Template): Template {
  const literal = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(literal);
    if (value && typeof value === 'object') {
      if ('Fn::GetAtt' in value || 'Ref' in value) return 'app/literal/0123456789abcdef';
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, literal(v)]));
    }
    return value;
  };
  return mapAlarms(template, (properties) => literal(properties) as Record<string, unknown>);
}

/** The same references written as Fn::Sub: a form CDK does not emit, measured in case the engine checks it faster. */
function alarmGetAttsAsSub(template: Template): Template {
  const sub = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sub);
    if (value && typeof value === 'object') {
      const getAtt = (value as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'];
      if (getAtt) return { 'Fn::Sub': `\${${getAtt[0]}.${getAtt[1]}}` };
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sub(v)]));
    }
    return value;
  };
  return mapAlarms(template, (properties) => sub(properties) as Record<string, unknown>);
}

type Query = { Id: string; Expression?: string; ReturnData?: boolean };

/** Availability alarms with their `bad` and `valid` sub-expressions inlined: 2 queries fewer each. */
function availabilityExpressionsInlined(template: Template): Template {
  return mapAlarms(template, (properties) => {
    const queries = properties.Metrics as Query[] | undefined;
    const bad = queries?.find((q) => q.Id === 'bad')?.Expression;
    const valid = queries?.find((q) => q.Id === 'valid')?.Expression;
    if (!queries || !bad || !valid) return properties;
    const metrics = queries.filter((q) => q.Id !== 'bad' && q.Id !== 'valid').map((q) => (q.ReturnData
      ? { ...q, Expression: q.Expression!.replace(/\bbad\b/g, `(${bad})`).replace(/\bvalid\b/g, `(${valid})`) }
      : q));
    return { ...properties, Metrics: metrics };
  });
}

/**
 * Every metric-math alarm turned into a single-metric alarm on one of its metrics: the shape each
 * window alarm would have if it watched a precomputed burn-rate metric (Application Signals'
 * `BurnRate`) instead of computing the ratio itself.
 */
function alarmsAsSingleMetric(template: Template): Template {
  return mapAlarms(template, (properties) => {
    const queries = properties.Metrics as { MetricStat?: { Metric: Record<string, unknown>; Period: number; Stat: string } }[] | undefined;
    const stat = queries?.find((q) => q.MetricStat)?.MetricStat;
    if (!stat) return properties;
    const { Metrics: _metrics, ...rest } = properties;
    return { ...rest, ...stat.Metric, Period: stat.Period, Statistic: 'Sum' };
  });
}

function mapAlarms(template: Template, f: (properties: Record<string, unknown>) => Record<string, unknown>): Template {
  const resources = Object.fromEntries(Object.entries(template.Resources).map(([id, r]) =>
    [id, r.Type === 'AWS::CloudWatch::Alarm' ? { ...r, Properties: f(r.Properties ?? {}) } : r]));
  return { ...template, Resources: resources };
}

function countMetricQueries(template: Template): { stats: number; expressions: number } {
  let stats = 0;
  let expressions = 0;
  for (const r of Object.values(template.Resources)) {
    for (const query of (r.Properties?.Metrics ?? []) as { MetricStat?: unknown; Expression?: string }[]) {
      if (query.MetricStat) stats++;
      if (query.Expression) expressions++;
    }
  }
  return { stats, expressions };
}

function main(argv: string[]): void {
  const roundsAt = argv.indexOf('--rounds');
  const rounds = roundsAt >= 0 ? Number(argv[roundsAt + 1]) : 25;
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-validation-'));
  const { plain, reliable } = synthesizeTemplates(path.join(outdir, 'cdk.out'));
  const variants: [string, Template][] = [
    ['plain ApplicationLoadBalancedFargateService', plain],
    ['ReliableService', reliable],
    ['ReliableService without its dashboard', without(reliable, 'AWS::CloudWatch::Dashboard')],
    ['ReliableService without its composite alarms', without(reliable, 'AWS::CloudWatch::CompositeAlarm')],
    ['ReliableService without its metric alarms', without(reliable, 'AWS::CloudWatch::Alarm')],
    ['ReliableService, alarm GetAtt/Ref as literals', alarmReferencesAsLiterals(reliable)],
    ['ReliableService, alarm GetAtt as Fn::Sub', alarmGetAttsAsSub(reliable)],
    ['ReliableService, availability bad/valid inlined', availabilityExpressionsInlined(reliable)],
    ['ReliableService, every metric alarm on a single metric', alarmsAsSingleMetric(reliable)],
  ];
  const plugin = new CloudFormationValidatePlugin();
  const app = new App();
  const files = variants.map(([, template], i) => {
    const file = path.join(outdir, `variant${i}.template.json`);
    fs.writeFileSync(file, JSON.stringify(template));
    return file;
  });
  const validate = (file: string) => {
    const started = performance.now();
    plugin.validate({
      templatePaths: [file],
      stackTemplates: [{ stackConstructPath: 'bench', templatePath: file, accountId: BENCH_ENV.account, region: BENCH_ENV.region }],
      appConstruct: app,
    });
    return performance.now() - started;
  };
  // The plugin rebuilds its engine whenever a template brings a resource type the engine was not built
  // for (seconds each time); one first call with every type keeps one engine for all variants.
  const union: Template = { Resources: { ...reliable.Resources } };
  for (const [id, r] of Object.entries(plain.Resources)) union.Resources[`Plain${id}`] = r;
  const unionFile = path.join(outdir, 'union.template.json');
  fs.writeFileSync(unionFile, JSON.stringify(union));
  const engineStartMs = validate(unionFile);
  const firstCall = files.map(validate);
  for (let warm = 0; warm < 5; warm++) files.forEach(validate);
  const samples: number[][] = files.map(() => []);
  // Interleaved rounds: machine noise spreads over every variant alike.
  for (let round = 0; round < rounds; round++) files.forEach((file, i) => samples[i].push(validate(file)));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const reliableMs = median(samples[1]);
  console.log(`CloudFormation Validate on one template (steady-state median of ${rounds}; ${os.cpus().length} CPUs, Node ${process.version})\n`);
  console.log(`Engine start-up and first call (every resource type of both templates): ${engineStartMs.toFixed(0)} ms\n`);
  console.log('| template | resources | metric stats / expressions in alarms | first call (ms) | steady (ms) | vs ReliableService |');
  console.log('|---|---:|---:|---:|---:|---:|');
  variants.forEach(([name, template], i) => {
    const q = countMetricQueries(template);
    const ms = median(samples[i]);
    console.log(`| ${name} | ${Object.keys(template.Resources).length} | ${q.stats} / ${q.expressions} | ${firstCall[i].toFixed(0)} `
      + `| ${ms.toFixed(1)} | ${(ms - reliableMs >= 0 ? '+' : '') + (ms - reliableMs).toFixed(1)} |`);
  });
  fs.rmSync(outdir, { recursive: true, force: true });
}

main(process.argv.slice(2));
