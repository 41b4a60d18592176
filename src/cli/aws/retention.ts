import { DurationStyle, formatExactDuration } from '../../common/duration-text';
import { UsageError } from '../errors';

/**
 * How long CloudWatch keeps data at a period (seconds): high-resolution 3 hours, 1-minute 15 days,
 * 5-minute 63 days, 1-hour 455 days. Older data is only there at the next coarser period, which an
 * alarm would not see, so a replay cannot use it.
 */
export function retentionSeconds(period: number): number {
  if (period < 60) return 3 * 3_600;
  if (period < 300) return 15 * 86_400;
  if (period < 3_600) return 63 * 86_400;
  return 455 * 86_400;
}

/** A metric the range must cover, named for the message. */
export interface RetentionNeed {
  readonly label: string;
  readonly period: number;
}

/**
 * Throws a usage error naming the finest period that no longer reaches back to `fromMs`,
 * with the earliest start that works.
 */
export function checkRetention(needs: readonly RetentionNeed[], fromMs: number, nowMs: number): void {
  const tooOld = needs
    .filter((n) => nowMs - fromMs > retentionSeconds(n.period) * 1000)
    .sort((a, b) => retentionSeconds(a.period) - retentionSeconds(b.period));
  if (tooOld.length === 0) return;
  const worst = tooOld[0];
  const keptFor = retentionSeconds(worst.period);
  const earliest = new Date(nowMs - keptFor * 1000).toISOString();
  throw new UsageError(`--from ${new Date(fromMs).toISOString()} is beyond CloudWatch retention: ${worst.label} needs `
    + `${worst.period}-second data, which CloudWatch keeps for ${humanDays(keptFor)}. Use --from ${earliest} or later, `
    + 'or replay an exported history with --metrics FILE.');
}

function humanDays(seconds: number): string {
  return formatExactDuration(seconds, DurationStyle.WORDS, { smallest: 'hour' });
}

/**
 * `--from` / `--to`: ISO 8601, `now`, or `now-<n><m|h|d>` (e.g. `now-7d`).
 */
export function parseTime(value: string, option: string, nowMs: number): number {
  const relative = /^now(?:-(\d+(?:\.\d+)?)([mhd]))?$/.exec(value.trim());
  if (relative) {
    if (!relative[1]) return nowMs;
    const unit = { m: 60_000, h: 3_600_000, d: 86_400_000 }[relative[2] as 'm' | 'h' | 'd'];
    return nowMs - Number(relative[1]) * unit;
  }
  const ms = /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) {
    throw new UsageError(`${option} must be an ISO 8601 time (2026-01-01T00:00:00Z) or now / now-<n>m|h|d, got ${JSON.stringify(value)}`);
  }
  return ms;
}
