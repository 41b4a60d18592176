import { DailyPeak } from './capacity-forecast';

/**
 * How many tasks a service needed to hold its target-tracking targets, period by period, and the
 * peak of each UTC day. Plain numbers only.
 *
 * Target tracking keeps `metric per task ≈ target`; with `running` tasks showing `utilization`, the
 * same load at the target takes `running × utilization / target` tasks. The need is the largest over
 * the targets the service tracks (Application Auto Scaling scales out on the policy asking most).
 */

/** A series already aligned to a period: epoch ms → value. */
export type TimeSeries = ReadonlyMap<number, number>;

export interface TasksNeededInput {
  /** Average running tasks per period (Container Insights RunningTaskCount). */
  readonly running: TimeSeries;
  /** Average CPU utilization per period (%), with the CPU target; absent when the service does not track CPU. */
  readonly cpu?: { readonly series: TimeSeries; readonly targetPercent: number };
  /** Requests per target per minute, with the requests-per-target target. */
  readonly requests?: { readonly series: TimeSeries; readonly targetPerMinute: number };
}

/** What drove the need of a period. */
export type NeedSource = 'cpu' | 'requests' | 'running';

export interface TasksNeededPoint {
  readonly timestamp: number;
  readonly tasks: number;
  readonly source: NeedSource;
}

/**
 * Tasks needed per period where running tasks are known. A period with neither a CPU nor a request
 * value falls back to the tasks that ran (the scaler's own answer, capped by the maximum).
 */
export function tasksNeeded(input: TasksNeededInput): TasksNeededPoint[] {
  const out: TasksNeededPoint[] = [];
  for (const [timestamp, running] of [...input.running].sort((a, b) => a[0] - b[0])) {
    if (!Number.isFinite(running)) continue;
    const candidates: Array<[number, NeedSource]> = [];
    const cpu = input.cpu?.series.get(timestamp);
    if (input.cpu && cpu !== undefined && Number.isFinite(cpu)) candidates.push([running * cpu / input.cpu.targetPercent, 'cpu']);
    const requests = input.requests?.series.get(timestamp);
    if (input.requests && requests !== undefined && Number.isFinite(requests)) {
      candidates.push([running * requests / input.requests.targetPerMinute, 'requests']);
    }
    if (candidates.length === 0) candidates.push([running, 'running']);
    const [tasks, source] = candidates.reduce((best, c) => (c[0] > best[0] ? c : best));
    out.push({ timestamp, tasks, source });
  }
  return out;
}

/**
 * The highest need of each UTC day. A day with fewer than `minCoverage` of its periods is left out:
 * the first and last days of a fetched range are partial, and their peak would read as a dip.
 */
export function dailyPeaks(points: readonly TasksNeededPoint[], periodSeconds: number, minCoverage = 0.5): DailyPeak[] {
  const perDay = 86_400 / periodSeconds;
  const days = new Map<number, { peak: number; count: number }>();
  for (const p of points) {
    const day = Math.floor(p.timestamp / 86_400_000);
    const entry = days.get(day) ?? { peak: -Infinity, count: 0 };
    entry.peak = Math.max(entry.peak, p.tasks);
    entry.count++;
    days.set(day, entry);
  }
  return [...days]
    .filter(([, e]) => e.count >= perDay * minCoverage)
    .sort((a, b) => a[0] - b[0])
    .map(([day, e]) => ({ day, peak: e.peak }));
}

/**
 * Averages a series onto a coarser period grid (bucket start → mean of the values in it), so series
 * fetched or exported at different periods line up.
 */
export function toPeriodGrid(points: ReadonlyArray<readonly [number, number]>, periodSeconds: number): Map<number, number> {
  const sums = new Map<number, { sum: number; count: number }>();
  const p = periodSeconds * 1000;
  for (const [t, v] of points) {
    if (!Number.isFinite(v)) continue;
    const bucket = Math.floor(t / p) * p;
    const entry = sums.get(bucket) ?? { sum: 0, count: 0 };
    entry.sum += v;
    entry.count++;
    sums.set(bucket, entry);
  }
  return new Map([...sums].map(([t, e]) => [t, e.sum / e.count]));
}
