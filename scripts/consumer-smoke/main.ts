/**
 * Consumer smoke test: a new user's first app, outside the repository.
 *
 * 1. Takes the package as published: the tarball `npx projen build` (or `compile` + `package:js`)
 *    left in dist/js, or builds it with `--rebuild`; it must contain the pre-traffic handler.
 * 2. Creates a CDK app under the system temp dir (the files of ./app), `npm install`s the tarball
 *    with aws-cdk-lib, constructs, cdk-nag, the aws-cdk CLI and TypeScript, type-checks it
 *    against the installed declarations and runs `cdk synth` with AwsSolutions and ReliabilityChecks.
 * 3. Requires zero open findings (the library's own resources and the app's) and runs the
 *    installed CLI, `cdk-reliability report cdk.out`, which must exit 0 and write its three files.
 * 4. Does it twice: with the versions of this repository's package-lock.json, then with the newest
 *    versions the peer ranges admit (what a new user gets today), upgrading the same app in place.
 *
 *   ts-node scripts/consumer-smoke/main.ts [--rebuild | --tarball FILE] [--keep] [--only locked|newest]
 *
 * Exits 1 when a variant fails; prints a table of both at the end.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { OwnedFinding, readOwnedFindings } from './findings';
import { findTarball, missingFromTarball, tarballEntries } from './tarball';
import { VARIED_PACKAGES, VersionSet, lockedVersion, newestInRange } from './versions';

const REPO = path.resolve(__dirname, '..', '..');
const APP_TEMPLATE = path.join(__dirname, 'app');
const REPORT_FILES = ['reliability-report.html', 'reliability-report.md', 'reliability-report.json'];

interface Variant {
  readonly name: 'locked' | 'newest';
  readonly versions: VersionSet;
}

interface Outcome {
  readonly variant: Variant;
  readonly problems: string[];
  readonly findings: OwnedFinding[];
  readonly synthExit?: number;
  readonly cliExit?: number;
  readonly seconds: number;
  /** CPU seconds of its child processes: on a shared, loaded machine a steadier measure than wall time. */
  readonly cpuSeconds?: number;
}

function main(): void {
  const args = process.argv.slice(2);
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const only = option('--only');
  const started = Date.now();
  const env = childEnv();

  const given = option('--tarball');
  const tarball = checkedTarball(given ? path.resolve(given) : packedTarball(args.includes('--rebuild')));
  const repoPackage = readJson(path.join(REPO, 'package.json'));
  const lock = readJson(path.join(REPO, 'package-lock.json'));
  const locked = Object.fromEntries(VARIED_PACKAGES.map((p) => [p, lockedVersion(lock, p)])) as VersionSet;
  // The peer ranges a user's npm resolves against; the CLI's range is this repository's devDependency.
  const ranges: VersionSet = { ...repoPackage.peerDependencies, 'aws-cdk': repoPackage.devDependencies['aws-cdk'] };
  const newest = Object.fromEntries(VARIED_PACKAGES.map((p) => [p, newestInRange(p, ranges[p], env)])) as VersionSet;
  const variants = ([{ name: 'locked', versions: locked }, { name: 'newest', versions: newest }] as Variant[])
    .filter((v) => !only || v.name === only);
  console.log(`tarball checked, newest versions resolved: ${((Date.now() - started) / 1000).toFixed(0)} s`);

  const appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-reliability-consumer-'));
  console.log(`consumer app: ${appDir}`);
  for (const file of fs.readdirSync(APP_TEMPLATE)) fs.copyFileSync(path.join(APP_TEMPLATE, file), path.join(appDir, file));
  fs.copyFileSync(tarball, path.join(appDir, 'cdk-reliability.tgz'));
  fs.writeFileSync(path.join(appDir, 'package.json'), JSON.stringify({ name: 'consumer-app', version: '0.0.0', private: true }, null, 2));

  const outcomes: Outcome[] = [];
  let installed: VersionSet | undefined;
  for (const variant of variants) {
    outcomes.push(runVariant(appDir, variant, installed, lockedVersion(lock, 'typescript'), env));
    installed = variant.versions;
  }

  printTable(outcomes, (Date.now() - started) / 1000);
  const failed = outcomes.filter((o) => o.problems.length > 0);
  if (failed.length === 0 && !args.includes('--keep')) fs.rmSync(appDir, { recursive: true, force: true });
  else console.log(`consumer app kept for inspection: ${appDir}`);
  process.exit(failed.length > 0 ? 1 : 0);
}

