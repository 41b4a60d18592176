import { Token } from 'aws-cdk-lib';
import { propError, ReliabilityValidationError } from './errors';

/**
 * Small, composable checks for props. Each throws the house-format error or returns
 * the value unchanged; a token passes, because its value is only known at deploy time.
 */

/** Requires a finite number in [min, max] (inclusive). */
export function requireNumberInRange(owner: string, prop: string, value: number, min: number, max: number): number {
  if (Token.isUnresolved(value)) return value;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw propError(owner, prop, `be a number between ${min} and ${max}`, value);
  }
  return value;
}

/** Requires an integer in [min, max] (inclusive). */
export function requireIntegerInRange(owner: string, prop: string, value: number, min: number, max: number): number {
  if (Token.isUnresolved(value)) return value;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw propError(owner, prop, `be an integer between ${min} and ${max}`, value);
  }
  return value;
}

/**
 * Requires an integer in [min, max] known at synth, for a number the construct computes with or writes
 * into a string (a port in a URL, a percentage in a FIS parameter): a token there would print as a
 * meaningless token-encoded number, so it is refused, with `tokenReason` saying why when given.
 */
export function requirePlainInteger(owner: string, prop: string, value: number, min: number, max: number, tokenReason?: string): number {
  if (Token.isUnresolved(value)) throw propError(owner, prop, `be a plain number, not a token${tokenReason ? ` (${tokenReason})` : ''}`, value);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw propError(owner, prop, `be an integer between ${min} and ${max}`, value);
  }
  return value;
}

/** Requires a non-empty array. */
export function requireNonEmpty<T>(owner: string, prop: string, value: readonly T[] | undefined, what: string): readonly T[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw propError(owner, prop, `hold at least one ${what}`, value);
  }
  return value;
}

/** Requires the names to be unique; reports the first duplicate. */
export function requireUniqueNames(owner: string, prop: string, names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) {
      throw new ReliabilityValidationError(`${owner}: ${prop} must have unique names, got "${name}" twice`);
    }
    seen.add(name);
  }
}

/**
 * Requires an object (the props, or an options object inside them). TypeScript callers cannot leave
 * it out, but JavaScript callers (and `null` from other jsii languages) can; they get the house error
 * instead of a TypeError on the first field read.
 *
 * @param what phrased to follow "must be", e.g. `given (at least image and containerPort)`
 */
export function requireObject<T>(owner: string, prop: string, value: T | undefined | null, what: string): T {
  if (typeof value !== 'object' || value === null) throw propError(owner, prop, `be ${what}`, value);
  return value;
}

/**
 * Requires a number known at synth. For a number the construct computes with (a default derived from
 * it, a range it bounds, a value subtracted from it), a token would be folded into a token-encoded
 * double such as -1.888e+289 and written into the template or an error message: refuse it instead.
 */
export function requirePlainNumber(owner: string, prop: string, value: number | undefined): void {
  if (value !== undefined && Token.isUnresolved(value)) {
    throw propError(owner, prop, 'be a plain number, not a token (it is computed with at synth)', value);
  }
}

/** Requires a prop that JavaScript callers can leave out although the type says it is required. */
export function requireGiven<T>(owner: string, prop: string, value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) {
    throw propError(owner, prop, `be given: ${what}`, value);
  }
  return value;
}
