import { compactWindow, defaultAlertRequests, humanDuration, humanWindow, planAlerts } from '../../src/slo/alert-plan';

describe('alert plan', () => {
  test('99.9 % over 30 days keeps every default pair with the Workbook numbers', () => {
    const plan = planAlerts(99.9, 30, defaultAlertRequests(30));
    expect(plan.dropped).toEqual([]);
    expect(plan.kept.map((a) => [a.severity, a.longWindowSeconds, a.shortWindowSeconds, a.burnRate, a.threshold, a.budgetSpentPercent]))
      .toEqual([
        ['PAGE', 3_600, 300, 14.4, 0.0144, 2],
        ['PAGE', 21_600, 1_800, 6, 0.006, 5],
        ['TICKET', 86_400, 7_200, 3, 0.003, 10],
        ['TICKET', 259_200, 21_600, 1, 0.001, 10],
      ]);
    expect(plan.kept[0].fullOutageTimeToFireSeconds).toBe(51.84);
  });

  test('28 days keeps the budget shares and scales thresholds', () => {
    const plan = planAlerts(99.9, 28, defaultAlertRequests(28));
    expect(plan.kept.map((a) => a.threshold)).toEqual([0.01344, 0.0056, 0.0028, 0.000933333333333]);
    expect(plan.kept.map((a) => a.budgetSpentPercent)).toEqual([2, 5, 10, 10]);
  });

  test('at 90 % the 14.4x pair is dropped with the reason', () => {
    const plan = planAlerts(90, 30, defaultAlertRequests(30));
    expect(plan.kept.map((a) => a.burnRate)).toEqual([6, 3, 1]);
    expect(plan.dropped).toEqual([expect.objectContaining({ burnRate: 14.4, maxBurnRate: 10 })]);
    expect(plan.dropped[0].minimumObjectivePercent).toBeCloseTo(93.0556, 4);
  });

  test('window labels', () => {
    expect([300, 3_600, 259_200, 45, 5_400].map(compactWindow)).toEqual(['5m', '1h', '3d', '45s', '90m']);
    expect([300, 3_600, 86_400, 1].map(humanWindow)).toEqual(['5 minutes', '1 hour', '1 day', '1 second']);
    expect([51.84, 90, 7_200, 180_000].map(humanDuration)).toEqual(['52 seconds', '1.5 minutes', '2 hours', '2.1 days']);
  });
});