/** The tarball of dist/js, built first when asked, absent, or older than a file of src/ (a local run). */
function packedTarball(rebuild: boolean): string {
  const dist = path.join(REPO, 'dist', 'js');
  const packed = fs.existsSync(dist) ? fs.readdirSync(dist).filter((f) => f.endsWith('.tgz')) : [];
  const stale = packed.length === 1 && fs.statSync(path.join(dist, packed[0])).mtimeMs < newestModification(path.join(REPO, 'src'));
  if (stale) console.log('dist/js is older than src/: packing again');
  if (rebuild || packed.length === 0 || stale) {
    // The publishing path: compile (jsii, plus the handler copy), then package:js (jsii-pacmak, npm pack).
    for (const task of ['compile', 'package:js']) mustRun('npx', ['projen', task], REPO, process.env);
  }
  return findTarball(dist);
}

function newestModification(dir: string): number {
  return Math.max(...fs.readdirSync(dir, { withFileTypes: true }).map((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? newestModification(file) : fs.statSync(file).mtimeMs;
  }));
}

/** Refuses a tarball that lacks what a user needs before spending minutes on an install. */
function checkedTarball(tarball: string): string {
  console.log(`tarball: ${tarball} (packed ${fs.statSync(tarball).mtime.toISOString()})`);
  const bundled = readJson(path.join(REPO, 'package.json')).bundledDependencies ?? [];
  const missing = missingFromTarball(tarballEntries(tarball), bundled);
  if (missing.length > 0) throw new Error(`the tarball lacks files a user needs: ${missing.join(', ')}`);
  return tarball;
}

/** Installs what differs from the previous variant, type-checks, synthesizes and runs the CLI. */
function runVariant(appDir: string, variant: Variant, installed: VersionSet | undefined, typescript: string, env: NodeJS.ProcessEnv): Outcome {
  const outcome = runSteps(appDir, variant, installed, typescript, env);
  for (const problem of outcome.problems) console.log(`  FAIL ${problem}`);
  if (outcome.problems.length === 0) console.log('  ok');
  return outcome;
}

function runSteps(appDir: string, variant: Variant, installed: VersionSet | undefined, typescript: string, env: NodeJS.ProcessEnv): Outcome {
  const started = Date.now();
  const cpuBefore = childCpuSeconds();
  const problems: string[] = [];
  const done = (rest: Omit<Outcome, 'variant' | 'problems' | 'seconds' | 'cpuSeconds'>): Outcome => {
    const cpuAfter = childCpuSeconds();
    const cpuSeconds = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
    return { ...rest, variant, problems, seconds: (Date.now() - started) / 1000, cpuSeconds };
  };
  console.log(`\n== ${variant.name}: ${VARIED_PACKAGES.map((p) => `${p}@${variant.versions[p]}`).join(' ')}`);

  const changed = VARIED_PACKAGES.filter((p) => installed?.[p] !== variant.versions[p]).map((p) => `${p}@${variant.versions[p]}`);
  const specs = installed ? changed : ['./cdk-reliability.tgz', ...changed, `typescript@${typescript}`];
  // --prefer-offline: CI's `npm ci` already put the locked versions in the npm cache.
  if (specs.length > 0) mustRun('npm', ['install', '--save-exact', '--prefer-offline', '--no-audit', '--no-fund', ...specs], appDir, env);
  for (const p of VARIED_PACKAGES) {
    const actual = readJson(path.join(appDir, 'node_modules', p, 'package.json')).version;
    if (actual !== variant.versions[p]) problems.push(`${p} ${actual} is installed, not ${variant.versions[p]}`);
  }

  for (const dir of ['cdk.out', 'report', 'app.js']) fs.rmSync(path.join(appDir, dir), { recursive: true, force: true });
  const bin = (name: string) => path.join(appDir, 'node_modules', '.bin', name);
  // Type-checks app.ts against the installed declarations (.d.ts of the tarball) and writes app.js.
  const tsc = run(bin('tsc'), ['-p', '.'], appDir, env);
  if (tsc.status !== 0) {
    problems.push(`tsc exited ${tsc.status}`);
    return done({ findings: [] });
  }

  const synth = run(bin('cdk'), ['synth', '--quiet'], appDir, env);
  if (synth.status !== 0) problems.push(`cdk synth exited ${synth.status}`);
  let findings: OwnedFinding[] = [];
  try {
    findings = readOwnedFindings(path.join(appDir, 'cdk.out'));
  } catch (e) {
    problems.push((e as Error).message);
  }
  for (const f of findings) {
    problems.push(`${f.plugin} ${f.severity} ${f.rule} at ${f.constructPath} (${f.libraryOwner ? `library: ${f.libraryOwner}` : "the app's own"})`);
  }

  // The CLI of the installed package: its bundled dependencies must be in the tarball.
  const cli = run(bin('cdk-reliability'), ['report', 'cdk.out', '--out', 'report'], appDir, env);
  if (cli.status !== 0) problems.push(`cdk-reliability report exited ${cli.status}`);
  const missingReports = REPORT_FILES.filter((f) => !fs.existsSync(path.join(appDir, 'report', f)));
  if (missingReports.length > 0) problems.push(`cdk-reliability report did not write ${missingReports.join(', ')}`);

  return done({ findings, synthExit: synth.status ?? undefined, cliExit: cli.status ?? undefined });
}

