import * as fs from 'fs';
import * as path from 'path';

/** Where a benchmark loads cdk-reliability from. */
export type LibrarySource = 'lib' | 'src';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/**
 * The compiled library (`lib/`, what npm users install) when every source file has a compiled
 * counterpart newer than itself; otherwise the TypeScript sources, which cost a ts-node transpile at
 * start-up. A stale `lib/` would measure code that is no longer there, so it is never used.
 */
export function chooseLibrarySource(root: string): LibrarySource {
  const upToDate = sourceFiles(path.join(root, 'src')).every((file) => {
    const compiled = path.join(root, 'lib', path.relative(path.join(root, 'src'), file)).replace(/\.ts$/, '.js');
    return fs.existsSync(compiled) && fs.statSync(compiled).mtimeMs >= fs.statSync(file).mtimeMs;
  });
  return upToDate ? 'lib' : 'src';
}

/** The path to require for one module of the library (relative to this folder). */
export function libraryEntryPoint(source: LibrarySource, module: string): string {
  return `../${source}/${module}`;
}
