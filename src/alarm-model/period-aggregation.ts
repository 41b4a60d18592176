/**
 * Metric history in typed arrays, and its aggregation into an alarm's periods.
 *
 * A raw point is one observation (`value`) or a statistic set (`sum`, `sampleCount`, `minimum`,
 * `maximum`); from those, Sum, Average, Minimum, Maximum and SampleCount over any longer period are
 * exact. Percentiles (and trimmed means) cannot be recovered from such points, so an alarm on `p99`
 * needs a series that already holds `p99` at exactly the alarm's period (`statistic: 'p99'`).
 *
 * Windows: the datapoint of an evaluation window `[end - period, end)` aggregates the raw points whose
 * timestamp falls in it. Window sums come from prefix sums (O(1) per window, exact for integer data,
 * the usual case of counts); minimum and maximum from a monotonic deque (O(1) amortised).
 */
import { AlarmModelError } from './errors';
import { STANDARD_STATISTICS } from './parse-metric-alarm';
import type { MetricPoint, MetricSeries } from './types';

export interface NormalizedSeries {
  readonly label: string;
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, string>>;
  /** Seconds. */
  readonly period: number;
  /** Epoch seconds of the first point. */
  readonly start: number;
  readonly length: number;
  /** Set when the values already are one statistic (see MetricSeries.statistic). */
  readonly statistic?: string;
  /**
   * One value per point, NaN where missing: the observation (sum = minimum = maximum = value, sampleCount = 1),
   * or the statistic of a pre-aggregated series. A year of 1-minute data is one 4 MB array.
   */
  readonly values: Float64Array;
  /** Statistic sets (or several observations at one timestamp): kept apart, and `values` holds their sums. */
  readonly sets?: { readonly count: Float64Array; readonly min: Float64Array; readonly max: Float64Array };
  /** Lazily built prefix sums (index i = total of points [0, i)). */
  prefix?: { readonly sum: Float64Array; readonly sumError: Float64Array | undefined; readonly count: Float64Array };
}

/** Epoch milliseconds from ISO text, a Date or a number; throws a clear error otherwise. */
export function toEpochMs(value: unknown, what: string): number {
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : value instanceof Date ? value.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new AlarmModelError(`${what} must be an ISO 8601 timestamp or epoch milliseconds, got ${JSON.stringify(value)}`);
  return ms;
}

export function seriesLabel(s: { namespace: string; metricName: string; dimensions?: Readonly<Record<string, string | null>> }): string {
  const dims = Object.entries(s.dimensions ?? {}).map(([k, v]) => `${k}=${v ?? '*'}`).join(',');
  return `${s.namespace} ${s.metricName}${dims ? ` {${dims}}` : ''}`;
}

export function normalizeSeries(input: MetricSeries, index: number): NormalizedSeries {
  const where = `metrics[${index}]`;
  if (!input || typeof input.namespace !== 'string' || !input.namespace) throw new AlarmModelError(`${where}.namespace must be a non-empty string, got ${JSON.stringify(input?.namespace)}`);
  if (typeof input.metricName !== 'string' || !input.metricName) throw new AlarmModelError(`${where}.metricName must be a non-empty string, got ${JSON.stringify(input.metricName)}`);
  const label = `${where} (${seriesLabel(input)})`;
  const period = input.period ?? 60;
  if (!Number.isInteger(period) || period <= 0) throw new AlarmModelError(`${label}: period must be a positive whole number of seconds, got ${JSON.stringify(input.period)}`);
  for (const [k, v] of Object.entries(input.dimensions ?? {})) {
    if (typeof v !== 'string') throw new AlarmModelError(`${label}: dimensions.${k} must be a string, got ${JSON.stringify(v)}`);
  }
  if (input.statistic !== undefined && typeof input.statistic !== 'string') {
    throw new AlarmModelError(`${label}: statistic must be a string such as Sum or p99, got ${JSON.stringify(input.statistic)}`);
  }
  const base = {
    label, namespace: input.namespace, metricName: input.metricName, dimensions: { ...(input.dimensions ?? {}) }, period, statistic: input.statistic,
  };
  if (input.values !== undefined) return fromDense(input, base);
  if (!Array.isArray(input.points)) throw new AlarmModelError(`${label}: give points (a list) or start and values`);
  return fromPoints(input.points, base);
}

