/**
 * A state transition as the replay reports it.
 */
import type { AlarmState, StateTransition } from './types';

/** A transition at epoch second `t`. */
export function transition(t: number, state: AlarmState, reason: string): StateTransition {
  return { timestamp: isoSeconds(t), epochMs: t * 1000, state, reason };
}

// Date#toISOString for every transition of a noisy alarm adds up; the date part only changes daily.
let cachedDay = NaN;
let cachedDayText = '';

/** `2026-01-01T00:13:00.000Z` for epoch seconds. */
export function isoSeconds(t: number): string {
  const day = Math.floor(t / 86_400);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDayText = new Date(day * 86_400_000).toISOString().slice(0, 11);
  }
  const s = t - day * 86_400;
  const two = (v: number) => (v < 10 ? `0${v}` : `${v}`);
  return `${cachedDayText}${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}.000Z`;
}
