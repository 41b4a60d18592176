/**
 * The decision CloudWatch makes at each evaluation of a metric alarm, given the datapoints of its
 * evaluation range. Rules from the CloudWatch User Guide, "Configuring how CloudWatch alarms treat
 * missing data" and "Avoiding premature transitions to alarm state"; the tables there are the tests.
 */
import type { AlarmState, TreatMissingData } from './types';

/** Datapoint codes, so a whole year of evaluations fits in a Uint8Array. */
export const NOT_BREACHING = 0;
export const BREACHING = 1;
export const MISSING = 2;

export interface EvaluationSettings {
  /** N */
  readonly evaluationPeriods: number;
  /** M */
  readonly datapointsToAlarm: number;
  readonly treatMissingData: TreatMissingData;
}

/**
 * The most recent data points CloudWatch retrieves: more than N, so that a few missing points can be
 * replaced by older real ones. AWS does not publish the formula; the User Guide's example has N = 3
 * and a range of 5. We use N + max(floor(N / 3), 2), which gives that example (LocalStack uses the same
 * guess). Callers can pass their own through the replay options.
 */
export function defaultEvaluationRange(evaluationPeriods: number): number {
  return evaluationPeriods + Math.max(Math.floor(evaluationPeriods / 3), 2);
}

/**
 * New state after one evaluation.
 *
 * @param codes the evaluation range, oldest first, newest last (NOT_BREACHING / BREACHING / MISSING)
 * @param current the state before this evaluation (needed by `ignore`, and when the data cannot decide)
 */
export function evaluateDatapoints(codes: ArrayLike<number>, settings: EvaluationSettings, current: AlarmState): AlarmState {
  return decideState(codes, codes.length - 1, 1, codes.length, settings, current);
}

/**
 * The same decision, reading the range in place: the newest datapoint is `codes[last]`, the others
 * `stride` apart before it (an index below 0 is a missing datapoint). The replay calls this once per
 * evaluation, so it allocates nothing.
 */
export function decideState(
  codes: ArrayLike<number>, last: number, stride: number, range: number, settings: EvaluationSettings, current: AlarmState,
): AlarmState {
  const m = settings.datapointsToAlarm;
  switch (classify(codes, last, stride, range, settings)) {
    case REAL: return tally.breaching >= m ? 'ALARM' : 'OK';
    case NO_DATA: return NO_DATA_STATE[settings.treatMissingData] ?? current;
    case FILLED_BREACHING: return tally.breaching + tally.filled >= m ? 'ALARM' : 'OK';
    case FILLED_NOT_BREACHING: return tally.breaching >= m ? 'ALARM' : 'OK';
    case REAL_ONLY_ALARM: case PREMATURE: return 'ALARM';
    case REAL_ONLY_OK: return 'OK';
    default: return current;
  }
}

const NO_DATA_STATE: Record<TreatMissingData, AlarmState | undefined> = {
  missing: 'INSUFFICIENT_DATA', ignore: undefined, breaching: 'ALARM', notBreaching: 'OK',
};

// Which rule decides (see the User Guide); `tally` holds the counts of the last classification.
const REAL = 0;
const NO_DATA = 1;
const FILLED_BREACHING = 2;
const FILLED_NOT_BREACHING = 3;
const REAL_ONLY_ALARM = 4;
const REAL_ONLY_OK = 5;
const PREMATURE = 6;
const UNDECIDED = 7;
const tally = { real: 0, breaching: 0, filled: 0, age: 0 };

