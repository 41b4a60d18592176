import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * Raised at synth when a prop breaks a rule of the construct that received it.
 *
 * The message always names the construct, the prop, the value given and what is
 * allowed, so a user can fix the input without reading our source.
 */
export class ReliabilityValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ValidationError';
  }
}

/**
 * Builds the error for one bad prop, in the house format:
 * `SloAlarmSet 'Checkout': objectivePercent must be between 90 and 99.999, got 100`.
 *
 * @param owner e.g. `SloAlarmSet 'Checkout'` (construct type and id)
 * @param prop the prop path as the user wrote it, e.g. `slos[1].objectivePercent`
 * @param allowed what is allowed, phrased to follow "must", e.g. `be between 90 and 99.999`
 * @param value the value given
 */
export function propError(owner: string, prop: string, allowed: string, value: unknown): ReliabilityValidationError {
  return new ReliabilityValidationError(`${owner}: ${prop} must ${allowed}, got ${describeValue(value)}`);
}

/**
 * The owner label that starts every message: `ReliableService 'Api'` for a value object named by
 * the user, and `[Checkout/Api] ReliableService 'Api'` for a construct, whose path tells which of
 * several same-named constructs (one per stack, say) got the bad prop.
 */
export function ownerLabel(constructType: string, owner: string | IConstruct): string {
  if (typeof owner === 'string') return `${constructType} '${owner}'`;
  return `[${owner.node.path}] ${constructType} '${owner.node.id}'`;
}

/** Renders a value for an error message; tokens are shown as such because their value is unknown at synth. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return Token.isUnresolved(value) ? '(a token)' : JSON.stringify(value);
  if (typeof value === 'number') return Token.isUnresolved(value) ? '(a token)' : String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object' && typeof (value as { toHumanString?: unknown }).toHumanString === 'function') {
    return (value as { toHumanString(): string }).toHumanString();
  }
  return String(value);
}
