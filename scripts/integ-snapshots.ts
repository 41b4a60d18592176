/**
 * Checks (or updates) the committed snapshots of the integ tests, `test/integ.*.ts`.
 *
 * Why not `integ-runner` itself: the newest @aws-cdk/integ-runner (2.197.x) bundles a toolkit
 * that reads cloud assembly schema 53 at most, while aws-cdk-lib 2.276 writes schema 55, so it
 * refuses every snapshot ("Cloud assembly schema version mismatch"). This script does what its
 * snapshot mode does, in the same layout (`test/integ.<name>.ts.snapshot/`), so `integ-runner`
 * can deploy and assert the same tests for real once a compatible release is out.
 *
 *   ts-node scripts/integ-snapshots.ts check [integ.x.ts ...]   fails on any difference
 *   ts-node scripts/integ-snapshots.ts update [integ.x.ts ...]  rewrites the snapshots
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';

const run = promisify(execFile);
const TEST_DIR = path.resolve(__dirname, '..', 'test');
/** Files that carry absolute paths or timings, so they can never match across machines. */
const UNSTABLE_FILES = new Set(['validation-report.json', 'policy-validation-report.json']);

interface Outcome {
  readonly file: string;
  readonly differences: string[];
}

async function main(): Promise<void> {
  const [mode, ...only] = process.argv.slice(2);
  if (mode !== 'check' && mode !== 'update') {
    console.error('usage: integ-snapshots.ts check|update [integ.<name>.ts ...]');
    process.exit(2);
  }
  const files = only.length > 0 ? only : fs.readdirSync(TEST_DIR).filter((f) => /^integ\..+\.ts$/.test(f)).sort();
  if (files.length === 0) {
    console.log('no integ tests found');
    return;
  }
  const outcomes: Outcome[] = [];
  // Two at a time: each synthesis is one ts-node process, and CI has two cores.
  for (let i = 0; i < files.length; i += 2) {
    outcomes.push(...await Promise.all(files.slice(i, i + 2).map((f) => processOne(f, mode))));
  }
  const failed = outcomes.filter((o) => o.differences.length > 0);
  for (const outcome of outcomes) {
    const status = outcome.differences.length === 0 ? (mode === 'update' ? 'UPDATED' : 'UNCHANGED') : 'CHANGED';
    console.log(`  ${status.padEnd(10)} ${outcome.file}`);
    for (const difference of outcome.differences) console.log(`      ${difference}`);
  }
  console.log(`${outcomes.length - failed.length} passed, ${failed.length} failed`);
  if (failed.length > 0) {
    console.log('A snapshot differs from what the test synthesizes now. If the change is intended: npx projen integ:update');
    process.exit(1);
  }
}

async function processOne(file: string, mode: 'check' | 'update'): Promise<Outcome> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'integ-snapshot-'));
  try {
    await run('npx', ['ts-node', '--project', 'tsconfig.dev.json', '--transpile-only', path.join('test', file)], {
      cwd: path.resolve(TEST_DIR, '..'),
      env: { ...process.env, CDK_OUTDIR: outdir, CDK_INTEG_ACCOUNT: '12345678', CDK_INTEG_REGION: 'test-region' },
      maxBuffer: 64 * 1024 * 1024,
    });
    const snapshotDir = path.join(TEST_DIR, `${file}.snapshot`);
    if (mode === 'update') {
      fs.rmSync(snapshotDir, { recursive: true, force: true });
      copyStableFiles(outdir, snapshotDir);
      return { file, differences: [] };
    }
    if (!fs.existsSync(snapshotDir)) return { file, differences: ['no snapshot committed (run integ:update)'] };
    return { file, differences: compareSnapshots(snapshotDir, outdir) };
  } catch (error) {
    return { file, differences: [`synthesis failed: ${(error as { stderr?: string }).stderr || String(error)}`] };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function copyStableFiles(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (UNSTABLE_FILES.has(entry.name)) continue;
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) copyStableFiles(source, path.join(to, entry.name));
    else fs.copyFileSync(source, path.join(to, entry.name));
  }
}

/**
 * Compares what matters for a deployment: the templates and the test cases. Asset hashes are
 * covered too, since templates reference them. The assertion calls' `salt` is a timestamp
 * (it forces a re-run on every deployment), so it is left out as integ-runner does.
 */
function compareSnapshots(expectedDir: string, actualDir: string): string[] {
  const compared = (dir: string) => fs.readdirSync(dir)
    .filter((f) => f.endsWith('.template.json') || f === 'integ.json')
    .sort();
  const expectedFiles = compared(expectedDir);
  const actualFiles = compared(actualDir);
  const differences: string[] = [];
  for (const f of expectedFiles.filter((x) => !actualFiles.includes(x))) differences.push(`${f}: no longer synthesized`);
  for (const f of actualFiles.filter((x) => !expectedFiles.includes(x))) differences.push(`${f}: new, not in the snapshot`);
  for (const f of expectedFiles.filter((x) => actualFiles.includes(x))) {
    const expected = withoutSalt(JSON.parse(fs.readFileSync(path.join(expectedDir, f), 'utf8')));
    const actual = withoutSalt(JSON.parse(fs.readFileSync(path.join(actualDir, f), 'utf8')));
    differences.push(...diffJson(expected, actual, f));
  }
  return differences.slice(0, 20);
}

function withoutSalt(template: { Resources?: Record<string, { Properties?: Record<string, unknown> }> }): unknown {
  for (const resource of Object.values(template.Resources ?? {})) {
    if (resource.Properties && 'salt' in resource.Properties) delete resource.Properties.salt;
  }
  return template;
}

/** Lists the JSON paths where two documents differ (deep, order-sensitive for arrays). */
function diffJson(expected: unknown, actual: unknown, at: string): string[] {
  if (JSON.stringify(expected) === JSON.stringify(actual)) return [];
  const bothObjects = expected && actual && typeof expected === 'object' && typeof actual === 'object';
  if (!bothObjects || Array.isArray(expected) !== Array.isArray(actual)) {
    return [`${at}: expected ${truncate(JSON.stringify(expected))}, got ${truncate(JSON.stringify(actual))}`];
  }
  const keys = new Set([...Object.keys(expected as object), ...Object.keys(actual as object)]);
  return [...keys].flatMap((k) => diffJson((expected as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k], `${at}.${k}`));
}

function truncate(text: string | undefined): string {
  if (text === undefined) return '(absent)';
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
