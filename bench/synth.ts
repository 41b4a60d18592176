/**
 * Synth benchmark: N stacks of ReliableService against N stacks of the plain
 * ApplicationLoadBalancedFargateService it replaces, for N = 1, 10, 50. The plain side gets the same
 * image, port, size, task count, HTTPS certificate and redirect, and a new VPC across the same 3 AZs
 * ReliableService spans by default (the pattern's own default VPC has 2).
 *
 * Each configuration runs in its own child process (a fresh Node heap), alternating plain / reliable
 * so both see the same machine load. The plain child never loads cdk-reliability, as a plain app would
 * not; the reliable child loads the compiled library (`lib/`, what npm users get) when every compiled
 * file is newer than its source, else `src/` through ts-node (slower start-up; the header says which).
 *
 * A third side, "same template", synthesizes N copies of one ReliableService template through
 * CfnInclude: the same 96 resources with no construct logic at all. ReliableService against it is
 * what the library's own code costs, apart from what its resources cost aws-cdk-lib.
 *
 * The child times three phases: building the constructs, synthesizing the templates, and the
 * validation plugins. aws-cdk-lib's CloudFormation Validate plugin runs on every `cdk synth`; a no-op
 * plugin registered first marks the moment validation starts (only public API is used).
 *
 * Run:  npx ts-node --transpile-only --project tsconfig.dev.json bench/synth.ts [--packs] [--no-builtin-validation] [--runs 3] [--sizes 1,10,50]
 *   --packs                  also registers every compliance pack (as `cdk synth` of the example app does)
 *   --no-builtin-validation  sets CDK_VALIDATION=false, turning off aws-cdk-lib's CloudFormation Validate plugin
 * Goal: wall-time ratio reliable / plain ≤ 1.5 at N = 50 (docs/synth-benchmark.md says why it is not met).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { chooseLibrarySource, libraryEntryPoint, LibrarySource } from './library-source';
import { renderSynthReport, SynthKind, SynthMeasurement, SynthResult } from './synth-report';

/** Resources in every template of the cloud assembly (read from disk: synth throws on findings with --packs). */
function countResources(outdir: string): number {
  return fs.readdirSync(outdir).filter((file) => file.endsWith('.template.json')).reduce((n, file) => {
    const template = JSON.parse(fs.readFileSync(path.join(outdir, file), 'utf8')) as { Resources?: object };
    return n + Object.keys(template.Resources ?? {}).length;
  }, 0);
}

/**
 * Child, once before the runs: writes the template of one ReliableService stack, without the
 * bootstrap parameter and rule every stack's synthesizer adds anyway, for the 'template' kind.
 */
function writeReferenceTemplate(file: string, source: LibrarySource): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const cdk = require('aws-cdk-lib') as typeof import('aws-cdk-lib');
  const benchStacks = require('./service-stacks') as typeof import('./service-stacks');
  const library = require(libraryEntryPoint(source, 'service')) as typeof import('../src/service');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const app = new cdk.App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'bench-synth-reference-')) });
  const stack = new cdk.Stack(app, 'reference', { env: benchStacks.BENCH_ENV });
  benchStacks.addReliableService(stack, library.ReliableService);
  const { Parameters: _parameters, Rules: _rules, ...template } = app.synth().getStackByName('reference').template;
  fs.writeFileSync(file, JSON.stringify(template));
  fs.rmSync(app.outdir, { recursive: true, force: true });
}

