import {
  BREACHING, codesFromNotation, defaultEvaluationRange, evaluateDatapoints, explainDatapoints, MISSING, NOT_BREACHING,
} from '../../src/alarm-model/missing-data';
import type { AlarmState, TreatMissingData } from '../../src/alarm-model/types';

type Row = [string, AlarmState | 'RETAIN', AlarmState | 'RETAIN', AlarmState, AlarmState];

/** Runs one row of a User Guide table for all four settings; RETAIN is checked from both OK and ALARM. */
function checkRow(n: number, m: number, [points, missing, ignore, breaching, notBreaching]: Row): void {
  const codes = codesFromNotation(points);
  const expected: Record<TreatMissingData, AlarmState | 'RETAIN'> = { missing, ignore, breaching, notBreaching };
  for (const treat of Object.keys(expected) as TreatMissingData[]) {
    const settings = { evaluationPeriods: n, datapointsToAlarm: m, treatMissingData: treat };
    for (const current of ['OK', 'ALARM'] as AlarmState[]) {
      const want = expected[treat] === 'RETAIN' ? current : expected[treat];
      expect({ points, treat, current, state: evaluateDatapoints(codes, settings, current) })
        .toEqual({ points, treat, current, state: want });
    }
  }
}

describe('CloudWatch User Guide, missing data table 1 (M = N = 3, evaluation range 5)', () => {
  // Columns: data points | MISSING | IGNORE | BREACHING | NOT BREACHING
  const rows: Row[] = [
    ['0 - X - X', 'OK', 'OK', 'OK', 'OK'],
    ['0 - - - -', 'OK', 'OK', 'OK', 'OK'],
    ['- - - - -', 'INSUFFICIENT_DATA', 'RETAIN', 'ALARM', 'OK'],
    ['0 X X - X', 'ALARM', 'ALARM', 'ALARM', 'ALARM'],
    ['- - X - -', 'ALARM', 'RETAIN', 'ALARM', 'OK'],
  ];
  test.each(rows)('%s', (...row) => checkRow(3, 3, row as Row));
});

describe('CloudWatch User Guide, missing data table 2 (M = 2, N = 3, evaluation range 5)', () => {
  const rows: Row[] = [
    ['0 - X - X', 'ALARM', 'ALARM', 'ALARM', 'ALARM'],
    ['0 0 X 0 X', 'ALARM', 'ALARM', 'ALARM', 'ALARM'],
    ['0 - X - -', 'OK', 'OK', 'ALARM', 'OK'],
    ['- - - - 0', 'OK', 'OK', 'ALARM', 'OK'],
    ['- - - X -', 'ALARM', 'RETAIN', 'ALARM', 'OK'],
  ];
  test.each(rows)('%s', (...row) => checkRow(3, 2, row as Row));
});

describe('rows of the 2019 edition of the table (M = N = 3)', () => {
  // `X - - - -` went to ALARM under missing: the premature-alarm rule counts the age within the whole range.
  test('X - - - -', () => checkRow(3, 3, ['X - - - -', 'ALARM', 'RETAIN', 'ALARM', 'OK']));
  // `- - - - X` under missing: the edition listed INSUFFICIENT_DATA, i.e. the state of a new alarm; we keep the state.
  test('- - - - X keeps INSUFFICIENT_DATA of a new alarm under missing', () => {
    const settings = { evaluationPeriods: 3, datapointsToAlarm: 3, treatMissingData: 'missing' as const };
    expect(evaluateDatapoints(codesFromNotation('- - - - X'), settings, 'INSUFFICIENT_DATA')).toBe('INSUFFICIENT_DATA');
    expect(evaluateDatapoints(codesFromNotation('- - - - X'), settings, 'OK')).toBe('OK');
  });
});

describe('avoiding premature transitions to ALARM (M = N = 3 unless stated)', () => {
  const missing = (m: number) => ({ evaluationPeriods: 3, datapointsToAlarm: m, treatMissingData: 'missing' as const });

  test.each([
    ['- - - - X', 'OK'],
    ['- - - X -', 'OK'],
    ['- - X - -', 'ALARM'],
    ['- - - X 0', 'OK'],
    ['- - X - 0', 'OK'],
    ['- X X - -', 'ALARM'],
    ['- - - X X', 'OK'],
  ])('%s from OK → %s', (points, want) => {
    expect(evaluateDatapoints(codesFromNotation(points), missing(3), 'OK')).toBe(want);
  });

  test('an M of N alarm goes to ALARM when the oldest breaching point is at least M periods old', () => {
    expect(evaluateDatapoints(codesFromNotation('- - - X -'), missing(2), 'OK')).toBe('ALARM');
    expect(evaluateDatapoints(codesFromNotation('- - - - X'), missing(2), 'OK')).toBe('OK');
  });

  test('M = 1 alarms on a single breaching point, however recent', () => {
    expect(evaluateDatapoints(codesFromNotation('- - - - X'), missing(1), 'OK')).toBe('ALARM');
  });

  test('the reason names the rule', () => {
    expect(explainDatapoints(codesFromNotation('- - X - -'), missing(3), 'OK').reason)
      .toBe('oldest breaching datapoint is 3 periods old (at least 3) and every newer datapoint is breaching or missing');
  });
});

