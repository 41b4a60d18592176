import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';

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
    now: () => new Date(),
  };
}
