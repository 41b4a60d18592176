import { median, robustSigma, theilSen, Z_90 } from './robust-trend';

/**
 * The forecast of a service's daily peak of tasks needed: a robust trend (Theil–Sen), a weekly
 * pattern when the history holds at least three weeks, and an uncertainty band. Plain numbers only.
 */

/** One UTC day's highest need. `day` counts days since 1970-01-01 (UTC). */
export interface DailyPeak {
  readonly day: number;
  readonly peak: number;
}

/** Fewer days than this make no trend worth acting on. */
export const MIN_HISTORY_DAYS = 7;
/** A weekly pattern needs every weekday seen at least three times. */
export const SEASONAL_MIN_DAYS = 21;

export interface CapacityTrend {
  /** The last day of history (epoch day): forecasts count days ahead of it. */
  readonly lastDay: number;
  /** Fitted peak on the last day, weekly offset included. */
  readonly current: number;
  /** Trend growth of the daily peak, in tasks per day. */
  readonly growthPerDay: number;
  readonly growthPerDayLow: number;
  readonly growthPerDayHigh: number;
  /** Offset of each weekday (0 = Sunday) from the trend, or null without seasonality. */
  readonly weekly: readonly number[] | null;
  /** Robust spread of the daily peaks around the fit (tasks). */
  readonly residualSigma: number;
  readonly days: number;
  /** The intercept at the last day, without the weekly offset. */
  readonly level: number;
  /** The first day after a level shift (a step change), when one was found: the trend starts there. */
  readonly levelShiftDay: number | null;
}

/** A trend, or why there is none. */
export type TrendResult = { readonly ok: true; readonly trend: CapacityTrend } | { readonly ok: false; readonly message: string };

/** 1970-01-01 was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * Fits the trend of daily peaks. With at least SEASONAL_MIN_DAYS days, a weekly offset per weekday
 * (median residual, centred) is taken out before the line is refitted, three rounds, so a Monday
 * peak is neither read as growth nor left in the noise.
 */
export function fitTrend(peaks: readonly DailyPeak[]): TrendResult {
  const all = [...peaks].filter((p) => Number.isFinite(p.peak)).sort((a, b) => a.day - b.day);
  const shift = all.length >= MIN_HISTORY_DAYS ? levelShift(all) : undefined;
  const sorted = shift === undefined ? all : all.slice(shift);
  if (sorted.length < MIN_HISTORY_DAYS) {
    return {
      ok: false,
      message: `needs at least ${MIN_HISTORY_DAYS} days with data to fit a trend, got ${sorted.length}`
        + (sorted.length ? ` (${isoDay(sorted[0].day)} to ${isoDay(sorted[sorted.length - 1].day)})` : ''),
    };
  }
  const lastDay = sorted[sorted.length - 1].day;
  const xs = sorted.map((p) => p.day - lastDay);
  const ys = sorted.map((p) => p.peak);
  const seasonal = sorted.length >= SEASONAL_MIN_DAYS && everyWeekdaySeen(sorted, 3);
  let weekly = [0, 0, 0, 0, 0, 0, 0];
  let line = theilSen(xs, ys);
  if (seasonal) {
    for (let round = 0; round < 3; round++) {
      const residuals: number[][] = [[], [], [], [], [], [], []];
      sorted.forEach((p, i) => residuals[weekdayOf(p.day)].push(ys[i] - line.intercept - line.slope * xs[i]));
      const offsets = residuals.map((r) => median(r));
      const mean = offsets.reduce((a, b) => a + b, 0) / 7;
      weekly = offsets.map((o) => o - mean);
      line = theilSen(xs, ys.map((y, i) => y - weekly[weekdayOf(sorted[i].day)]));
    }
  }
  const fitted = (i: number) => line.intercept + line.slope * xs[i] + weekly[weekdayOf(sorted[i].day)];
  const residualSigma = robustSigma(ys.map((y, i) => y - fitted(i)));
  return {
    ok: true,
    trend: {
      lastDay,
      current: line.intercept + weekly[weekdayOf(lastDay)],
      level: line.intercept,
      growthPerDay: line.slope,
      growthPerDayLow: line.slopeLow,
      growthPerDayHigh: line.slopeHigh,
      // A fitted pattern that is flat everywhere is no pattern.
      weekly: seasonal && weekly.some((w) => Math.abs(w) > 1e-9) ? weekly : null,
      residualSigma,
      days: sorted.length,
      levelShiftDay: shift === undefined ? null : sorted[0].day,
    },
  };
}