type Base = Pick<NormalizedSeries, 'label' | 'namespace' | 'metricName' | 'dimensions' | 'period' | 'statistic'>;

function allocate(base: Base, start: number, length: number, withSets: boolean): NormalizedSeries {
  const make = (): Float64Array => new Float64Array(length).fill(NaN);
  return { ...base, start, length, values: make(), sets: withSets ? { count: make(), min: make(), max: make() } : undefined };
}

function fromDense(input: MetricSeries, base: Base): NormalizedSeries {
  const startMs = toEpochMs(input.start, `${base.label}: start`);
  if (startMs % 1000 !== 0) throw new AlarmModelError(`${base.label}: start must be a whole second`);
  const values = input.values!;
  // A Float64Array is used as it is (after the check below): a year of data need not be copied.
  const series = values instanceof Float64Array
    ? { ...base, start: startMs / 1000, length: values.length, values }
    : allocate(base, startMs / 1000, values.length, false);
  const out = series.values;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v !== v) continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new AlarmModelError(`${base.label}: values[${i}] must be a finite number, NaN or null, got ${typeof v === 'number' ? String(v) : JSON.stringify(v)}`);
    }
    if (out !== values) out[i] = v;
  }
  return series;
}

function fromPoints(points: readonly MetricPoint[], base: Base): NormalizedSeries {
  const count = points.length;
  if (count === 0) return allocate(base, 0, 0, false);
  // Plain loops, no per-point strings: a year of points is half a million objects.
  const times = new Float64Array(count);
  let start = Infinity;
  let end = -Infinity;
  let anySet = false;
  for (let i = 0; i < count; i++) {
    const p = points[i];
    if (!p || typeof p !== 'object') throw new AlarmModelError(`${base.label}: points[${i}] must be an object with timestamp and value`);
    const ts = p.timestamp;
    const ms = typeof ts === 'number' ? ts : typeof ts === 'string' ? Date.parse(ts) : NaN;
    if (!Number.isFinite(ms)) {
      throw new AlarmModelError(`${base.label}: points[${i}].timestamp must be an ISO 8601 timestamp or epoch milliseconds, got ${JSON.stringify(ts)}`);
    }
    if (ms % 1000 !== 0) throw new AlarmModelError(`${base.label}: points[${i}].timestamp must be a whole second, got ${JSON.stringify(ts)}`);
    const t = ms / 1000;
    times[i] = t;
    if (t < start) start = t;
    if (t > end) end = t;
    if (p.value === undefined) anySet = true;
  }
  const series = allocate(base, start, (end - start) / base.period + 1, base.statistic === undefined && anySet);
  for (let i = 0; i < count; i++) {
    const offset = times[i] - start;
    if (offset % base.period !== 0) {
      throw new AlarmModelError(
        `${base.label}: points[${i}].timestamp ${JSON.stringify(points[i].timestamp)} is not on the series' ${base.period}-second grid starting at ${new Date(start * 1000).toISOString()}`,
      );
    }
    addPoint(series, offset / base.period, points[i], i);
  }
  return series;
}

function addPoint(s: NormalizedSeries, i: number, p: MetricPoint, index: number): void {
  const where = (): string => `${s.label}: points[${index}]`;
  if (p.value === undefined && p.sum === undefined && p.sampleCount === undefined && p.minimum === undefined && p.maximum === undefined) {
    throw new AlarmModelError(`${where()} must carry value (a number, or null for a missing datapoint) or a statistic set (sum, sampleCount, minimum, maximum)`);
  }
  if (p.value === undefined || p.sum !== undefined || p.sampleCount !== undefined || p.minimum !== undefined || p.maximum !== undefined) {
    if (p.value !== undefined) throw new AlarmModelError(`${where()} must carry either value or a statistic set (sum, sampleCount, minimum, maximum), not both`);
    if (s.statistic !== undefined) throw new AlarmModelError(`${where()}: a series with statistic ${s.statistic} holds plain values, not statistic sets`);
    for (const k of ['sum', 'sampleCount', 'minimum', 'maximum'] as const) {
      if (typeof p[k] !== 'number' || !Number.isFinite(p[k])) throw new AlarmModelError(`${where()}.${k} must be a finite number in a statistic set, got ${JSON.stringify(p[k])}`);
    }
    if (p.sampleCount! <= 0) throw new AlarmModelError(`${where()}.sampleCount must be greater than 0, got ${p.sampleCount}`);
    if (p.minimum! > p.maximum!) throw new AlarmModelError(`${where()}: minimum (${p.minimum}) must not exceed maximum (${p.maximum})`);
    merge(s, i, p.sum!, p.sampleCount!, p.minimum!, p.maximum!);
    return;
  }
  const v = p.value;
  if (v === null) return;
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new AlarmModelError(`${where()}.value must be a finite number or null (missing), got ${JSON.stringify(v)}`);
  }
  const taken = s.values[i] === s.values[i];
  if (s.statistic !== undefined) {
    if (taken) throw new AlarmModelError(`${where()}: two values for the same timestamp in a series of ${s.statistic}`);
    s.values[i] = v;
    return;
  }
  if (!s.sets && !taken) { s.values[i] = v; return; }
  merge(s, i, v, 1, v, v);
}

