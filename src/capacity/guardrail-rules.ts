import { Duration, Token } from 'aws-cdk-lib';
import { propError } from '../common/errors';
import { requireIntegerInRange, requireNumberInRange } from '../common/validate';

/** Checks of CapacityGuardrails props: pure functions that throw the house error. */

/** CloudWatch evaluates at most one day of 1-minute periods (period × evaluation periods ≤ 86,400 s). */
export const MAX_SUSTAINED_MINUTES = 1440;

export function checkMaxCapacity(owner: string, value: number): number {
  if (Token.isUnresolved(value)) throw propError(owner, 'maxCapacity', 'be a plain number, not a token (the ceiling threshold is computed from it)', value);
  return requireIntegerInRange(owner, 'maxCapacity', value, 1, 100_000);
}

export function checkPercent(owner: string, prop: string, value: number): number {
  if (Token.isUnresolved(value)) throw propError(owner, prop, 'be a plain number, not a token', value);
  return requireNumberInRange(owner, prop, value, 1, 100);
}

/** A sustained duration, in whole minutes between 1 and one day (one alarm period per minute). */
export function checkSustainedMinutes(owner: string, prop: string, value: Duration): number {
  if (!(value instanceof Duration)) throw propError(owner, prop, 'be a Duration', value);
  if (value.isUnresolved()) throw propError(owner, prop, 'be a Duration known at synth, not a token', value);
  const minutes = value.toSeconds() / 60;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_SUSTAINED_MINUTES) {
    throw propError(owner, prop, `be a whole number of minutes between 1 and ${MAX_SUSTAINED_MINUTES} (one day)`, value);
  }
  return minutes;
}

/** The ceiling alarm fires at `max × percent / 100` running units: 80 % of 10 tasks is 8 tasks. */
export function ceilingThreshold(maxCapacity: number, ceilingPercent: number): number {
  return Number(((maxCapacity * ceilingPercent) / 100).toPrecision(12));
}
