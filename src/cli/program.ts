import { Command, CommanderError, Option } from 'commander';
import { AlarmModelError } from '../alarm-model/errors';
import { awsSetupError } from './aws/aws-setup-errors';
import { runBacktest } from './backtest/backtest-command';
import { CAPACITY_BASENAME, runCapacity } from './capacity/capacity-command';
import { CliContext } from './cli-context';
import { EXIT_OK, EXIT_USAGE, messageOf, UsageError } from './errors';
import { POSTMORTEM_BASENAME, runPostmortem } from './postmortem/postmortem-command';
import { REPORT_BASENAME, runReport } from './report/report-command';
import { runRunbook } from './runbook/runbook-command';
import { runSloStatus } from './slo-status/slo-status-command';

const DEFAULT_ASSEMBLY = 'cdk.out';

/**
 * Runs `cdk-reliability` with `args` (without `node` and the script) and resolves with the exit code:
 * 0 ok, 1 findings, 2 usage errors. Never calls process.exit, so tests run it in-process.
 */
export async function runCli(args: readonly string[], context: CliContext): Promise<number> {
  let exitCode = EXIT_OK;
  const program = buildProgram(context, (code) => { exitCode = code; });
  try {
    await program.parseAsync([...args], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other parse problem is a usage error (commander says 1).
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    // The alarm model's errors (an unsupported alarm, a malformed series) are about the user's input too.
    if (error instanceof UsageError || error instanceof AlarmModelError) {
      context.stderr(`cdk-reliability: ${messageOf(error)}\n`);
      return EXIT_USAGE;
    }
    // No credentials or no Region is the user's setup, not a bug: say how to fix it (exit 2, no stack trace).
    const setup = awsSetupError(error, args.find((a) => !a.startsWith('-')) ?? 'cdk-reliability');
    if (setup) {
      context.stderr(`cdk-reliability: ${setup.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

function buildProgram(context: CliContext, setExitCode: (code: number) => void): Command {
  const program = new Command('cdk-reliability')
    .description('Review a synthesized CDK app: compliance report, alarm backtest and SLO status.\n'
      + 'Exit codes: 0 ok, 1 findings (open compliance findings, an alarm that fired, an exhausted error budget), 2 usage errors.')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.stdout(text),
      writeErr: (text) => context.stderr(text),
    })
    .showHelpAfterError('(run with --help for usage)');

  program.command('report')
    .description('Write the reliability report (HTML, Markdown, JSON) of a cloud assembly: findings per pack, rule and construct, '
      + 'acknowledgements, SLOs, disaster recovery, chaos experiments and rollback alarms. Exits 1 while an open finding is left.')
    .argument('[assembly]', 'cloud assembly directory', DEFAULT_ASSEMBLY)
    .option('--out <dir>', 'directory the report files are written to', REPORT_BASENAME)
    .option('--format <list>', 'comma-separated formats: html, md, json', 'html,md,json')
    .action((assembly: string, options: { out: string; format: string }) => {
      setExitCode(runReport(assembly, options, context));
    });

  program.command('backtest')
    .description('Replay metric history through every metric and composite alarm of the assembly, evaluated every minute '
      + 'as CloudWatch does, and print each alarm\'s state transitions. Exits 1 when an alarm went to ALARM.')
    .argument('[assembly]', 'cloud assembly directory', DEFAULT_ASSEMBLY)
    .option('--metrics <file>', 'metric history as JSON ({ "metrics": [...] }, see docs/cli.md)')
    .option('--from <time>', 'start of the history to fetch with GetMetricData (ISO 8601, or now-7d / now-12h / now-30m)')
    .option('--to <time>', 'end of the history to fetch (ISO 8601 or now[-...])')
    .option('--region <region>', 'Region to fetch from (default: the stack\'s Region, else the SDK\'s default chain)')
    .addOption(new Option('--json', 'print the transitions as JSON'))
    .action(async (assembly: string, options: { metrics?: string; from?: string; to?: string; region?: string; json?: boolean }) => {
      setExitCode(await runBacktest(assembly, options, context));
    });

  program.command('slo-status')
    .description('For each SLO of the assembly: attainment over its window, remaining error budget and the current burn rate '
      + 'of each alert window, from GetMetricData. Exits 1 when an SLO has spent its error budget.')
    .argument('[assembly]', 'cloud assembly directory', DEFAULT_ASSEMBLY)
    .option('--region <region>', 'Region to read from (default: the stack\'s Region, else the SDK\'s default chain)')
    .addOption(new Option('--json', 'print the status as JSON'))
    .action(async (assembly: string, options: { region?: string; json?: boolean }) => {
      setExitCode(await runSloStatus(assembly, options, context));
    });

  program.command('capacity')
    .description('Forecast, for each scalable ECS service of the assembly, the daily peak of tasks needed to hold its '
      + 'target-tracking targets, its trend and the day it reaches the autoscaling maximum; writes an HTML page (one chart '
      + 'per service) and a Markdown summary. Exits 1 when a service reaches its maximum within 30 days.')
    .argument('[assembly]', 'cloud assembly directory', DEFAULT_ASSEMBLY)
    .option('--metrics <file>', 'metric history as JSON, the format backtest reads (see docs/cli.md)')
    .option('--from <time>', 'start of the history to fetch with GetMetricData (ISO 8601, or now-90d)')
    .option('--to <time>', 'end of the history to fetch (ISO 8601 or now[-...])')
    .option('--region <region>', 'Region to fetch from (default: the stack\'s Region, else the SDK\'s default chain)')
    .option('--out <dir>', 'directory the pages are written to', CAPACITY_BASENAME)
    .addOption(new Option('--json', 'print the forecast as JSON'))
    .action(async (assembly: string, options: { metrics?: string; from?: string; to?: string; region?: string; out: string; json?: boolean }) => {
      setExitCode(await runCapacity(assembly, options, context));
    });

  program.command('runbook')
    .description('Write one Markdown runbook per paging alarm of the assembly: what fired and why (SLI, objective, burn-rate pairs), '
      + 'what to look at (alarm history, dashboards, recent deployments) and the mitigations the app has, with AWS CLI commands.')
    .argument('[assembly]', 'cloud assembly directory', DEFAULT_ASSEMBLY)
    .option('--out <dir>', 'directory the runbooks are written to (<dir>/<stack>/<logical id>.md)', 'runbooks')
    .action((assembly: string, options: { out: string }) => {
      setExitCode(runRunbook(assembly, options, context));
    });

  program.command('postmortem')
    .description('Draft the post-incident review of a window (Markdown and HTML): the alarms\' state changes (replayed from --metrics '
      + 'with the alarm model, or from DescribeAlarmHistory with --region), error budget consumed per SLO, a burn chart, and the review\'s headings.')
    .argument('[assembly]', 'cloud assembly directory', DEFAULT_ASSEMBLY)
    .option('--from <time>', 'start of the incident (ISO 8601, or now-2h / now-30m)')
    .option('--to <time>', 'end of the incident (ISO 8601 or now[-...])')
    .option('--metrics <file>', 'metric history as JSON (the format backtest reads)')
    .option('--region <region>', 'read the live timeline and SLIs from CloudWatch in this Region')
    .option('--out <dir>', 'directory the draft is written to', POSTMORTEM_BASENAME)
    .addOption(new Option('--json', 'print the draft\'s facts as JSON'))
    .action(async (assembly: string, options: { from?: string; to?: string; metrics?: string; region?: string; out: string; json?: boolean }) => {
      setExitCode(await runPostmortem(assembly, options, context));
    });

  return program;
}
