import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/**
 * What a user's synth and the CLI need from the published tarball, beyond what jsii writes.
 * The handler is plain JS that jsii does not compile: without it `BlueGreenPipeline` throws
 * "reinstall the package" in the user's app.
 */
export const REQUIRED_FILES = [
  '.jsii',
  'lib/index.js',
  'lib/index.d.ts',
  'lib/deploy/pre-traffic-check/index.js',
  'lib/cli/main.js',
];

/** The one `*.tgz` jsii-pacmak left in `dir` (`dist/js`); several would make "the" package ambiguous. */
export function findTarball(dir: string): string {
  const tarballs = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.tgz')) : [];
  if (tarballs.length !== 1) {
    throw new Error(`expected exactly one .tgz in ${dir}, found ${tarballs.length === 0 ? 'none' : tarballs.join(', ')}`);
  }
  return path.resolve(dir, tarballs[0]);
}

/** The paths inside an npm tarball, without npm's `package/` prefix. */
export function tarballEntries(tarball: string): string[] {
  const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return listing.split('\n').filter((line) => line.length > 0).map((line) => line.replace(/^package\//, ''));
}

/**
 * The required files and bundled dependencies missing from a tarball's entries.
 * Bundled dependencies (the CLI's runtime) must ship inside the tarball's own node_modules.
 */
export function missingFromTarball(entries: readonly string[], bundledDependencies: readonly string[]): string[] {
  const present = new Set(entries);
  const required = [...REQUIRED_FILES, ...bundledDependencies.map((dep) => `node_modules/${dep}/package.json`)];
  return required.filter((file) => !present.has(file));
}
