/**
 * Synth benchmark: N stacks of ReliableService against N stacks of the plain
 * ApplicationLoadBalancedFargateService it replaces (same image, port, size, task count,
 * HTTPS certificate and redirect, new VPC), for N = 1, 10, 50.
 *
 * Each configuration runs in its own child process (a fresh Node heap, aws-cdk-lib loaded once),
 * alternating plain / reliable so both see the same machine load. The parent measures the child's
 * wall time; the child reports its synth time, CPU time (user + system, the robust number on a shared
 * machine) and peak RSS (process.resourceUsage().maxRSS). Synth includes aws-cdk-lib's built-in
 * CloudFormation Validate plugin, which runs on every `cdk synth` and dominates the cost.
 *
 * Run:  npx ts-node --transpile-only --project tsconfig.dev.json bench/synth.ts [--packs] [--no-builtin-validation] [--runs 3] [--sizes 1,10,50]
 *   --packs                  also registers every compliance pack (as `cdk synth` of the example app does)
 *   --no-builtin-validation  sets CDK_VALIDATION=false, turning off aws-cdk-lib's CloudFormation Validate plugin
 * Goal: wall-time ratio reliable / plain ≤ 1.5 at N = 50.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';

type Kind = 'plain' | 'reliable';

interface Measurement {
  readonly kind: Kind;
  readonly stacks: number;
  readonly wallMs: number;
  readonly synthMs: number;
  readonly peakRssMb: number;
  /** User + system CPU of the child: robust when other processes share the cores. */
  readonly cpuMs: number;
  readonly resources: number;
}

const CERTIFICATE_ARN = 'arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555';
const ENV = { account: '111111111111', region: 'us-east-1' };

/** Child: builds and synthesizes N stacks of one kind, prints one JSON line. */
function child(kind: Kind, stacks: number, packs: boolean): void {
  const started = performance.now();
  // Loaded here, not at the top, so the parent stays small and its own RSS does not matter.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const cdk = require('aws-cdk-lib') as typeof import('aws-cdk-lib');
  const { ReliableService } = require('../src/service') as typeof import('../src/service');
  const { registerCompliancePacks } = require('../examples/compliance/packs') as typeof import('../examples/compliance/packs');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const { aws_certificatemanager: acm, aws_ecs: ecs, aws_ecs_patterns: patterns } = cdk;
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-synth-${kind}-`));
  const app = new cdk.App({ outdir });
  if (packs) registerCompliancePacks(app);
  const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:1.27');
  for (let i = 0; i < stacks; i++) {
    const stack = new cdk.Stack(app, `${kind}${i}`, { env: ENV });
    const certificate = acm.Certificate.fromCertificateArn(stack, 'Certificate', CERTIFICATE_ARN);
    if (kind === 'plain') {
      new patterns.ApplicationLoadBalancedFargateService(stack, 'Service', {
        taskImageOptions: { image, containerPort: 8080 },
        cpu: 512,
        memoryLimitMiB: 1024,
        desiredCount: 3,
        certificate,
        redirectHTTP: true,
        publicLoadBalancer: true,
        minHealthyPercent: 100,
      });
    } else {
      new ReliableService(stack, 'Service', { image, containerPort: 8080, certificate });
    }
  }
  const synthStart = performance.now();
  let assembly;
  try {
    assembly = app.synth();
  } catch (error) {
    // With --packs, a finding makes synth throw after writing the assembly; the timing still counts.
    if (!packs) throw error;
  }
  const synthMs = performance.now() - synthStart;
  const resources = assembly
    ? assembly.stacks.reduce((n, s) => n + Object.keys((s.template as { Resources?: object }).Resources ?? {}).length, 0)
    : -1;
  fs.rmSync(outdir, { recursive: true, force: true });
  const m: Measurement = {
    kind,
    stacks,
    wallMs: performance.now() - started,
    synthMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
    resources,
  };
  process.stdout.write(`${JSON.stringify(m)}\n`);
}

function runChild(kind: Kind, stacks: number, packs: boolean, builtinValidation: boolean): Measurement {
  const args = ['--require', 'ts-node/register/transpile-only', __filename, 'child', kind, String(stacks), packs ? 'packs' : 'nopacks'];
  const started = performance.now();
  const out = execFileSync(process.execPath, args, {
    cwd: path.resolve(__dirname, '..'),
    // CDK_VALIDATION=false turns off aws-cdk-lib's built-in CloudFormation Validate plugin (to see what it costs).
    env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.dev.json', ...(builtinValidation ? {} : { CDK_VALIDATION: 'false' }) },
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
  });
  const wallMs = performance.now() - started;
  const line = out.trim().split('\n').pop()!;
  return { ...(JSON.parse(line) as Measurement), wallMs };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function parent(argv: string[]): void {
  const packs = argv.includes('--packs');
  const builtinValidation = !argv.includes('--no-builtin-validation');
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 1;
  const sizesAt = argv.indexOf('--sizes');
  const sizes = sizesAt >= 0 ? argv[sizesAt + 1].split(',').map(Number) : [1, 10, 50];
  const rows: string[] = [
    `Synth benchmark (${packs ? 'with every compliance pack' : 'no compliance packs'}; `
      + `built-in CloudFormation Validate ${builtinValidation ? 'on' : 'off'}; median of ${runs} run${runs > 1 ? 's' : ''}; ${os.cpus().length} CPUs, Node ${process.version})`,
    '',
    '| N | plain wall (s) | reliable wall (s) | wall ratio | plain CPU (s) | reliable CPU (s) | CPU ratio '
      + '| plain peak RSS (MB) | reliable peak RSS (MB) | RSS ratio | resources plain / reliable | wall ratio per resource |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const n of sizes) {
    const plain: Measurement[] = [];
    const reliable: Measurement[] = [];
    for (let r = 0; r < runs; r++) {
      plain.push(runChild('plain', n, packs, builtinValidation));
      reliable.push(runChild('reliable', n, packs, builtinValidation));
    }
    const summary = (ms: Measurement[]) => ({
      wall: median(ms.map((m) => m.wallMs)),
      synth: median(ms.map((m) => m.synthMs)),
      rss: median(ms.map((m) => m.peakRssMb)),
      cpu: median(ms.map((m) => m.cpuMs)),
    });
    const p = summary(plain);
    const q = summary(reliable);
    rows.push(`| ${n} | ${(p.wall / 1000).toFixed(1)} | ${(q.wall / 1000).toFixed(1)} | ${(q.wall / p.wall).toFixed(2)} | `
      + `${(p.cpu / 1000).toFixed(1)} | ${(q.cpu / 1000).toFixed(1)} | ${(q.cpu / p.cpu).toFixed(2)} | `
      + `${p.rss.toFixed(0)} | ${q.rss.toFixed(0)} | ${(q.rss / p.rss).toFixed(2)} | ${plain[0].resources} / ${reliable[0].resources} | `
      // What one synthesized resource costs on each side: ReliableService makes ~2.5x the resources.
      + `${((q.wall / reliable[0].resources) / (p.wall / plain[0].resources)).toFixed(2)} |`);
    console.error(rows[rows.length - 1]);
  }
  console.log(rows.join('\n'));
}

if (process.argv[2] === 'child') {
  child(process.argv[3] as Kind, Number(process.argv[4]), process.argv[5] === 'packs');
} else {
  parent(process.argv.slice(2));
}