/** Statistic sets for a series of observations, once two points share a timestamp. */
function ensureSets(s: NormalizedSeries): NonNullable<NormalizedSeries['sets']> {
  if (s.sets) return s.sets;
  const count = new Float64Array(s.length).fill(NaN);
  for (let i = 0; i < s.length; i++) if (s.values[i] === s.values[i]) count[i] = 1;
  const sets = { count, min: Float64Array.from(s.values), max: Float64Array.from(s.values) };
  (s as { sets?: typeof sets }).sets = sets;
  return sets;
}

/** Two points at one timestamp add up, as two PutMetricData calls would. */
function merge(s: NormalizedSeries, i: number, sum: number, count: number, min: number, max: number): void {
  const sets = ensureSets(s);
  if (sets.count[i] !== sets.count[i]) {
    s.values[i] = sum; sets.count[i] = count; sets.min[i] = min; sets.max[i] = max;
  } else {
    s.values[i] += sum; sets.count[i] += count; sets.min[i] = Math.min(sets.min[i], min); sets.max[i] = Math.max(sets.max[i], max);
  }
}

/** Window layout on the evaluation grid: window j is `[gridStart + j·step - period, gridStart + j·step)`. */
export interface WindowGrid {
  /** Epoch seconds of the end of window 0. */
  readonly gridStart: number;
  /** Seconds between window ends; a multiple of the series period. */
  readonly step: number;
  readonly count: number;
  /** Alarm period in seconds; a multiple of the series period. */
  readonly period: number;
}

/**
 * One datapoint per window (NaN = no data). Throws when the series cannot give the statistic at this
 * period; `owner` names the alarm in that message.
 */
export function aggregateWindows(
  s: NormalizedSeries, stat: string, grid: WindowGrid, owner: string,
  /** Only windows [from, to) into `out` — the replay works through a year in cache-sized chunks. */
  from = 0, to = grid.count, out: Float64Array = new Float64Array(to - from),
): Float64Array {
  if (grid.period % s.period !== 0 || grid.step % s.period !== 0) {
    throw new AlarmModelError(`${owner}: its period of ${grid.period} s is not a multiple of the ${s.period}-second period of ${s.label}`);
  }
  const width = grid.period / s.period;
  const stride = grid.step / s.period;
  const first = Math.ceil((grid.gridStart - grid.period - s.start) / s.period) + from * stride;
  const count = to - from;
  const kind = sourceKind(s, stat, width, owner);
  const m = s.length;
  if (kind === 'min' || kind === 'max') {
    const src = s.sets ? (kind === 'min' ? s.sets.min : s.sets.max) : s.values;
    slidingExtreme(src, kind === 'min', first, stride, width, count, out);
    return out;
  }
  if (kind === 'single') {
    for (let j = 0; j < count; j++) {
      const i = first + j * stride;
      out[j] = i >= 0 && i < m ? s.values[i] : NaN;
    }
    return out;
  }
  const { sum, sumError, count: samples } = prefixOf(s);
  const isSum = kind === 'sum';
  const isCount = kind === 'count';
  for (let j = 0; j < count; j++) {
    let lo = first + j * stride;
    let hi = lo + width;
    if (lo < 0) lo = 0;
    if (hi > m) hi = m;
    const n = hi > lo ? samples[hi] - samples[lo] : 0;
    if (n === 0) {
      out[j] = NaN;
    } else if (isCount) {
      out[j] = n;
    } else {
      const total = sumError ? (sum[hi] - sum[lo]) + (sumError[hi] - sumError[lo]) : sum[hi] - sum[lo];
      out[j] = isSum ? total : total / n;
    }
  }
  return out;
}

