import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { ECSClient } from '@aws-sdk/client-ecs';
import { FisClient } from '@aws-sdk/client-fis';

/**
 * What a command needs from the outside world, injectable so tests run the CLI in-process
 * and point it at a local CloudWatch endpoint.
 */
export interface CliContext {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Progress bars only on a terminal. */
  readonly isTTY: boolean;
  /** Creates the CloudWatch client for a Region (tests pass an endpoint and static credentials). */
  readonly cloudWatchClient: (region: string | undefined) => CloudWatchClient;
  /** Creates the ECS client for a Region (postmortem reads service deployments). */
  readonly ecsClient: (region: string) => ECSClient;
  /** Creates the FIS client for a Region (postmortem reads experiments). */
  readonly fisClient: (region: string) => FisClient;
  /** The current time (slo-status windows end now; tests pin it). */
  readonly now: () => Date;
}

/** Attempts per AWS call, first one included. */
export const MAX_ATTEMPTS = 6;

/** The real world: process streams and the SDK's default credential and Region chain. */
export function processContext(): CliContext {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stderr.isTTY),
    // Standard retry mode backs off exponentially with jitter on throttling; a long backtest makes many calls.
    cloudWatchClient: (region) => new CloudWatchClient({ ...(region ? { region } : {}), maxAttempts: MAX_ATTEMPTS }),
    ecsClient: (region) => new ECSClient({ region, maxAttempts: MAX_ATTEMPTS }),
    fisClient: (region) => new FisClient({ region, maxAttempts: MAX_ATTEMPTS }),
    now: () => new Date(),
  };
}
