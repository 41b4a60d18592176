/**
 * Errors the CLI turns into exit codes. Anything else that escapes a command is a bug
 * and is reported with its stack trace.
 */

/** Exit codes of every command: documented in docs/cli.md. */
export const EXIT_OK = 0;
/** The command ran and found something a reviewer must act on (findings, an alarm that fired, a spent budget). */
export const EXIT_FINDINGS = 1;
/** Bad arguments, a missing assembly, a malformed input file, an unsupported alarm or a range beyond retention. */
export const EXIT_USAGE = 2;

/** A problem with what the user gave us; the message says what is wrong and what is allowed. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The message of anything thrown, without assuming it is an Error. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
