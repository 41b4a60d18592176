/**
 * Overhead of the ReliabilityChecks pack on a 50-stack synth, side by side with and without it.
 *
 *   npx ts-node --project tsconfig.dev.json bench/nag-overhead.ts
 *
 * Each measurement runs in its own child process, so that peak RSS is the child's own and one run's
 * heap cannot warm or burden the next. Runs alternate between "without" and "with" to spread machine
 * noise evenly; the table shows medians. Two configurations are measured: aws-cdk-lib's defaults
 * (its built-in "CloudFormation Validate" plugin on, as every user gets it) and with that plugin off,
 * which isolates the pack's own cost. Goal: at most 10 % extra wall time.
 *
 * Environment: BENCH_REPS (default 3), BENCH_STACKS (default 50).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';

const STACKS = Number(process.env.BENCH_STACKS ?? 50);
const REPS = Number(process.env.BENCH_REPS ?? 3);

interface Sample {
  /** App construction + synth (including validation plugins), measured in the child. */
  readonly synthSeconds: number;
  /** Whole child process, including Node and ts-node start-up. */
  readonly processSeconds: number;
  /** Inside ReliabilityChecks.validateScope only. */
  readonly packSeconds: number;
  readonly peakRssMb: number;
  readonly findings: number;
}

type Mode = 'without' | 'with';

if (process.argv[2] === '--child') {
  runChild(process.argv[3] as Mode, process.argv[4] === 'builtin-on');
} else {
  runParent();
}

function runChild(mode: Mode, builtinValidation: boolean): void {
  // Required lazily so the parent does not pay for loading aws-cdk-lib.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { App, Stack, Validations, aws_ec2: ec2, aws_ecs: ecs, aws_ecs_patterns: patterns } = require('aws-cdk-lib') as typeof import('aws-cdk-lib');
  const { ReliabilityChecks } = require('../src/nag') as typeof import('../src/nag');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `nag-overhead-${mode}-`));
  // Time spent inside the pack's own validation, to tell it apart from what registering any plugin costs.
  let packSeconds = 0;
  const validateScope = ReliabilityChecks.prototype.validateScope;
  ReliabilityChecks.prototype.validateScope = function timed(this: InstanceType<typeof ReliabilityChecks>, scope) {
    const packStart = performance.now();
    try {
      return validateScope.call(this, scope);
    } finally {
      packSeconds += (performance.now() - packStart) / 1000;
    }
  };
  const start = performance.now();
  const app = new App({ outdir, builtinCloudFormationValidation: builtinValidation });
  if (mode === 'with') Validations.of(app).addPlugins(new ReliabilityChecks(app));
  for (let i = 0; i < STACKS; i++) {
    const stack = new Stack(app, `Service${i}`);
    const vpc = new ec2.Vpc(stack, 'Vpc');
    new patterns.ApplicationLoadBalancedFargateService(stack, 'Service', {
      vpc,
      taskImageOptions: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:stable') },
    });
  }
  try {
    app.synth();
  } catch {
    // The pack's ERROR findings fail the synth after the assembly and the report are written.
  }
  const synthSeconds = (performance.now() - start) / 1000;
  const reportFile = path.join(outdir, 'validation-report.json');
  const report = fs.existsSync(reportFile) ? JSON.parse(fs.readFileSync(reportFile, 'utf8')) : { pluginReports: [] };
  const findings = (report.pluginReports ?? [])
    .filter((plugin: { pluginName: string }) => plugin.pluginName === 'Reliability')
    .flatMap((plugin: { violations: Array<{ violatingConstructs?: unknown[] }> }) => plugin.violations)
    .reduce((sum: number, violation: { violatingConstructs?: unknown[] }) => sum + (violation.violatingConstructs?.length ?? 1), 0);
  fs.rmSync(outdir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify({ synthSeconds, packSeconds, peakRssMb: process.resourceUsage().maxRSS / 1024, findings })}\n`);
}

function measure(mode: Mode, builtinValidation: boolean): Sample {
  const start = performance.now();
  const child = spawnSync(process.execPath, ['-r', 'ts-node/register', __filename, '--child', mode, builtinValidation ? 'builtin-on' : 'builtin-off'], {
    cwd: path.join(__dirname, '..'),
    env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.dev.json', TS_NODE_TRANSPILE_ONLY: 'true' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const processSeconds = (performance.now() - start) / 1000;
  const line = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !line.startsWith('{')) {
    throw new Error(`child (${mode}) failed with status ${child.status}:\n${child.stderr.slice(-4000)}`);
  }
  return { ...JSON.parse(line), processSeconds };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function runParent(): void {
  console.log(`ReliabilityChecks overhead: ${STACKS} stacks of Vpc + ApplicationLoadBalancedFargateService, ${REPS} runs each, medians`);
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}, node ${process.version}\n`);
  const rows: string[] = [
    '| aws-cdk-lib built-in validation | pack | synth wall (s) | process wall (s) | peak RSS (MB) | Reliability findings | pack validate (s) | extra synth wall | extra peak RSS |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const builtin of [true, false]) {
    const samples: Record<Mode, Sample[]> = { without: [], with: [] };
    for (let rep = 0; rep < REPS; rep++) {
      // Alternate which mode goes first, so drift in machine load hits both equally.
      const order: Mode[] = rep % 2 === 0 ? ['without', 'with'] : ['with', 'without'];
      for (const mode of order) {
        const sample = measure(mode, builtin);
        samples[mode].push(sample);
        console.error(`  builtin=${builtin ? 'on' : 'off'} ${mode}: synth ${sample.synthSeconds.toFixed(2)} s, pack ${sample.packSeconds.toFixed(2)} s, RSS ${sample.peakRssMb.toFixed(0)} MB`);
      }
    }
    const summary = (mode: Mode) => ({
      synth: median(samples[mode].map((s) => s.synthSeconds)),
      process: median(samples[mode].map((s) => s.processSeconds)),
      rss: median(samples[mode].map((s) => s.peakRssMb)),
      findings: median(samples[mode].map((s) => s.findings)),
      pack: median(samples[mode].map((s) => s.packSeconds)),
    });
    const base = summary('without');
    const withPack = summary('with');
    const label = builtin ? 'on (default)' : 'off';
    const pct = (a: number, b: number) => `${(((b - a) / a) * 100).toFixed(1)} %`;
    rows.push(`| ${label} | without | ${base.synth.toFixed(2)} | ${base.process.toFixed(2)} | ${base.rss.toFixed(0)} | - | - | | |`);
    rows.push(`| ${label} | with | ${withPack.synth.toFixed(2)} | ${withPack.process.toFixed(2)} | ${withPack.rss.toFixed(0)} | ${withPack.findings} | ${withPack.pack.toFixed(2)} | ${pct(base.synth, withPack.synth)} | ${pct(base.rss, withPack.rss)} |`);
  }
  console.log(rows.join('\n'));
}
