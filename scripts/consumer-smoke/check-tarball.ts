/**
 * Fails when the packed tarball lacks a file a user needs (part of the `package:js` task).
 *
 *   ts-node scripts/consumer-smoke/check-tarball.ts dist/js
 */
import * as fs from 'fs';
import * as path from 'path';
import { findTarball, missingFromTarball, tarballEntries } from './tarball';

const dir = process.argv[2] ?? 'dist/js';
const packageJson = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8'));
const tarball = findTarball(dir);
const missing = missingFromTarball(tarballEntries(tarball), packageJson.bundledDependencies ?? []);
if (missing.length > 0) {
  console.error(`${path.relative(process.cwd(), tarball)} lacks files a user needs:\n  ${missing.join('\n  ')}`);
  console.error('The compile task copies the pre-traffic handler to lib/; run `npx projen compile` before `npx projen package:js`.');
  process.exit(1);
}
console.log(`${path.relative(process.cwd(), tarball)}: the handler, the CLI and its bundled dependencies are packed`);
