import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { ECSClient } from '@aws-sdk/client-ecs';
import { FisClient } from '@aws-sdk/client-fis';
import { CliContext } from '../../src/cli/cli-context';
import { runCli } from '../../src/cli/program';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly client?: () => CloudWatchClient;
  readonly ecsClient?: () => ECSClient;
  readonly fisClient?: () => FisClient;
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
    ecsClient: () => {
      if (!options.ecsClient) throw new Error('this test gives the CLI no ECS endpoint');
      return options.ecsClient();
    },
    fisClient: () => {
      if (!options.fisClient) throw new Error('this test gives the CLI no FIS endpoint');
      return options.fisClient();
    },
    now: () => options.now ?? new Date('2026-06-01T00:00:00Z'),
  };
  const code = await runCli(args, context);
  return { code, stdout, stderr };
}
