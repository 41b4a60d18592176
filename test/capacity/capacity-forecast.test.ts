import { daysToReach, DailyPeak, fitTrend, forecastAt, weekdayOf } from '../../src/capacity/capacity-forecast';
import { median, robustSigma, theilSen } from '../../src/capacity/robust-trend';
import { dailyPeaks, tasksNeeded, toPeriodGrid } from '../../src/capacity/tasks-needed';

/** 2026-01-05 was a Monday: epoch day 20458. */
const MONDAY = Date.UTC(2026, 0, 5) / 86_400_000;

/** A deterministic pseudo-random noise in [-1, 1] (a linear congruential generator), so tests are repeatable. */
function noise(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return (s / 2_147_483_648) * 2 - 1;
  };
}

function history(days: number, peak: (i: number) => number): DailyPeak[] {
  return Array.from({ length: days }, (_, i) => ({ day: MONDAY + i, peak: peak(i) }));
}

function fit(peaks: DailyPeak[]) {
  const result = fitTrend(peaks);
  if (!result.ok) throw new Error(result.message);
  return result.trend;
}

describe('robust trend', () => {
  test('median and the scaled MAD', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(robustSigma([1, 2, 3, 4, 100])).toBeCloseTo(1.4826, 4);
  });

  test('Theil–Sen ignores one wild point that least squares would follow', () => {
    const xs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const ys = xs.map((x) => 2 + 3 * x);
    ys[9] = 500;
    const line = theilSen(xs, ys);
    expect(line.slope).toBe(3);
    expect(line.intercept).toBe(2);
    expect(line.slopeLow).toBeLessThanOrEqual(3);
    // 36 of the 45 pairs lie on the line: the interval stays on it above, and admits less below.
    expect(line.slopeHigh).toBe(3);
  });
});

describe('fitTrend and daysToReach on generated histories with known answers', () => {
  test('steady: 12 tasks every day, no growth, never reaches 20', () => {
    const trend = fit(history(14, () => 12));
    expect(trend.growthPerDay).toBe(0);
    expect(trend.current).toBe(12);
    expect(daysToReach(trend, 20)).toEqual({ days: null, earliestDays: null, latestDays: null });
  });

  test('linear growth: 10 + 0.5/day over 28 days reaches 30 in 13 days (23.5 + 0.5 × 13 = 30)', () => {
    const trend = fit(history(28, (i) => 10 + 0.5 * i));
    expect(trend.growthPerDay).toBeCloseTo(0.5, 12);
    expect(trend.current).toBeCloseTo(23.5, 12);
    const crossing = daysToReach(trend, 30);
    expect(crossing.days).toBe(13);
    // No noise and an exact line: the band is the line itself.
    expect(crossing.earliestDays).toBe(13);
    expect(crossing.latestDays).toBe(13);
  });

  test('weekly pattern: weekdays 20 + 0.2/day, weekends 8 lower; the weekend dip is neither growth nor noise', () => {
    const weekend = (i: number) => [0, 6].includes(weekdayOf(MONDAY + i));
    const trend = fit(history(42, (i) => 20 + 0.2 * i - (weekend(i) ? 8 : 0)));
    expect(trend.weekly).not.toBeNull();
    expect(trend.growthPerDay).toBeCloseTo(0.2, 6);
    expect(trend.weekly![1] - trend.weekly![0]).toBeCloseTo(8, 6); // Monday − Sunday
    expect(trend.residualSigma).toBeCloseTo(0, 6);
    expect(trend.levelShiftDay).toBeNull();
    // Last day (i = 41) is a Sunday: 20 + 8.2 − 8 = 20.2. Weekdays reach 30 first: Monday i = 42 → 28.4, ... i = 49 (Monday) → 29.8, Tuesday i = 50 → 30.
    expect(weekdayOf(trend.lastDay)).toBe(0);
    expect(trend.current).toBeCloseTo(20.2, 6);
    expect(daysToReach(trend, 30).days).toBe(9);
  });

  test('fewer than three weeks: no weekly pattern is fitted', () => {
    expect(fit(history(20, (i) => 10 + i)).weekly).toBeNull();
  });

  test('step change: 10 tasks for 20 days then 16; a level shift, not growth: flat at 16 from the step on', () => {
    const trend = fit(history(40, (i) => (i < 20 ? 10 : 16)));
    // A line through both levels would climb 0.18 tasks/day (Theil–Sen) or 0.23 (least squares).
    expect(trend.levelShiftDay).toBeGreaterThanOrEqual(MONDAY + 20);
    expect(trend.growthPerDay).toBe(0);
    expect(trend.current).toBe(16);
    expect(daysToReach(trend, 18).days).toBeNull();
    expect(daysToReach(trend, 16).days).toBe(0);
  });

  test('noisy growth: 50 + 1/day ± 3 over 56 days; slope within 0.1 of 1 and the band brackets the answer', () => {
    const n = noise(42);
    const trend = fit(history(56, (i) => 50 + i + 3 * n()));
    expect(Math.abs(trend.growthPerDay - 1)).toBeLessThan(0.1);
    expect(trend.levelShiftDay).toBeNull();
    // True line at the last day: 105; it reaches 150 in 45 days.
    const crossing = daysToReach(trend, 150);
    expect(Math.abs(crossing.days! - 45)).toBeLessThanOrEqual(4);
    expect(crossing.earliestDays!).toBeLessThanOrEqual(45);
    expect(crossing.latestDays!).toBeGreaterThanOrEqual(45);
    const f = forecastAt(trend, 30);
    expect(f.low).toBeLessThan(135);
    expect(f.high).toBeGreaterThan(135);
  });

  test('too little data: a clear message with the count and the range', () => {
    const result = fitTrend(history(5, () => 3));
    expect(result).toEqual({ ok: false, message: 'needs at least 7 days with data to fit a trend, got 5 (2026-01-05 to 2026-01-09)' });
    expect(fitTrend([])).toEqual({ ok: false, message: 'needs at least 7 days with data to fit a trend, got 0' });
  });
});

describe('tasks needed', () => {
  const t0 = Date.UTC(2026, 0, 5);
  test('running × utilization / target, the largest over the targets; running alone when neither is known', () => {
    const running = new Map([[t0, 4], [t0 + 300_000, 4], [t0 + 600_000, 5]]);
    const cpu = new Map([[t0, 90], [t0 + 300_000, 30]]);
    const requests = new Map([[t0, 500], [t0 + 300_000, 1500]]);
    expect(tasksNeeded({
      running, cpu: { series: cpu, targetPercent: 60 }, requests: { series: requests, targetPerMinute: 1000 },
    })).toEqual([
      { timestamp: t0, tasks: 6, source: 'cpu' },
      { timestamp: t0 + 300_000, tasks: 6, source: 'requests' },
      { timestamp: t0 + 600_000, tasks: 5, source: 'running' },
    ]);
  });

  test('daily peaks skip days with less than half their periods (partial first and last days)', () => {
    const points = Array.from({ length: 24 * 2 + 3 }, (_, h) => ({ timestamp: t0 + h * 3_600_000, tasks: h % 24 === 13 ? 9 : 3, source: 'cpu' as const }));
    expect(dailyPeaks(points, 3600)).toEqual([{ day: MONDAY, peak: 9 }, { day: MONDAY + 1, peak: 9 }]);
  });

  test('toPeriodGrid averages onto the coarser period', () => {
    expect([...toPeriodGrid([[t0, 2], [t0 + 60_000, 4], [t0 + 300_000, 10], [t0 + 360_000, NaN]], 300)])
      .toEqual([[t0, 3], [t0 + 300_000, 10]]);
  });
});