describe('M of N with enough real datapoints', () => {
  const settings = (n: number, m: number) => ({ evaluationPeriods: n, datapointsToAlarm: m, treatMissingData: 'breaching' as const });

  test.each([
    ['0 0 0 X 0 X X', 5, 3, 'ALARM'],
    ['0 0 X 0 0 X 0', 5, 3, 'OK'],
    ['X X X 0 0 0 0', 5, 3, 'OK'],
    ['X 0 X 0 X 0 0', 5, 2, 'ALARM'],
    ['0 0 0 0 0 0 X', 5, 1, 'ALARM'],
  ])('%s with N = %d, M = %d → %s (breaches need not be consecutive)', (points, n, m, want) => {
    expect(evaluateDatapoints(codesFromNotation(points), settings(n, m), 'OK')).toBe(want);
  });

  test('the N most recent real points are used even when older than the last N periods', () => {
    // Real points X X X sit in the range; the two newest periods are missing: the setting is not consulted.
    expect(evaluateDatapoints(codesFromNotation('X X X - -'), settings(3, 3), 'OK')).toBe('ALARM');
    expect(evaluateDatapoints(codesFromNotation('X X X - -'), { ...settings(3, 3), treatMissingData: 'notBreaching' }, 'OK')).toBe('ALARM');
  });
});

describe('helpers', () => {
  test('the default evaluation range reproduces the User Guide example (N = 3 → 5) and grows with N', () => {
    expect(defaultEvaluationRange(1)).toBe(3);
    expect(defaultEvaluationRange(3)).toBe(5);
    expect(defaultEvaluationRange(60)).toBe(80);
  });

  test('the notation maps 0, X and - and rejects anything else', () => {
    expect([...codesFromNotation('0 X -')]).toEqual([NOT_BREACHING, BREACHING, MISSING]);
    expect(() => codesFromNotation('0 Y')).toThrow("datapoint notation uses 0, X and -, got 'Y'");
  });
});

describe('reasons, as the backtest report shows them', () => {
  const settings = (treat: TreatMissingData, n = 3, m = 3) => ({ evaluationPeriods: n, datapointsToAlarm: m, treatMissingData: treat });
  test.each([
    ['0 X X - X', settings('missing'), 'ALARM', '3 of the 3 most recent real datapoints breaching, at least 3'],
    ['- - - - -', settings('missing'), 'INSUFFICIENT_DATA', 'no datapoints in the last 5 periods (treatMissingData: missing)'],
    ['- - - - -', settings('ignore'), 'OK', 'no datapoints in the last 5 periods (treatMissingData: ignore, state kept)'],
    ['- - - - -', settings('breaching'), 'ALARM', 'no datapoints; 3 missing datapoints treated as breaching'],
    ['- - - - -', settings('notBreaching'), 'OK', 'no datapoints; 3 missing datapoints treated as not breaching'],
    ['0 - - - -', settings('breaching'), 'OK', '2 of 3 datapoints breaching (2 missing counted as breaching), fewer than 3'],
    ['- - X - -', settings('notBreaching'), 'OK', '1 of 3 datapoints breaching (2 missing counted as not breaching), fewer than 3'],
    ['- - X - X', settings('missing', 3, 2), 'ALARM', '2 of 2 real datapoints breaching, at least 2'],
    ['0 - X - -', settings('ignore', 3, 2), 'OK', '1 of 2 real datapoints breaching, fewer than 2; a real datapoint is not breaching'],
    ['- - - - X', settings('missing'), 'OK', '1 of 1 real datapoints breaching, too few and too recent to decide (state kept)'],
  ])('%s with %j', (points, s, state, reason) => {
    expect(explainDatapoints(codesFromNotation(points), s, 'OK')).toEqual({ state, reason });
  });
});