function classify(codes: ArrayLike<number>, last: number, stride: number, range: number, settings: EvaluationSettings): number {
  const n = settings.evaluationPeriods;
  let real = 0;
  let breaching = 0;
  let breachingOfNewestN = 0;
  let oldestAge = 0;
  for (let i = 0; i < range; i++) {
    const k = last - i * stride;
    const code = k >= 0 ? codes[k] : MISSING;
    if (code === MISSING) continue;
    real++;
    oldestAge = i + 1;
    if (code === BREACHING) {
      breaching++;
      if (real <= n) breachingOfNewestN++;
    }
  }
  tally.real = real;
  tally.filled = Math.max(n - real, 0);
  tally.age = oldestAge;
  // Enough real points: the N most recent real ones decide and the missing-data setting is not used.
  if (real >= n) {
    tally.breaching = breachingOfNewestN;
    return REAL;
  }
  tally.breaching = breaching;
  if (real === 0) return NO_DATA;
  // Fewer real points than N: every real point counts, and as few filled points as possible (N - real).
  const treat = settings.treatMissingData;
  if (treat === 'breaching') return FILLED_BREACHING;
  if (treat === 'notBreaching') return FILLED_NOT_BREACHING;
  // missing / ignore: only real points count.
  if (breaching >= settings.datapointsToAlarm) return REAL_ONLY_ALARM;
  if (breaching < real) return REAL_ONLY_OK;
  // Every real point breaches, but there are fewer than M of them. The premature-alarm rule: ALARM when the
  // oldest breaching point is at least M periods old and nothing newer is non-breaching (`- - X - -`, M = N = 3).
  // Otherwise (`- - - - X`, M = 3) the alarm waits, keeping its state (INSUFFICIENT_DATA for a new alarm).
  if (treat === 'missing' && oldestAge >= settings.datapointsToAlarm) return PREMATURE;
  return UNDECIDED;
}

/** `evaluateDatapoints` plus the reason, phrased for a report. */
export function explainDatapoints(
  codes: ArrayLike<number>,
  settings: EvaluationSettings,
  current: AlarmState,
): { state: AlarmState; reason: string } {
  const n = settings.evaluationPeriods;
  const m = settings.datapointsToAlarm;
  const range = codes.length;
  const state = evaluateDatapoints(codes, settings, current);
  const rule = classify(codes, range - 1, 1, range, settings);
  const { real, breaching, filled, age } = tally;
  const treat = settings.treatMissingData;
  switch (rule) {
    case REAL: return thresholdOutcome(`${breaching} of the ${n} most recent real datapoints breaching`, breaching, m);
    case NO_DATA:
      return {
        state,
        reason: treat === 'missing' || treat === 'ignore'
          ? `no datapoints in the last ${range} periods (treatMissingData: ${treat}${treat === 'ignore' ? ', state kept' : ''})`
          : `no datapoints; ${n} missing datapoints treated as ${treat === 'breaching' ? 'breaching' : 'not breaching'}`,
      };
    case FILLED_BREACHING: return thresholdOutcome(`${breaching + filled} of ${n} datapoints breaching (${filled} missing counted as breaching)`, breaching + filled, m);
    case FILLED_NOT_BREACHING: return thresholdOutcome(`${breaching} of ${n} datapoints breaching (${filled} missing counted as not breaching)`, breaching, m);
    case REAL_ONLY_ALARM: return thresholdOutcome(`${breaching} of ${real} real datapoints breaching`, breaching, m);
    case REAL_ONLY_OK: return { state, reason: `${breaching} of ${real} real datapoints breaching, fewer than ${m}; a real datapoint is not breaching` };
    case PREMATURE: return { state, reason: `oldest breaching datapoint is ${age} periods old (at least ${m}) and every newer datapoint is breaching or missing` };
    default: return { state, reason: `${breaching} of ${real} real datapoints breaching, too few and too recent to decide (state kept)` };
  }
}

function thresholdOutcome(what: string, breaching: number, m: number): { state: AlarmState; reason: string } {
  return breaching >= m ? { state: 'ALARM', reason: `${what}, at least ${m}` } : { state: 'OK', reason: `${what}, fewer than ${m}` };
}

/** `'0 - X - X'` → codes; the notation of the User Guide's tables (0 = not breaching, X = breaching, - = missing). */
export function codesFromNotation(notation: string): Uint8Array {
  const codes: Record<string, number> = { '0': NOT_BREACHING, 'X': BREACHING, '-': MISSING };
  return Uint8Array.from(notation.trim().split(/\s+/).map((p) => {
    if (codes[p] === undefined) throw new Error(`datapoint notation uses 0, X and -, got '${p}'`);
    return codes[p];
  }));
}
