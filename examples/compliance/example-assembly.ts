import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ComplianceResult, synthWithCompliance } from './synth';
import { buildExampleApp } from '../example-app';

const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');
/** What shapes the example's assembly besides the installed packages. */
const INPUTS = ['src', 'examples', 'cdk.json', 'cdk.context.json'];
/** The installed packages that shape it: a different version synthesizes again. */
const PACKAGES = ['aws-cdk-lib', 'constructs', 'cdk-nag', '@cdklabs/cdk-validator-cfnguard'];

/**
 * The example app synthesized under every compliance pack, once per content. Several test files
 * read the same assembly (zero findings, the acknowledgement table, the report, the backtest), and
 * each synthesis costs 30 to 45 s of CI's two cores. The result is kept in the system temp dir under
 * a hash of everything that shapes it, so a change to the code, the example, the cached context or
 * an installed version (`compliance:newest`) synthesizes again instead of reading an old result.
 */
export function synthExampleApp(): ComplianceResult {
  const cacheDir = path.join(os.tmpdir(), `cdk-reliability-example-${inputsHash()}`);
  const cached = readCached(cacheDir) ?? awaitOtherWorker(cacheDir);
  if (cached) return cached;

  // Synthesize beside the cache, then rename into place: a concurrent test worker either sees the
  // whole result or none, and the loser of a race keeps the winner's copy.
  const staging = fs.mkdtempSync(`${cacheDir}-staging-`);
  try {
    const result = synthWithCompliance(buildExampleApp, path.join(staging, 'cdk.out'));
    fs.writeFileSync(path.join(staging, 'result.json'), JSON.stringify({ ...result, assemblyDir: undefined }));
    try {
      fs.renameSync(staging, cacheDir);
    } catch {
      fs.rmSync(staging, { recursive: true, force: true });
    }
    return readCached(cacheDir) ?? result;
  } finally {
    fs.rmSync(`${cacheDir}.lock`, { recursive: true, force: true });
  }
}

/** Longer than one synthesis takes on CI's two cores under load; after that a lock is taken as abandoned. */
const LOCK_STALE_MS = 4 * 60_000;

/**
 * Jest starts test files on both cores at once, so two files used to synthesize the same app side by side
 * (about 50 s of CPU thrown away). The first worker takes a lock directory; the others wait for its result.
 * Returns the result once another worker wrote it, or undefined when this worker should synthesize.
 */
function awaitOtherWorker(cacheDir: string): ComplianceResult | undefined {
  const lock = `${cacheDir}.lock`;
  try {
    fs.mkdirSync(lock);
    fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
    return undefined; // ours: this worker synthesizes
  } catch {
    // another worker holds it
  }
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  while (Date.now() - lockTimeMs(lock) < LOCK_STALE_MS && holderAlive(lock)) {
    const done = readCached(cacheDir);
    if (done) return done;
    Atomics.wait(sleeper, 0, 0, 500); // a synchronous sleep: the callers are synchronous
  }
  // The holder finished, failed or was killed (an interrupted run): synthesize here.
  return readCached(cacheDir);
}

/** Whether the process that took the lock still runs (a lock without a pid yet is being taken: alive). */
function holderAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
  } catch {
    return fs.existsSync(lock);
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function lockTimeMs(lock: string): number {
  try {
    return fs.statSync(lock).mtimeMs;
  } catch {
    return 0;
  }
}

function readCached(cacheDir: string): ComplianceResult | undefined {
  const file = path.join(cacheDir, 'result.json');
  if (!fs.existsSync(file)) return undefined;
  const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Omit<ComplianceResult, 'assemblyDir'>;
  return { ...stored, assemblyDir: path.join(cacheDir, 'cdk.out') };
}

function inputsHash(): string {
  const hash = createHash('sha256');
  for (const input of INPUTS) hashPath(hash, path.join(REPOSITORY_ROOT, input));
  for (const name of PACKAGES) {
    hash.update(`${name}@${JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version}\n`);
  }
  hash.update(process.version);
  return hash.digest('hex').slice(0, 16);
}

function hashPath(hash: ReturnType<typeof createHash>, file: string): void {
  if (!fs.existsSync(file)) return;
  if (fs.statSync(file).isDirectory()) {
    for (const entry of fs.readdirSync(file).sort()) hashPath(hash, path.join(file, entry));
    return;
  }
  hash.update(path.relative(REPOSITORY_ROOT, file));
  hash.update(fs.readFileSync(file));
}