/** Child: builds and synthesizes N stacks of one kind, prints one JSON line. */
function child(kind: SynthKind, stacks: number, packs: boolean, source: LibrarySource, referenceTemplate: string): void {
  const started = performance.now();
  // Loaded here, not at the top, so the parent stays small and its own RSS does not matter.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const cdk = require('aws-cdk-lib') as typeof import('aws-cdk-lib');
  const benchStacks = require('./service-stacks') as typeof import('./service-stacks');
  const library = kind === 'reliable'
    ? require(libraryEntryPoint(source, 'service')) as typeof import('../src/service')
    : undefined;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-synth-${kind}-`));
  const app = new cdk.App({ outdir });
  let validationStarted: number | undefined;
  // Registered before any other plugin, so it runs first: its call is the start of the validation phase.
  cdk.Validations.of(app).addPlugins({
    name: 'bench-phase-marker',
    validate: () => {
      validationStarted = performance.now();
      return { success: true, violations: [] };
    },
  });
  if (packs) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('../examples/compliance/packs') as typeof import('../examples/compliance/packs')).registerCompliancePacks(app);
  }
  const buildStart = performance.now();
  for (let i = 0; i < stacks; i++) {
    const stack = new cdk.Stack(app, `${kind}${i}`, { env: benchStacks.BENCH_ENV });
    if (kind === 'reliable') benchStacks.addReliableService(stack, library!.ReliableService);
    else if (kind === 'template') new cdk.cloudformation_include.CfnInclude(stack, 'Service', { templateFile: referenceTemplate });
    else benchStacks.addPlainService(stack);
  }
  const synthStart = performance.now();
  try {
    app.synth();
  } catch (error) {
    // With --packs, a finding makes synth throw after writing the assembly; the timing still counts.
    if (!packs) throw error;
  }
  const synthEnd = performance.now();
  const resources = countResources(outdir);
  fs.rmSync(outdir, { recursive: true, force: true });
  const validationMs = validationStarted === undefined ? 0 : synthEnd - validationStarted;
  const m: SynthMeasurement = {
    kind,
    stacks,
    wallMs: performance.now() - started,
    buildMs: synthStart - buildStart,
    templateMs: synthEnd - synthStart - validationMs,
    validationMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
    resources,
  };
  process.stdout.write(`${JSON.stringify(m)}\n`);
}

function runChild(kind: SynthKind, stacks: number, packs: boolean, builtinValidation: boolean, source: LibrarySource,
  referenceTemplate: string): SynthMeasurement {
  const args = ['--require', 'ts-node/register/transpile-only', __filename, 'child', kind, String(stacks), packs ? 'packs' : 'nopacks',
    source, referenceTemplate];
  const started = performance.now();
  const out = execFileSync(process.execPath, args, {
    cwd: path.resolve(__dirname, '..'),
    // CDK_VALIDATION=false turns off aws-cdk-lib's built-in CloudFormation Validate plugin (to see what it costs).
    env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.dev.json', ...(builtinValidation ? {} : { CDK_VALIDATION: 'false' }) },
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
    // The plugins' warnings (one per stack with --packs) are not the benchmark's output; piped, they
    // still come with the error when a child fails.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const wallMs = performance.now() - started;
  const line = out.trim().split('\n').pop()!;
  return { ...(JSON.parse(line) as SynthMeasurement), wallMs };
}

function parent(argv: string[]): void {
  const packs = argv.includes('--packs');
  const builtinValidation = !argv.includes('--no-builtin-validation');
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 1;
  const sizesAt = argv.indexOf('--sizes');
  const sizes = sizesAt >= 0 ? argv[sizesAt + 1].split(',').map(Number) : [1, 10, 50];
  const source = chooseLibrarySource(path.resolve(__dirname, '..'));
  const referenceTemplate = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-synth-')), 'reliable-service.template.json');
  execFileSync(process.execPath, ['--require', 'ts-node/register/transpile-only', __filename, 'reference', referenceTemplate, source], {
    cwd: path.resolve(__dirname, '..'),
    env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.dev.json', CDK_VALIDATION: 'false' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const results: SynthResult[] = [];
  for (const stacks of sizes) {
    const plain: SynthMeasurement[] = [];
    const reliable: SynthMeasurement[] = [];
    const sameTemplate: SynthMeasurement[] = [];
    for (let r = 0; r < runs; r++) {
      plain.push(runChild('plain', stacks, packs, builtinValidation, source, referenceTemplate));
      reliable.push(runChild('reliable', stacks, packs, builtinValidation, source, referenceTemplate));
      sameTemplate.push(runChild('template', stacks, packs, builtinValidation, source, referenceTemplate));
      console.error(`N=${stacks} run ${r + 1}/${runs}: plain ${(plain[r].wallMs / 1000).toFixed(1)} s, `
        + `reliable ${(reliable[r].wallMs / 1000).toFixed(1)} s, same template ${(sameTemplate[r].wallMs / 1000).toFixed(1)} s`);
    }
    results.push({ stacks, plain, reliable, sameTemplate });
  }
  fs.rmSync(path.dirname(referenceTemplate), { recursive: true, force: true });
  console.log(renderSynthReport(results, {
    packs,
    builtinValidation,
    runs,
    source,
    machine: `${os.cpus().length} CPUs, Node ${process.version}`,
  }));
}

if (process.argv[2] === 'child') {
  child(process.argv[3] as SynthKind, Number(process.argv[4]), process.argv[5] === 'packs', process.argv[6] as LibrarySource, process.argv[7]);
} else if (process.argv[2] === 'reference') {
  writeReferenceTemplate(process.argv[3], process.argv[4] as LibrarySource);
} else {
  parent(process.argv.slice(2));
}