type SourceKind = 'sum' | 'count' | 'average' | 'min' | 'max' | 'single';

function sourceKind(s: NormalizedSeries, stat: string, width: number, owner: string): SourceKind {
  if (s.statistic === undefined) {
    if (!STANDARD_STATISTICS.includes(stat)) {
      throw new AlarmModelError(
        `${owner}: statistic ${stat} cannot be computed from single values or statistic sets (${s.label}); supply that metric as a series with statistic "${stat}" at the alarm's period`,
      );
    }
    return ({ Sum: 'sum', SampleCount: 'count', Average: 'average', Minimum: 'min', Maximum: 'max' } as const)[stat as 'Sum']!;
  }
  if (s.statistic.toLowerCase() !== stat.toLowerCase()) {
    throw new AlarmModelError(`${owner}: needs statistic ${stat} but ${s.label} holds ${s.statistic}`);
  }
  // Sums and counts add up across points, extremes combine; any other statistic only at its own period.
  if (stat === 'Sum' || stat === 'SampleCount') return 'sum';
  if (stat === 'Minimum') return 'min';
  if (stat === 'Maximum') return 'max';
  if (width !== 1) {
    throw new AlarmModelError(`${owner}: ${s.label} holds ${s.statistic} at ${s.period} s, which cannot be re-aggregated to the alarm's period of ${width * s.period} s`);
  }
  return 'single';
}

/**
 * Prefix sums of the values and of the sample counts (an observation counts 1; a zero difference means
 * the window has no datapoint). Sums of whole numbers (counts, the usual case) are exact; otherwise the
 * rounding error of each addition is kept apart (Neumaier), so a window's sum is accurate to a few units
 * in the last place however long the series.
 */
function prefixOf(s: NormalizedSeries): { sum: Float64Array; sumError: Float64Array | undefined; count: Float64Array } {
  if (s.prefix) return s.prefix;
  const m = s.length;
  const sum = new Float64Array(m + 1);
  const count = new Float64Array(m + 1);
  const counts = s.statistic === undefined ? s.sets?.count : undefined;
  const values = s.values;
  let total = 0;
  let n = 0;
  let wholeNumbers = true;
  for (let i = 0; i < m; i++) {
    const v = values[i];
    if (v === v) {
      total += v;
      n += counts ? counts[i] : 1;
      if (wholeNumbers && v !== Math.floor(v)) wholeNumbers = false;
    }
    sum[i + 1] = total;
    count[i + 1] = n;
  }
  let sumError: Float64Array | undefined;
  if (!wholeNumbers || Math.abs(total) >= 2 ** 53) {
    sumError = new Float64Array(m + 1);
    let hi = 0;
    let err = 0;
    for (let i = 0; i < m; i++) {
      const v = values[i];
      if (v === v) {
        // Neumaier's two-sum: hi + v = next + (error), exactly.
        const next = hi + v;
        err += Math.abs(hi) >= Math.abs(v) ? (hi - next) + v : (v - next) + hi;
        hi = next;
      }
      sum[i + 1] = hi;
      sumError[i + 1] = err;
    }
  }
  s.prefix = { sum, sumError, count };
  return s.prefix;
}

/** Minimum or maximum of each window [first + j·stride, +width) with a monotonic deque of indices. */
function slidingExtreme(src: Float64Array, isMin: boolean, first: number, stride: number, width: number, count: number, out: Float64Array): void {
  const m = src.length;
  const deque = new Int32Array(Math.max(m, 1));
  let head = 0;
  let tail = 0;
  let next = Math.max(first, 0);
  for (let j = 0; j < count; j++) {
    const lo = first + j * stride;
    const hi = Math.min(lo + width, m);
    if (next < lo) { next = Math.max(lo, 0); head = tail = 0; }
    for (; next < hi; next++) {
      const v = src[next];
      if (v !== v) continue;
      while (tail > head && (isMin ? src[deque[tail - 1]] >= v : src[deque[tail - 1]] <= v)) tail--;
      deque[tail++] = next;
    }
    while (tail > head && deque[head] < lo) head++;
    out[j] = tail > head ? src[deque[head]] : NaN;
  }
}
