import { parseMathExpression } from '../../src/alarm-model/metric-math';
import { evaluateMath, MathEnvironment, MathValue } from '../../src/alarm-model/metric-math-eval';

const _ = null;
type Row = ReadonlyArray<number | null>;

/** Evaluates `text` with the given series (null = no datapoint) and returns plain values. */
function run(text: string, series: Record<string, Row>): number | Array<number | null> | Array<Array<number | null>> {
  const length = Object.values(series)[0]?.length ?? 3;
  const env: MathEnvironment = {
    length,
    context: "alarm 'T'",
    metricIds: Object.keys(series),
    periodOf: () => 300,
    resolve: (id) => ({ kind: 'series', values: Float64Array.from(series[id], (v) => (v === null ? NaN : v)) }),
  };
  return plain(evaluateMath(parseMathExpression(text, "alarm 'T' (query e1)"), env));
}

function plain(v: MathValue): number | Array<number | null> | Array<Array<number | null>> {
  const row = (s: Float64Array) => [...s].map((x) => (Number.isNaN(x) ? null : x));
  if (v.kind === 'scalar') return v.value;
  if (v.kind === 'series') return row(v.values);
  return v.items.map(row);
}

describe('arithmetic (User Guide: missing values count as 0, division by zero drops the point)', () => {
  const m1 = [10, _, 4, _];
  const m2 = [2, 5, _, _];
  test.each([
    ['m1 + m2', [12, 5, 4, _]],
    ['m1 - m2', [8, -5, 4, _]],
    ['m1 * m2', [20, 0, 0, _]],
    ['m1 / m2', [5, 0, _, _]],
    ['m2 ^ 2', [4, 25, _, _]],
    ['-m1', [-10, _, -4, _]],
    ['m1 * 100', [1000, _, 400, _]],
    ['100 / m1', [10, _, 25, _]],
    ['m1 / 0', [_, _, _, _]],
    ['(m1 + m2) / 2', [6, 2.5, 2, _]],
  ])('%s', (text, want) => {
    expect(run(text, { m1, m2 })).toEqual(want);
  });

  test('0 / 0 is dropped, not NaN or 0', () => {
    expect(run('m1 / m2', { m1: [0, 1], m2: [0, 0] })).toEqual([_, _]);
  });

  test('scalars combine to a scalar', () => {
    expect(run('2 + 3 * 4 - 1', { m1: [1] })).toBe(13);
  });
});

describe('comparisons and logical operators (User Guide example)', () => {
  const metric1 = [30, 20, 0, 0];
  const metric2 = [20, _, 20, _];
  test.each([
    ['metric1 < metric2', [0, 0, 1, 0]],
    ['metric1 >= 30', [1, 0, 0, 0]],
    ['metric1 > 15 AND metric2 > 15', [1, 0, 0, 0]],
    ['metric1 > 15 && metric2 > 15', [1, 0, 0, 0]],
    ['metric1 > 25 OR metric2 > 15', [1, 0, 1, 0]],
    ['metric1 == 0', [0, 0, 1, 1]],
    ['metric1 != 0', [1, 1, 0, 0]],
    ['metric1 <= 20', [0, 1, 1, 1]],
  ])('%s', (text, want) => {
    expect(run(text, { metric1, metric2 })).toEqual(want);
  });
});

describe('IF (User Guide tables)', () => {
  const metric1 = [1, 1, 0, 0, _];
  const metric2 = [30, _, 0, 0, 30];
  const metric3 = [0, 0, 20, _, 20];
  test.each([
    ['IF(metric1, metric2, metric3)', [30, 0, 20, _, _]],
    ['IF(metric1, 5, metric3)', [5, 5, 20, _, _]],
    ['IF(metric1, metric2, 5)', [30, 0, 5, 5, _]],
    ['IF(metric1, metric2)', [30, 0, _, _, _]],
    ['IF(metric2 > 10, 1, 0)', [1, _, 0, 0, 1]],
    ['IF(metric2 < 10, metric2)', [_, _, 0, 0, _]],
    ['IF(1, metric2, metric3)', [30, _, 0, 0, 30]],
    ['IF(0, metric2, metric3)', [0, 0, 20, _, 20]],
    ['IF(0, metric2)', [_, _, _, _, _]],
  ])('%s', (text, want) => {
    expect(run(text, { metric1, metric2, metric3 })).toEqual(want);
  });

  test('an SLO ratio guarded against an empty denominator', () => {
    expect(run('IF(valid > 0, bad / valid, 0)', { bad: [1, _, 5, 0], valid: [100, 50, 0, _] })).toEqual([0.01, 0, 0, _]);
  });
});

