import { isoSeconds, transition } from '../../src/alarm-model/state-transition';

describe('state transitions', () => {
  test.each([0, 59, 3599, 86_399, 86_400, 1_767_225_660, 1_767_311_999, 4_102_444_800])('isoSeconds(%d) matches Date#toISOString', (t) => {
    expect(isoSeconds(t)).toBe(new Date(t * 1000).toISOString());
  });

  test('a transition carries both time forms', () => {
    expect(transition(1_767_225_660, 'ALARM', 'why')).toEqual({
      timestamp: '2026-01-01T00:01:00.000Z', epochMs: 1_767_225_660_000, state: 'ALARM', reason: 'why',
    });
  });
});
