import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');

describe('the cdk-reliability bin', () => {
  test('main.ts starts with the node shebang (package.json bin → lib/cli/main.js)', () => {
    expect(fs.readFileSync(path.join(ROOT, 'src', 'cli', 'main.ts'), 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    expect(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).bin).toEqual({ 'cdk-reliability': 'lib/cli/main.js' });
  });

  test('runs as a child process: --help exits 0 and lists the commands', async () => {
    const { stdout } = await run('npx', ['ts-node', '--project', 'tsconfig.dev.json', '--transpile-only', 'src/cli/main.ts', '--help'], { cwd: ROOT });
    expect(stdout).toContain('Usage: cdk-reliability [options] [command]');
    for (const command of ['report', 'backtest', 'slo-status']) expect(stdout).toContain(command);
  });

  test('runs as a child process: a usage error sets exit code 2', async () => {
    await expect(run('npx', ['ts-node', '--project', 'tsconfig.dev.json', '--transpile-only', 'src/cli/main.ts', 'report', '/nonexistent/cdk.out'], { cwd: ROOT }))
      .rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('Cloud assembly not found: /nonexistent/cdk.out') });
  });

  test('the constructs never import the CLI', () => {
    expect(fs.readFileSync(path.join(ROOT, 'src', 'index.ts'), 'utf8')).not.toMatch(/cli/);
  });
});
