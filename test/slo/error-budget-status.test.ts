import { attainmentPercent, budgetRemainingOutageMinutes, budgetRemainingPercent, measuredBurnRate } from '../../src/slo/burn-rate-math';

describe('error budget arithmetic (99.9 % over 30 days: budget 0.001, 43.2 minutes of full outage)', () => {
  test('half the budget spent', () => {
    expect(attainmentPercent(0.0005)).toBeCloseTo(99.95, 10);
    expect(budgetRemainingPercent(0.0005, 0.001)).toBeCloseTo(50, 10);
    expect(budgetRemainingOutageMinutes(0.0005, 0.001, 30 * 86_400)).toBeCloseTo(21.6, 10);
  });

  test('nothing spent: the whole 43.2 minutes are left', () => {
    expect(budgetRemainingPercent(0, 0.001)).toBe(100);
    expect(budgetRemainingOutageMinutes(0, 0.001, 30 * 86_400)).toBeCloseTo(43.2, 10);
  });

  test('overspent reads negative', () => {
    expect(budgetRemainingPercent(0.002, 0.001)).toBeCloseTo(-100, 10);
    expect(budgetRemainingOutageMinutes(0.002, 0.001, 30 * 86_400)).toBeCloseTo(-43.2, 10);
  });

  test('burn rate: the Workbook page threshold 0.0144 at 99.9 % is 14.4×', () => {
    expect(measuredBurnRate(0.0144, 0.001)).toBeCloseTo(14.4, 10);
  });
});
