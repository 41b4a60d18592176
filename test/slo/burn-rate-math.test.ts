import {
  alarmThreshold, budgetExhaustionSeconds, budgetSpentPercent, burnRateForBudgetSpent, canFire,
  defaultBurnRateTable, defaultShortWindowSeconds, errorBudget, maxBurnRate, minimumObjectiveForBurnRate,
  REFERENCE_BURN_RATE_TABLE, roundSignificant, scaleBurnRate, timeToFireSeconds,
} from '../../src/slo/burn-rate-math';

describe('burn-rate math', () => {
  test('the budget of 99.9 % is exactly 0.001 (no floating-point residue)', () => {
    expect(errorBudget(99.9)).toBe(0.001);
    expect(errorBudget(99.95)).toBe(0.0005);
    expect(errorBudget(99)).toBe(0.01);
  });

  test('thresholds at 99.9 % over 30 days are exactly the Workbook table', () => {
    expect(REFERENCE_BURN_RATE_TABLE.map((row) => alarmThreshold(99.9, row.burnRate))).toEqual([0.0144, 0.006, 0.003, 0.001]);
  });

  test('a 28-day window scales the rates by 28/30', () => {
    expect(defaultBurnRateTable(28).map((r) => r.burnRate)).toEqual([13.44, 5.6, 2.8, 0.933333333333]);
    expect(defaultBurnRateTable(28).map((r) => alarmThreshold(99.9, r.burnRate))).toEqual([0.01344, 0.0056, 0.0028, 0.000933333333333]);
  });

  test('a 7-day window scales the rates by 7/30', () => {
    expect(defaultBurnRateTable(7).map((r) => r.burnRate)).toEqual([3.36, 1.4, 0.7, 0.233333333333]);
    expect(scaleBurnRate(14.4, 30)).toBe(14.4);
  });

  test('the highest burn rate is 1 / (1 − objective)', () => {
    expect(maxBurnRate(99.9)).toBe(1000);
    expect(maxBurnRate(90)).toBe(10);
    expect(maxBurnRate(50)).toBe(2);
  });

  test('14.4x can fire only above an objective of 93.06 %', () => {
    expect(minimumObjectiveForBurnRate(14.4)).toBeCloseTo(93.0556, 4);
    expect(canFire(93.1, 14.4)).toBe(true);
    expect(canFire(93.0, 14.4)).toBe(false);
    // Exactly at the edge the threshold is 1: a ratio can reach it but never exceed it.
    expect(alarmThreshold(75, 4)).toBe(1);
    expect(canFire(75, 4)).toBe(false);
  });

  test('budget spent when a pair fires: 2 %, 5 %, 10 %, 10 % over 30 days', () => {
    expect(REFERENCE_BURN_RATE_TABLE.map((r) => budgetSpentPercent(r.burnRate, r.longWindowSeconds, 30 * 86_400))).toEqual([2, 5, 10, 10]);
  });

  test('the burn factor recovers the table from the budget spent', () => {
    expect(burnRateForBudgetSpent(2, 3_600, 30 * 86_400)).toBe(14.4);
    expect(burnRateForBudgetSpent(5, 21_600, 30 * 86_400)).toBe(6);
  });

  test('a full outage at 99.9 % trips the 1 h / 14.4x pair in 51.84 s', () => {
    expect(timeToFireSeconds(99.9, 1, 3_600, 14.4)).toBe(51.84);
    expect(timeToFireSeconds(99.9, 0.1, 3_600, 14.4)).toBe(518.4);
  });

  test('an error ratio at or under the threshold never fires', () => {
    expect(timeToFireSeconds(99.9, 0.0144, 3_600, 14.4)).toBe(Number.POSITIVE_INFINITY);
  });

  test('at burn rate 14.4 a 30-day budget lasts 50 hours', () => {
    expect(budgetExhaustionSeconds(14.4, 30 * 86_400)).toBe(180_000);
  });

  test('the short window is a twelfth of the long one', () => {
    expect(REFERENCE_BURN_RATE_TABLE.map((r) => defaultShortWindowSeconds(r.longWindowSeconds)))
      .toEqual(REFERENCE_BURN_RATE_TABLE.map((r) => r.shortWindowSeconds));
  });

  test('rounding keeps 12 significant digits and leaves 0 and infinities alone', () => {
    expect(roundSignificant(0.1 + 0.2)).toBe(0.3);
    expect(roundSignificant(14.4 * 0.001)).toBe(0.0144);
    expect(roundSignificant(0)).toBe(0);
    expect(roundSignificant(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });
});
