import { Duration } from 'aws-cdk-lib';
import { DurationStyle, formatExactDuration } from '../common/duration-text';
import { propError, ReliabilityValidationError } from '../common/errors';

/** The range FIS accepts for most action durations: one minute to 12 hours. */
export const FIS_ACTION_DURATION_MIN_SECONDS = 60;
export const FIS_ACTION_DURATION_MAX_SECONDS = 12 * 60 * 60;

/** The range FIS accepts for the experiment report's pre / post experiment windows: 1 to 30 minutes. */
export const FIS_REPORT_WINDOW_MIN_SECONDS = 60;
export const FIS_REPORT_WINDOW_MAX_SECONDS = 30 * 60;

/**
 * Renders a duration the way FIS reads it (ISO 8601, e.g. `PT5M`) after checking it lies in
 * [minSeconds, maxSeconds]. A token duration is refused: its range cannot be checked, and
 * `Duration.toIsoString()` of a token would write a token-encoded number into the parameter.
 */
export function fisDuration(owner: string, prop: string, duration: Duration, minSeconds: number, maxSeconds: number): string {
  if (duration === undefined || duration === null || typeof (duration as Duration).toSeconds !== 'function') {
    throw propError(owner, prop, `be a Duration between ${describeSeconds(minSeconds)} and ${describeSeconds(maxSeconds)}`, duration);
  }
  if (duration.isUnresolved()) {
    throw new ReliabilityValidationError(
      `${owner}: ${prop} must be a plain Duration, not a token (FIS needs a duration between ${describeSeconds(minSeconds)} and ${describeSeconds(maxSeconds)}), got a token`,
    );
  }
  const seconds = duration.toSeconds({ integral: false });
  if (!Number.isInteger(seconds) || seconds < minSeconds || seconds > maxSeconds) {
    throw propError(owner, prop, `be a whole number of seconds between ${describeSeconds(minSeconds)} and ${describeSeconds(maxSeconds)}`, duration);
  }
  return isoDuration(seconds);
}

/** `PT1H30M`, `PT5M`, `PT90S` → always the shortest ISO 8601 form FIS accepts. */
export function isoDuration(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const parts = [hours ? `${hours}H` : '', minutes ? `${minutes}M` : '', seconds ? `${seconds}S` : ''].join('');
  return `PT${parts || '0S'}`;
}

function describeSeconds(seconds: number): string {
  return formatExactDuration(seconds, DurationStyle.WORDS, { largest: 'hour' });
}
