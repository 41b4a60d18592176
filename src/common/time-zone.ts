import { Token } from 'aws-cdk-lib';
import { propError } from './errors';

/** The tz database's shape: every segment starts with a capital (`Europe/Paris`, `America/Argentina/Buenos_Aires`). */
const TIME_ZONE_SHAPE = /^[A-Z][A-Za-z0-9_+-]*(\/[A-Za-z0-9][A-Za-z0-9_+-]*)*$/;

/**
 * Whether `name` is an IANA time zone name as AWS schedules take it (EventBridge Scheduler, AWS
 * Backup restore testing): `UTC`, `Etc/UTC`, `Europe/Paris`, case-sensitive.
 *
 * `Intl.supportedValuesOf('timeZone')` is not enough: on Node 20 it lists neither `UTC` nor the
 * `Etc/` aliases, nor links such as `Asia/Calcutta`. `Intl.DateTimeFormat` accepts every tz
 * database name, but case-insensitively, so the shape check keeps `europe/paris` out.
 */
export function isIanaTimeZone(name: string): boolean {
  if (typeof name !== 'string' || !TIME_ZONE_SHAPE.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Requires an IANA time zone name; a token passes (only known at deploy). */
export function requireTimeZone(owner: string, prop: string, value: string | undefined): string | undefined {
  if (value === undefined || Token.isUnresolved(value)) return value;
  if (typeof value !== 'string' || !isIanaTimeZone(value)) {
    throw propError(owner, prop, 'be an IANA time zone name such as "UTC" or "Europe/Paris"', value);
  }
  return value;
}