function printTable(outcomes: readonly Outcome[], totalSeconds: number): void {
  const header = ['variant', 'aws-cdk-lib', 'cdk-nag', 'constructs', 'aws-cdk', 'library findings', 'app findings', 'synth exit', 'CLI exit', 'seconds', 'CPU s', 'result'];
  const rows = outcomes.map((o) => [
    o.variant.name, o.variant.versions['aws-cdk-lib'], o.variant.versions['cdk-nag'], o.variant.versions.constructs, o.variant.versions['aws-cdk'],
    String(o.findings.filter((f) => f.libraryOwner).length), String(o.findings.filter((f) => !f.libraryOwner).length),
    String(o.synthExit ?? '-'), String(o.cliExit ?? '-'), o.seconds.toFixed(0), o.cpuSeconds?.toFixed(0) ?? '-',
    o.problems.length === 0 ? 'PASS' : 'FAIL',
  ]);
  console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log(`total ${totalSeconds.toFixed(0)} s`);
}

/**
 * The environment of every child in the consumer app. `npx projen` exports npm_config_local_prefix
 * and friends pointing at this repository: an `npm install` that inherited them could write into
 * the repository's node_modules. Without them npm reads the user's and global npmrc again.
 */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|ts_node_)/i.test(key) || key === 'INIT_CWD') continue;
    env[key] = value;
  }
  // Binaries come from the app's node_modules (called by path) or the system, never the repository's.
  env.PATH = (process.env.PATH ?? '').split(path.delimiter).filter((dir) => !dir.includes('node_modules')).join(path.delimiter);
  return env;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  console.log(`  $ ${path.basename(command)} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    // Only a failing step's output is shown: synth prints every acknowledged finding otherwise.
    process.stdout.write(indent(result.stdout));
    process.stdout.write(indent(result.stderr));
  }
  return result;
}

function mustRun(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): void {
  const result = run(command, args, cwd, env);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status} in ${cwd}`);
}

function indent(text: string): string {
  return text.trim() ? text.trimEnd().split('\n').map((line) => `    | ${line}`).join('\n') + '\n' : '';
}

function readJson(file: string): any {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** User + system CPU seconds of the finished children of this process (Linux /proc; undefined elsewhere). */
function childCpuSeconds(): number | undefined {
  try {
    // proc(5): cutime and cstime are fields 16 and 17, in clock ticks; split after the command name, field n is [n - 3].
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    const ticksPerSecond = 100; // USER_HZ, 100 on every Linux architecture Node supports
    return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

try {
  main();
} catch (e) {
  console.error(`consumer smoke test: ${(e as Error).message}`);
  process.exit(1);
}
