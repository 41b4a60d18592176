/**
 * Durations written for people: in messages, alarm descriptions, reports and ids. Pure functions
 * of a number of seconds, with no import, so the CLI can use them without loading aws-cdk-lib.
 */

/** How a unit is written: `5 minutes`, `5 min` or `5m`. */
export enum DurationStyle {
  /** `5 minutes`, `1 hour`: messages and alarm descriptions. */
  WORDS = 'WORDS',
  /** `5 min`, `1 h`: tables of the CLI. */
  SHORT = 'SHORT',
  /** `5m`, `1h`: construct ids and widget titles. */
  COMPACT = 'COMPACT',
}

/** A unit of time, from the largest to the smallest. */
export type DurationUnit = 'day' | 'hour' | 'minute' | 'second';

interface UnitSpec {
  readonly name: DurationUnit;
  readonly seconds: number;
  readonly short: string;
  readonly compact: string;
}

const UNITS: readonly UnitSpec[] = [
  { name: 'day', seconds: 86_400, short: 'd', compact: 'd' },
  { name: 'hour', seconds: 3_600, short: 'h', compact: 'h' },
  { name: 'minute', seconds: 60, short: 'min', compact: 'm' },
  { name: 'second', seconds: 1, short: 's', compact: 's' },
];

/** Which units a duration may be written in. */
export interface DurationUnits {
  /** @default 'day' */
  readonly largest?: DurationUnit;
  /** @default 'second' */
  readonly smallest?: DurationUnit;
}

/**
 * Exact: the largest unit that holds the duration a whole number of times, e.g. 300 → `5 minutes`,
 * 5400 → `90 minutes`, 86400 → `1 day`. A duration no allowed unit divides (or below the smallest
 * unit, or not positive) is written in the smallest unit: 0 → `0 seconds`, minutes only: 30 → `0.5 minutes`.
 */
export function formatExactDuration(seconds: number, style: DurationStyle = DurationStyle.WORDS, units: DurationUnits = {}): string {
  const allowed = allowedUnits(units);
  const unit = allowed.find((u) => seconds >= u.seconds && seconds % u.seconds === 0) ?? allowed[allowed.length - 1];
  return write(seconds / unit.seconds, unit, style);
}

/**
 * Approximate: the largest unit not longer than the duration, rounded to `decimals` (whole
 * seconds), e.g. 51.84 → `52 seconds`, 180000 → `2.1 days`, 90 → `1.5 minutes`.
 */
export function formatApproximateDuration(seconds: number, style: DurationStyle, decimals: number, units: DurationUnits = {}): string {
  const allowed = allowedUnits(units);
  const unit = allowed.find((u) => seconds >= u.seconds) ?? allowed[allowed.length - 1];
  const factor = unit.seconds === 1 ? 1 : 10 ** decimals;
  return write(Math.round((seconds / unit.seconds) * factor) / factor, unit, style);
}

function allowedUnits(units: DurationUnits): readonly UnitSpec[] {
  const from = UNITS.findIndex((u) => u.name === (units.largest ?? 'day'));
  const to = UNITS.findIndex((u) => u.name === (units.smallest ?? 'second'));
  return UNITS.slice(from, to + 1);
}

function write(count: number, unit: UnitSpec, style: DurationStyle): string {
  switch (style) {
    case DurationStyle.SHORT: return `${count} ${unit.short}`;
    case DurationStyle.COMPACT: return `${count}${unit.compact}`;
    default: return `${count} ${unit.name}${count === 1 ? '' : 's'}`;
  }
}
