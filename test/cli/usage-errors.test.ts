import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { synthReviewApp } from './review-app';
import { runInProcess } from './run-cli';
import { CliContext, processContext } from '../../src/cli/cli-context';
import { runCli } from '../../src/cli/program';

/** Spot checks: every error a user can cause exits 2 with a message that names what is wrong (never exit 3). */
describe('user errors exit 2 with a clear message', () => {
  const assemblyDir = synthReviewApp();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-reliability-usage-'));

  test.each([
    ['--from that is no time', ['backtest', assemblyDir, '--from', 'yesterday', '--to', 'now'], '--from'],
    ['--to that is no time', ['backtest', assemblyDir, '--from', 'now-1h', '--to', '2026-13-45'], '--to'],
    ['--metrics that does not exist', ['backtest', assemblyDir, '--metrics', path.join(tmp, 'nope.json')], 'not found'],
    ['--metrics that is a directory', ['backtest', assemblyDir, '--metrics', tmp], 'cannot be read'],
    ['slo-status on a missing assembly', ['slo-status', '/nonexistent/cdk.out'], 'Cloud assembly not found'],
    ['an unknown command', ['status'], "unknown command 'status'"],
  ])('%s', async (_label, args, text) => {
    const run = await runInProcess(args);
    expect([run.code, run.stderr]).toEqual([2, expect.stringContaining(text)]);
  });

  test('a --region that is no Region name', async () => {
    let stderr = '';
    const context: CliContext = { ...processContext(), stdout: () => undefined, stderr: (t) => { stderr += t; } };
    const code = await runCli(['slo-status', assemblyDir, '--region', 'not a region!'], context);
    expect([code, stderr]).toEqual([2, expect.stringContaining('--region')]);
  });
});
