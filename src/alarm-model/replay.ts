/**
 * Replays metric history through metric and composite alarms, evaluating them the way CloudWatch does:
 * every minute (every period for high-resolution alarms), each metric alarm looks at the datapoints of
 * its evaluation range and decides with `decideState`; then the composite alarms evaluate their rules.
 *
 * Speed (a year of minutes through ten alarms in well under a second): every datapoint an alarm can see
 * is aggregated once, on a grid of window ends, since the windows of consecutive evaluations overlap.
 * When the expression's value at a timestamp depends only on that timestamp (everything but FILL
 * REPEAT/LINEAR and SUM/AVG/MIN/MAX of one series), datapoints, expression and breach codes are computed
 * in cache-sized chunks and only one code per window is kept; an evaluation whose last N datapoints are
 * all real is then decided from N codes (or running counts), and only one with missing data scans its
 * range. Metric alarms are independent, so each runs in its own loop; composites are evaluated only where
 * some alarm changed state.
 */
import { prepareComposites, runComposites } from './composite-replay';
import { AlarmModelError, alarmLabel } from './errors';
import { isPointwise, MathNode, referencedIds } from './metric-math';
import { evaluateMath, MathEnvironment, MathValue } from './metric-math-eval';
import { BREACHING, decideState, defaultEvaluationRange, EvaluationSettings, explainDatapoints, MISSING, NOT_BREACHING } from './missing-data';
import { aggregateWindows, normalizeSeries, NormalizedSeries, seriesLabel, toEpochMs, WindowGrid } from './period-aggregation';
import { findSeries } from './series-lookup';
import { transition } from './state-transition';
import type {
  MissingSeries,
  AlarmDefinition, AlarmReplay, AlarmState, ComparisonOperator, MetricAlarmDefinition, MetricSeries, ReplayResult, StateTransition,
} from './types';

export interface ReplayOptions {
  /** The alarms are created at `from`: they start in INSUFFICIENT_DATA and are first evaluated one step later. */
  readonly from: string | number | Date;
  /** Last evaluation instant (inclusive). */
  readonly to: string | number | Date;
  /**
   * Datapoints retrieved per evaluation, given N and the period (seconds).
   * @default N + max(floor(N / 3), 2), see `defaultEvaluationRange`
   */
  readonly evaluationRange?: (evaluationPeriods: number, period: number) => number;
  /**
   * Align each alarm's windows to multiples of its period (e.g. 12:00–12:05) instead of letting them end
   * at every evaluation minute. @default false
   */
  readonly alignWindowsToPeriod?: boolean;
}

interface MetricRuntime {
  readonly def: MetricAlarmDefinition;
  readonly settings: EvaluationSettings;
  readonly range: number;
  readonly step: number;
  readonly grid: WindowGrid;
  /** Window-index stride between two consecutive datapoints of one evaluation (period / grid step). */
  readonly stride: number;
  /** Pointwise alarms: precomputed codes and running counts along the stride. */
  readonly codes?: Uint8Array;
  readonly missingRun?: Int32Array;
  readonly breachingRun?: Int32Array;
  /** Other alarms: aggregated metric datapoints per window, evaluated per evaluation. */
  readonly leaves?: Map<string, Float64Array>;
  state: AlarmState;
  readonly transitions: StateTransition[];
}

export function replay(alarms: readonly AlarmDefinition[], series: readonly MetricSeries[], options: ReplayOptions): ReplayResult {
  const fromMs = toEpochMs(options.from, 'replay option from');
  const toMs = toEpochMs(options.to, 'replay option to');
  if (toMs <= fromMs) throw new AlarmModelError(`replay option to must be after from, got from ${new Date(fromMs).toISOString()} and to ${new Date(toMs).toISOString()}`);
  const from = Math.floor(fromMs / 1000);
  const to = Math.floor(toMs / 1000);
  const warnings: string[] = [];
  checkUniqueIds(alarms);

  const normalized = series.map((s, i) => normalizeSeries(s, i));
  const metricDefs = alarms.filter((a): a is MetricAlarmDefinition => a.kind === 'metric');
  const tick = metricDefs.reduce((g, a) => gcd(g, evaluationStep(a.period)), 0) || 60;
  const missing: MissingSeries[] = [];
  const metrics = metricDefs.map((def) => prepareMetricAlarm(def, normalized, from, to, options, warnings, missing));
  const composites = prepareComposites(alarms);
  // Metric alarms do not depend on each other: each runs through the whole period in its own tight loop.
  const firstTick = (Math.floor(from / tick) + 1) * tick;
  for (const m of metrics) runMetricAlarm(m, from, to);
  runComposites(composites, metrics.map((m) => ({ id: m.def.id, transitions: m.transitions })), firstTick, to);

  const byId = new Map<string, AlarmReplay>();
  for (const m of metrics) byId.set(m.def.id, result(m.def, m.transitions, m.state));
  for (const c of composites) byId.set(c.def.id, result(c.def, c.transitions, c.state));
  return {
    from: new Date(from * 1000).toISOString(),
    to: new Date(to * 1000).toISOString(),
    evaluations: Math.max(0, Math.floor((to - firstTick) / tick) + 1),
    alarms: alarms.map((a) => byId.get(a.id)!),
    warnings,
    missingSeries: missing,
  };
}

