import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CliContext } from '../../src/cli/cli-context';
import { runCli } from '../../src/cli/program';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly client?: () => CloudWatchClient;
  readonly now?: Date;
  readonly regions?: Array<string | undefined>;
}

/** Runs the CLI in-process through its main function, capturing output and the exit code. */
export async function runInProcess(args: string[], options: RunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const context: CliContext = {
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    isTTY: false,
    cloudWatchClient: (region) => {
      options.regions?.push(region);
      if (!options.client) throw new Error('this test gives the CLI no CloudWatch endpoint');
      return options.client();
    },
    now: () => options.now ?? new Date('2026-06-01T00:00:00Z'),
  };
  const code = await runCli(args, context);
  return { code, stdout, stderr };
}