/** Windows a level shift is measured over: a whole week, so a weekly pattern does not read as a step. */
const SHIFT_WINDOW = 7;

/**
 * The index where the latest level shift starts, if any. A step (a new customer, a feature launch)
 * is not growth: a line through both levels would forecast a climb that is not there. For each day,
 * the median of the next week minus the median of the previous week, less the growth the overall
 * trend explains, is the jump; the largest jump counts when it exceeds both 4 × the day-to-day noise
 * and a tenth of the typical peak, and leaves at least MIN_HISTORY_DAYS after it.
 */
export function levelShift(peaks: readonly DailyPeak[]): number | undefined {
  const ys = peaks.map((p) => p.peak);
  const n = ys.length;
  if (n < 2 * SHIFT_WINDOW) return undefined;
  const slope = theilSen(peaks.map((p) => p.day), ys).slope;
  const diffs = ys.slice(1).map((y, i) => y - ys[i]);
  const threshold = Math.max(4 * robustSigma(diffs) / Math.SQRT2, 0.1 * Math.abs(median(ys)));
  let best: { index: number; jump: number } | undefined;
  for (let k = SHIFT_WINDOW; k <= n - MIN_HISTORY_DAYS; k++) {
    const after = median(ys.slice(k, k + SHIFT_WINDOW));
    const before = median(ys.slice(k - SHIFT_WINDOW, k));
    const jump = Math.abs(after - before - slope * (peaks[k].day - peaks[k - SHIFT_WINDOW].day));
    // Medians make a step show as a plateau of equal jumps: the latest one keeps only days after the step.
    if (jump > threshold && (!best || jump >= best.jump - 1e-9)) best = { index: k, jump };
  }
  return best?.index;
}

function everyWeekdaySeen(peaks: readonly DailyPeak[], times: number): boolean {
  const counts = [0, 0, 0, 0, 0, 0, 0];
  for (const p of peaks) counts[weekdayOf(p.day)]++;
  return counts.every((c) => c >= times);
}

/** The forecast `ahead` days after the last day, with its 90 % band (noise plus slope uncertainty). */
export interface ForecastPoint {
  readonly day: number;
  readonly expected: number;
  readonly low: number;
  readonly high: number;
}

export function forecastAt(trend: CapacityTrend, ahead: number): ForecastPoint {
  const day = trend.lastDay + ahead;
  const expected = trend.level + trend.growthPerDay * ahead + (trend.weekly?.[weekdayOf(day)] ?? 0);
  const noise = Z_90 * trend.residualSigma;
  return {
    day,
    expected,
    low: expected - noise - (trend.growthPerDay - trend.growthPerDayLow) * ahead,
    high: expected + noise + (trend.growthPerDayHigh - trend.growthPerDay) * ahead,
  };
}

/** Forecasts are not read further ahead than this: beyond two years a linear trend says little. */
export const MAX_HORIZON_DAYS = 730;

/** When the forecast reaches a limit: expected, earliest (upper band) and latest (lower band). */
export interface LimitCrossing {
  /** Whole days after the last day of history; 0 = already there; null = not within MAX_HORIZON_DAYS. */
  readonly days: number | null;
  readonly earliestDays: number | null;
  readonly latestDays: number | null;
}

/** The first whole day ahead on which the expected peak (and each end of the band) reaches `limit`. */
export function daysToReach(trend: CapacityTrend, limit: number): LimitCrossing {
  let days: number | null = null;
  let earliestDays: number | null = null;
  let latestDays: number | null = null;
  for (let ahead = 0; ahead <= MAX_HORIZON_DAYS && latestDays === null; ahead++) {
    const f = forecastAt(trend, ahead);
    if (earliestDays === null && f.high >= limit) earliestDays = ahead;
    if (days === null && f.expected >= limit) days = ahead;
    if (f.low >= limit) latestDays = ahead;
    // Nothing reaches a limit the band's upper end stays below while the upper slope is not positive.
    if (earliestDays === null && trend.growthPerDayHigh <= 0 && ahead >= 7) break;
  }
  return { days, earliestDays, latestDays };
}

/** 20000 → "2024-10-04". */
export function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