describe('FILL', () => {
  const m1 = [_, 2, _, _, 8, _];
  test.each([
    ['FILL(m1, 0)', [0, 2, 0, 0, 8, 0]],
    ['FILL(m1, -1) + 1', [0, 3, 0, 0, 9, 0]],
    ['FILL(m1, REPEAT)', [_, 2, 2, 2, 8, 8]],
    ['FILL(m1, LINEAR)', [_, 2, 4, 6, 8, _]],
    ['FILL(m1, m2)', [9, 2, 9, _, 8, 9]],
  ])('%s', (text, want) => {
    expect(run(text, { m1, m2: [9, 9, 9, _, 9, 9] })).toEqual(want);
  });

  test('FILL on an array fills every series', () => {
    expect(run('FILL(METRICS(), 0)', { m1: [_, 1], m2: [2, _] })).toEqual([[0, 1], [2, 0]]);
  });
});

describe('SUM, AVG, MIN, MAX', () => {
  const m1 = [1, _, 3, _];
  const m2 = [5, 2, _, _];
  test.each([
    ['SUM([m1, m2])', [6, 2, 3, _]],
    ['AVG([m1, m2])', [3, 1, 1.5, _]],
    ['MIN([m1, m2])', [1, 2, 3, _]],
    ['MAX([m1, m2])', [5, 2, 3, _]],
    ['SUM(METRICS())', [6, 2, 3, _]],
    ['SUM(METRICS("1"))', [1, _, 3, _]],
    ['m1 - AVG(m1)', [-1, _, 1, _]],
    ['m2 / SUM(m2)', [5 / 7, 2 / 7, _, _]],
    ['MAX(m1) + MIN(m2)', 5],
    ['SUM([m1, 10])', [11, 10, 13, 10]],
    ['ABS(-m1) + CEIL(m2 / 2) + FLOOR(0.5)', [4, 1, 3, _]],
    ['m1 / PERIOD(m1) * 300', [1, _, 3, _]],
  ])('%s', (text, want) => {
    expect(run(text, { m1, m2 })).toEqual(want);
  });
});

describe('errors', () => {
  test.each([
    ['REPEAT', "alarm 'T': REPEAT can only be the second argument of FILL"],
    ['METRICS() + METRICS()', "alarm 'T': an operator between two arrays of series is not supported"],
    ['IF(METRICS(), 1, 0)', "alarm 'T': IF does not take arrays of series"],
    ['FILL(1, 0)', "alarm 'T': FILL needs a series as its first argument"],
    ['FILL(m1, METRICS())', "alarm 'T': FILL's second argument cannot be an array"],
    ['PERIOD(2)', "alarm 'T': PERIOD takes the id of a query, e.g. PERIOD(m1)"],
    ['METRICS(m1)', "alarm 'T': METRICS takes an optional string, e.g. METRICS(\"errors\")"],
    ['m1 + "x"', "alarm 'T': a string can only be the argument of METRICS"],
  ])('%s', (text, want) => {
    expect(() => run(text, { m1: [1] })).toThrow(want);
  });

  test('operators between an array and a series apply to each member', () => {
    // Series with series: union of timestamps, missing counts as 0.
    expect(run('METRICS() * m1', { m1: [2, 3], m2: [1, _] })).toEqual([[4, 9], [2, 0]]);
    expect(run('10 - METRICS()', { m1: [2, 3] })).toEqual([[8, 7]]);
  });
});
