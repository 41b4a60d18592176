import { runInProcess } from './run-cli';

describe('cdk-reliability command line', () => {
  test.each([
    [['--help'], 'Usage: cdk-reliability [options] [command]'],
    [['report', '--help'], 'Usage: cdk-reliability report [options] [assembly]'],
    [['backtest', '--help'], 'Usage: cdk-reliability backtest [options] [assembly]'],
    [['slo-status', '--help'], 'Usage: cdk-reliability slo-status [options] [assembly]'],
    [['help', 'report'], 'Usage: cdk-reliability report [options] [assembly]'],
  ])('%j prints help and exits 0', async (args, usage) => {
    const run = await runInProcess(args);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(usage);
  });

  test('help documents the exit codes and the defaults', async () => {
    expect((await runInProcess(['--help'])).stdout).toContain('Exit codes: 0 ok, 1 findings');
    const report = (await runInProcess(['report', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(report).toContain('(default: "cdk.out")');
    expect(report).toContain('(default: "html,md,json")');
  });

  test.each([
    [['deploy'], "error: unknown command 'deploy'"],
    [['report', '--bogus'], "error: unknown option '--bogus'"],
    [['backtest', '--metrics'], "error: option '--metrics <file>' argument missing"],
    [['report', 'a', 'b'], 'error: too many arguments'],
  ])('%j is a usage error: exit 2 with a message', async (args, message) => {
    const run = await runInProcess(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('(run with --help for usage)');
  });

  test('no command: help on stderr, exit 2', async () => {
    const run = await runInProcess([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: cdk-reliability');
  });
});
