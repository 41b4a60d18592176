/**
 * Errors of the alarm model. The model is used by the CLI, far from aws-cdk-lib, so it has its own
 * error type; messages follow the house format of `src/common/errors.ts`:
 * `Alarm 'PageLong': EvaluationPeriods must be an integer of at least 1, got 0`.
 */
export class AlarmModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AlarmModelError';
  }
}

/** `Alarm 'PageLong'` / `CompositeAlarm 'Page'`: the owner label used in every message. */
export function alarmLabel(kind: 'Alarm' | 'CompositeAlarm', id: string): string {
  return `${kind} '${id}'`;
}

/** One bad property: `${owner}: ${prop} must ${allowed}, got ${value}`. */
export function modelError(owner: string, prop: string, allowed: string, value: unknown): AlarmModelError {
  return new AlarmModelError(`${owner}: ${prop} must ${allowed}, got ${describeValue(value)}`);
}

/** Renders a value for a message; objects (unresolved intrinsics) are shown as compact JSON. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  const json = JSON.stringify(value);
  return json.length > 120 ? `${json.slice(0, 117)}...` : json;
}