/** Evaluates one metric alarm at every evaluation instant in (from, to]. */
function runMetricAlarm(m: MetricRuntime, from: number, to: number): void {
  const { grid, stride, range, settings } = m;
  const n = settings.evaluationPeriods;
  const datapointsToAlarm = settings.datapointsToAlarm;
  const back = n * stride;
  const codes = m.codes;
  const missingRun = m.missingRun;
  const breachingRun = m.breachingRun;
  let state = m.state;
  // Evaluations between two window ends see the same datapoints, so only the first evaluation after each
  // window end can change the state: walk the window ends instead of the evaluation minutes.
  const firstTick = (Math.floor(from / m.step) + 1) * m.step;
  const lastTick = Math.floor(to / m.step) * m.step;
  const gs = grid.step;
  const firstWindow = (firstTick - (firstTick % gs) - grid.gridStart) / gs;
  const lastWindow = (lastTick - (lastTick % gs) - grid.gridStart) / gs;
  for (let j = firstWindow; j <= lastWindow && firstTick <= to; j++) {
    const t = j === firstWindow ? firstTick : grid.gridStart + j * gs;
    let next: AlarmState;
    let rangeCodes: Uint8Array | undefined;
    if (codes) {
      let missing = 0;
      let breaching = 0;
      if (missingRun) {
        missing = missingRun[j] - (j >= back ? missingRun[j - back] : 0);
        breaching = breachingRun![j] - (j >= back ? breachingRun![j - back] : 0);
      } else {
        for (let k = j, i = 0; i < n; i++, k -= stride) {
          const code = k >= 0 ? codes[k] : MISSING;
          if (code === MISSING) missing++;
          else if (code === BREACHING) breaching++;
        }
      }
      // The last N datapoints are all real: they decide, whatever the missing-data setting.
      next = missing === 0
        ? (breaching >= datapointsToAlarm ? 'ALARM' : 'OK')
        : decideState(codes, j, stride, range, settings, state);
    } else {
      rangeCodes = evaluateRange(m, j);
      next = decideState(rangeCodes, range - 1, 1, range, settings, state);
    }
    if (next !== state) {
      const window = rangeCodes ?? gatherCodes(codes!, j, stride, range);
      m.transitions.push(transition(t, next, explainDatapoints(window, settings, state).reason));
      state = next;
    }
  }
  m.state = state;
}

/** Codes of the evaluation range ending at window j, for an expression evaluated per evaluation. */
function evaluateRange(m: MetricRuntime, j: number): Uint8Array {
  const leaves = new Map<string, Float64Array>();
  for (const [id, values] of m.leaves!) leaves.set(id, gatherValues(values, j, m.stride, m.range));
  return breachCodes(evaluateQuery(m.def, leaves, m.range), m.def.comparisonOperator, m.def.threshold);
}

function result(def: AlarmDefinition, transitions: StateTransition[], state: AlarmState): AlarmReplay {
  return { id: def.id, alarmName: def.alarmName, kind: def.kind, initialState: 'INSUFFICIENT_DATA', transitions, finalState: state };
}

