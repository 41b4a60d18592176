import { defaultAlertRequests } from '../../src/slo/alert-plan';
import {
  needsStillBurning, PAGE_HOLD_SECONDS, shortWindowShape, STILL_BURNING_WINDOW_SECONDS, stillBurningThreshold,
} from '../../src/slo/still-burning';

describe('still-burning condition', () => {
  test('only page pairs whose short window outlasts the 10-minute hold need it: the 6 h / 30 min pair of the defaults', () => {
    const needing = defaultAlertRequests(30).filter(needsStillBurning);
    expect(needing.map((r) => [r.severity, r.longWindowSeconds, r.shortWindowSeconds])).toEqual([['PAGE', 21_600, 1_800]]);
    // One window as long as the hold.
    expect([STILL_BURNING_WINDOW_SECONDS, PAGE_HOLD_SECONDS]).toEqual([600, 600]);
  });

  test('a page pair confirming within the hold, or any ticket pair, does not', () => {
    expect(needsStillBurning({ severity: 'PAGE', longWindowSeconds: 21_600, shortWindowSeconds: 300, burnRate: 6 })).toBe(false);
    expect(needsStillBurning({ severity: 'PAGE', longWindowSeconds: 21_600, shortWindowSeconds: 600, burnRate: 6 })).toBe(false);
    expect(needsStillBurning({ severity: 'PAGE', longWindowSeconds: 3_600, shortWindowSeconds: 660, burnRate: 14.4 })).toBe(true);
    expect(needsStillBurning({ severity: 'TICKET', longWindowSeconds: 86_400, shortWindowSeconds: 7_200, burnRate: 3 })).toBe(false);
  });

  test('a page short window that fits the hold is read over the hold; a longer one looks back over two windows; ticket windows once', () => {
    const page = (long: number, short: number) => shortWindowShape({ severity: 'PAGE', longWindowSeconds: long, shortWindowSeconds: short, burnRate: 6 });
    expect(page(3_600, 300)).toEqual({ seconds: 600, evaluationPeriods: 1 });
    expect(page(3_600, 60)).toEqual({ seconds: 600, evaluationPeriods: 1 });
    expect(page(3_600, 600)).toEqual({ seconds: 600, evaluationPeriods: 1 });
    expect(page(21_600, 1_800)).toEqual({ seconds: 1_800, evaluationPeriods: 2 });
    // A pair that fits the hold entirely keeps its own short window.
    expect(page(600, 120)).toEqual({ seconds: 120, evaluationPeriods: 1 });
    expect(shortWindowShape({ severity: 'TICKET', longWindowSeconds: 86_400, shortWindowSeconds: 7_200, burnRate: 3 }))
      .toEqual({ seconds: 7_200, evaluationPeriods: 1 });
  });

  test('its threshold is the whole error budget (burn rate 1x), rounded like every threshold', () => {
    expect(stillBurningThreshold(99.9)).toBe(0.001);
    expect(stillBurningThreshold(99.95)).toBe(0.0005);
    expect(stillBurningThreshold(99)).toBe(0.01);
  });
});
