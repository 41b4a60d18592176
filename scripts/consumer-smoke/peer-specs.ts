/**
 * Prints `name@version` for each peer dependency of this package, newest in its range (what a new
 * user's npm installs today) or, with `--locked`, as package-lock.json pins it. The `compliance:newest`
 * task installs the first set over the repository's own, runs the example app's compliance test, and
 * puts the locked set back.
 *
 *   ts-node scripts/consumer-smoke/peer-specs.ts [--locked]
 */
import * as fs from 'fs';
import * as path from 'path';
import { lockedVersion, newestInRange } from './versions';

const REPO = path.resolve(__dirname, '..', '..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(REPO, file), 'utf8'));

const peers: Record<string, string> = readJson('package.json').peerDependencies;
const lock = readJson('package-lock.json');
const locked = process.argv.includes('--locked');
const specs = Object.entries(peers).map(([name, range]) =>
  `${name}@${locked ? lockedVersion(lock, name) : newestInRange(name, range, process.env)}`);
console.log(specs.join(' '));
