import { defaultAlertRequests } from '../../src/slo/alert-plan';
import { needsStillBurning, STILL_BURNING_WINDOW_SECONDS, stillBurningThreshold } from '../../src/slo/still-burning';

describe('still-burning condition', () => {
  test('only page pairs whose short window outlasts 5 minutes need it: the 6 h / 30 min pair of the defaults', () => {
    const needing = defaultAlertRequests(30).filter(needsStillBurning);
    expect(needing.map((r) => [r.severity, r.longWindowSeconds, r.shortWindowSeconds])).toEqual([['PAGE', 21_600, 1_800]]);
    expect(STILL_BURNING_WINDOW_SECONDS).toBe(300);
  });

  test('a page pair confirming within 5 minutes, or any ticket pair, does not', () => {
    expect(needsStillBurning({ severity: 'PAGE', longWindowSeconds: 21_600, shortWindowSeconds: 300, burnRate: 6 })).toBe(false);
    expect(needsStillBurning({ severity: 'PAGE', longWindowSeconds: 3_600, shortWindowSeconds: 360, burnRate: 14.4 })).toBe(true);
    expect(needsStillBurning({ severity: 'TICKET', longWindowSeconds: 86_400, shortWindowSeconds: 7_200, burnRate: 3 })).toBe(false);
  });

  test('its threshold is the whole error budget (burn rate 1x), rounded like every threshold', () => {
    expect(stillBurningThreshold(99.9)).toBe(0.001);
    expect(stillBurningThreshold(99.95)).toBe(0.0005);
    expect(stillBurningThreshold(99)).toBe(0.01);
  });
});
