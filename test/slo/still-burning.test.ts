import { defaultAlertRequests } from '../../src/slo/alert-plan';
import {
  needsStillBurning, PAGE_HOLD_SECONDS, shortWindowEvaluationPeriods, STILL_BURNING_EVALUATION_PERIODS,
  STILL_BURNING_WINDOW_SECONDS, stillBurningThreshold,
} from '../../src/slo/still-burning';

describe('still-burning condition', () => {
  test('only page pairs whose short window outlasts the 10-minute hold need it: the 6 h / 30 min pair of the defaults', () => {
    const needing = defaultAlertRequests(30).filter(needsStillBurning);
    expect(needing.map((r) => [r.severity, r.longWindowSeconds, r.shortWindowSeconds])).toEqual([['PAGE', 21_600, 1_800]]);
    // A 5-minute window, twice: the condition looks back over the whole hold.
    expect([STILL_BURNING_WINDOW_SECONDS, STILL_BURNING_EVALUATION_PERIODS, PAGE_HOLD_SECONDS]).toEqual([300, 2, 600]);
  });

  test('a page pair confirming within the hold, or any ticket pair, does not', () => {
    expect(needsStillBurning({ severity: 'PAGE', longWindowSeconds: 21_600, shortWindowSeconds: 300, burnRate: 6 })).toBe(false);
    expect(needsStillBurning({ severity: 'PAGE', longWindowSeconds: 21_600, shortWindowSeconds: 600, burnRate: 6 })).toBe(false);
    expect(needsStillBurning({ severity: 'PAGE', longWindowSeconds: 3_600, shortWindowSeconds: 660, burnRate: 14.4 })).toBe(true);
    expect(needsStillBurning({ severity: 'TICKET', longWindowSeconds: 86_400, shortWindowSeconds: 7_200, burnRate: 3 })).toBe(false);
  });

  test('a page short window looks back over the hold, and at least over two windows; ticket windows are one datapoint', () => {
    const page = (short: number) => shortWindowEvaluationPeriods({ severity: 'PAGE', longWindowSeconds: 86_400, shortWindowSeconds: short, burnRate: 6 });
    expect(page(300)).toBe(2);
    expect(page(60)).toBe(10);
    expect(page(240)).toBe(2); // floor(600 / 240) = 2
    expect(page(1_800)).toBe(2);
    expect(shortWindowEvaluationPeriods({ severity: 'TICKET', longWindowSeconds: 86_400, shortWindowSeconds: 7_200, burnRate: 3 })).toBe(1);
  });

  test('its threshold is the whole error budget (burn rate 1x), rounded like every threshold', () => {
    expect(stillBurningThreshold(99.9)).toBe(0.001);
    expect(stillBurningThreshold(99.95)).toBe(0.0005);
    expect(stillBurningThreshold(99)).toBe(0.01);
  });
});