/** Standard alarms are evaluated every minute; high-resolution ones (10, 20, 30 s) every period. */
function evaluationStep(period: number): number {
  return period < 60 ? period : 60;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function checkUniqueIds(alarms: readonly AlarmDefinition[]): void {
  const seen = new Set<string>();
  for (const a of alarms) {
    if (seen.has(a.id)) throw new AlarmModelError(`replay: two alarms have the id '${a.id}'; give each a unique id (e.g. prefix the stack name)`);
    seen.add(a.id);
  }
}

function prepareMetricAlarm(
  def: MetricAlarmDefinition,
  normalized: readonly NormalizedSeries[],
  from: number,
  to: number,
  options: ReplayOptions,
  warnings: string[],
  missingSeries: MissingSeries[],
): MetricRuntime {
  const owner = alarmLabel('Alarm', def.id);
  const range = options.evaluationRange?.(def.evaluationPeriods, def.period) ?? defaultEvaluationRange(def.evaluationPeriods);
  if (!Number.isInteger(range) || range < def.evaluationPeriods) {
    throw new AlarmModelError(`${owner}: the evaluation range must be an integer of at least EvaluationPeriods (${def.evaluationPeriods}), got ${range}`);
  }
  const step = evaluationStep(def.period);
  const metricQueries = def.queries.filter((q) => q.metricStat);
  const matched = new Map(metricQueries.map((q) => [q.id, findSeries(q.metricStat!, normalized, owner, warnings)]));
  for (const q of metricQueries) {
    if (matched.get(q.id)) continue;
    const stat = q.metricStat!;
    const metric = seriesLabel(stat.metric);
    missingSeries.push({
      alarmId: def.id, queryId: q.id, metric, statistic: stat.stat, periodSeconds: stat.period, metricsOfAlarm: metricQueries.length,
    });
  }

  // Window ends move with the evaluation clock, but no finer than the data: with 5-minute data, an alarm
  // evaluated every minute sees the same datapoints for five minutes.
  let gridStep = step;
  if (options.alignWindowsToPeriod) gridStep = def.period;
  else for (const s of matched.values()) if (s) gridStep = lcm(gridStep, s.period);
  if (def.period % gridStep !== 0) {
    const coarse = [...matched.values()].find((s) => s && def.period % s.period !== 0);
    throw new AlarmModelError(`${owner}: its period of ${def.period} s is not a multiple of the ${coarse?.period ?? gridStep}-second period of ${coarse?.label ?? 'its data'}`);
  }
  const firstTick = (Math.floor(from / step) + 1) * step;
  const lastTick = Math.floor(to / step) * step;
  const firstEnd = Math.floor(firstTick / gridStep) * gridStep;
  const lastEnd = Math.floor(Math.max(lastTick, firstTick) / gridStep) * gridStep;
  const gridStart = firstEnd - (range - 1) * def.period;
  const grid: WindowGrid = { gridStart, step: gridStep, count: (lastEnd - gridStart) / gridStep + 1, period: def.period };
  const stride = def.period / gridStep;

  const base = {
    def,
    settings: { evaluationPeriods: def.evaluationPeriods, datapointsToAlarm: def.datapointsToAlarm, treatMissingData: def.treatMissingData },
    range,
    step,
    grid,
    stride,
    state: 'INSUFFICIENT_DATA' as AlarmState,
    transitions: [] as StateTransition[],
  };
  // Datapoints of the windows [from, to) of one metric query into `out` (all missing without a series).
  const aggregate = (id: string, from2: number, to2: number, out: Float64Array): Float64Array => {
    const s = matched.get(id);
    return s ? aggregateWindows(s, stats.get(id)!, grid, owner, from2, to2, out) : out.fill(NaN);
  };
  const stats = new Map(metricQueries.map((q) => [q.id, q.metricStat!.stat]));

  if (!reachableIsPointwise(def)) {
    const leaves = new Map(metricQueries.map((q) => [q.id, aggregate(q.id, 0, grid.count, new Float64Array(grid.count))]));
    return { ...base, leaves };
  }

  // Pointwise: datapoints, expression and breach codes chunk by chunk, so the intermediate series stay
  // small (in cache, and cheap for the garbage collector); only one byte per window is kept.
  const codes = new Uint8Array(grid.count);
  const buffers = new Map(metricQueries.map((q) => [q.id, new Float64Array(CHUNK)]));
  for (let lo = 0; lo < grid.count; lo += CHUNK) {
    const hi = Math.min(grid.count, lo + CHUNK);
    const leaves = new Map<string, Float64Array>();
    for (const [id, buffer] of buffers) leaves.set(id, aggregate(id, lo, hi, buffer.subarray(0, hi - lo)));
    breachCodes(evaluateQuery(def, leaves, hi - lo), def.comparisonOperator, def.threshold, codes.subarray(lo, hi));
  }
  if (def.evaluationPeriods <= SCAN_LIMIT) return { ...base, codes };
  const missingRun = new Int32Array(grid.count);
  const breachingRun = new Int32Array(grid.count);
  for (let j = 0; j < grid.count; j++) {
    const code = codes[j];
    const missing = code === MISSING ? 1 : 0;
    const breaching = code === BREACHING ? 1 : 0;
    if (j >= stride) {
      missingRun[j] = missing + missingRun[j - stride];
      breachingRun[j] = breaching + breachingRun[j - stride];
    } else {
      missingRun[j] = missing;
      breachingRun[j] = breaching;
    }
  }
  return { ...base, codes, missingRun, breachingRun };
}

/** NOT_BREACHING / BREACHING / MISSING per value; one loop per operator keeps the comparison inline. */
function breachCodes(
  values: Float64Array, operator: ComparisonOperator, threshold: number, out: Uint8Array = new Uint8Array(values.length),
): Uint8Array {
  out.fill(MISSING);
  const n = values.length;
  switch (operator) {
    case 'GreaterThanOrEqualToThreshold':
      for (let i = 0; i < n; i++) { const v = values[i]; if (v === v) out[i] = v >= threshold ? BREACHING : NOT_BREACHING; }
      break;
    case 'GreaterThanThreshold':
      for (let i = 0; i < n; i++) { const v = values[i]; if (v === v) out[i] = v > threshold ? BREACHING : NOT_BREACHING; }
      break;
    case 'LessThanThreshold':
      for (let i = 0; i < n; i++) { const v = values[i]; if (v === v) out[i] = v < threshold ? BREACHING : NOT_BREACHING; }
      break;
    case 'LessThanOrEqualToThreshold':
      for (let i = 0; i < n; i++) { const v = values[i]; if (v === v) out[i] = v <= threshold ? BREACHING : NOT_BREACHING; }
      break;
  }
  return out;
}

function lcm(a: number, b: number): number {
  return (a / gcd(a, b)) * b;
}

/** Windows per chunk of the pointwise pipeline (64 KB per series). */
const CHUNK = 8192;
/** Up to this many evaluation periods, counting the last N codes beats keeping running counts. */
const SCAN_LIMIT = 8;

/** Whether the returned query, and every expression it reads, is pointwise. */
function reachableIsPointwise(def: MetricAlarmDefinition): boolean {
  const byId = new Map(def.queries.map((q) => [q.id, q]));
  const seen = new Set<string>();
  const check = (id: string): boolean => {
    if (seen.has(id)) return true;
    seen.add(id);
    const ast = byId.get(id)?.ast;
    if (!ast) return true;
    // METRICS() reads every metric query, which are all pointwise leaves.
    return isPointwise(ast) && referencedIds(ast).every(check);
  };
  return check(def.returnId);
}

/** The returned query's values over `length` aligned windows, given each metric query's datapoints. */
function evaluateQuery(def: MetricAlarmDefinition, leaves: Map<string, Float64Array>, length: number): Float64Array {
  const byId = new Map(def.queries.map((q) => [q.id, q]));
  const memo = new Map<string, MathValue>();
  const context = `alarm '${def.id}'`;
  const env: MathEnvironment = {
    length,
    context,
    metricIds: def.queries.filter((q) => q.metricStat).map((q) => q.id),
    periodOf: () => def.period,
    resolve(id: string): MathValue {
      const leaf = leaves.get(id);
      if (leaf) return { kind: 'series', values: leaf };
      let value = memo.get(id);
      if (!value) {
        value = evaluateMath(byId.get(id)!.ast as MathNode, env);
        memo.set(id, value);
      }
      return value;
    },
  };
  const out = env.resolve(def.returnId);
  if (out.kind === 'series') return out.values;
  if (out.kind === 'scalar') return new Float64Array(length).fill(out.value);
  throw new AlarmModelError(`${context}: the returned expression (query ${def.returnId}) gives ${out.items.length} time series; an alarm watches exactly one`);
}

/** The evaluation range ending at window j, oldest first. */
function gatherCodes(codes: Uint8Array, j: number, stride: number, range: number): Uint8Array {
  const out = new Uint8Array(range);
  for (let i = 0; i < range; i++) {
    const k = j - (range - 1 - i) * stride;
    out[i] = k >= 0 ? codes[k] : MISSING;
  }
  return out;
}

function gatherValues(values: Float64Array, j: number, stride: number, range: number): Float64Array {
  const out = new Float64Array(range);
  for (let i = 0; i < range; i++) {
    const k = j - (range - 1 - i) * stride;
    out[i] = k >= 0 ? values[k] : NaN;
  }
  return out;
}

