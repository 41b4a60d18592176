import { DurationStyle, formatApproximateDuration, formatExactDuration } from '../../src/common/duration-text';

describe('formatExactDuration: the largest unit that divides the duration', () => {
  test.each([
    [300, '5 minutes', '5 min', '5m'],
    [3_600, '1 hour', '1 h', '1h'],
    [5_400, '90 minutes', '90 min', '90m'],
    [259_200, '3 days', '3 d', '3d'],
    [45, '45 seconds', '45 s', '45s'],
    [1, '1 second', '1 s', '1s'],
  ])('%d s', (seconds, words, short, compact) => {
    expect(formatExactDuration(seconds)).toBe(words);
    expect(formatExactDuration(seconds, DurationStyle.SHORT)).toBe(short);
    expect(formatExactDuration(seconds, DurationStyle.COMPACT)).toBe(compact);
  });

  test('the largest unit bounds it: 12 hours stay hours, 2 days become 48 hours', () => {
    expect(formatExactDuration(43_200, DurationStyle.WORDS, { largest: 'hour' })).toBe('12 hours');
    expect(formatExactDuration(172_800, DurationStyle.WORDS, { largest: 'hour' })).toBe('48 hours');
  });

  test('below the smallest unit, or zero or negative, it is written in the smallest unit', () => {
    const minutes = { largest: 'hour', smallest: 'minute' } as const;
    expect(formatExactDuration(0, DurationStyle.WORDS, minutes)).toBe('0 minutes');
    expect(formatExactDuration(30, DurationStyle.WORDS, minutes)).toBe('0.5 minutes');
    expect(formatExactDuration(-3_600, DurationStyle.WORDS, minutes)).toBe('-60 minutes');
    expect(formatExactDuration(10_800, DurationStyle.WORDS, { smallest: 'hour' })).toBe('3 hours');
    expect(formatExactDuration(455 * 86_400, DurationStyle.WORDS, { smallest: 'hour' })).toBe('455 days');
  });
});

describe('formatApproximateDuration: the largest unit not longer than the duration, rounded', () => {
  test('one decimal in words; seconds are whole', () => {
    expect(formatApproximateDuration(51.84, DurationStyle.WORDS, 1)).toBe('52 seconds');
    expect(formatApproximateDuration(180_000, DurationStyle.WORDS, 1)).toBe('2.1 days');
    expect(formatApproximateDuration(7_500, DurationStyle.WORDS, 1)).toBe('2.1 hours');
    expect(formatApproximateDuration(60, DurationStyle.WORDS, 1)).toBe('1 minute');
  });

  test('two decimals, short units', () => {
    expect([30, 90, 3_600, 5_400, 172_800].map((s) => formatApproximateDuration(s, DurationStyle.SHORT, 2)))
      .toEqual(['30 s', '1.5 min', '1 h', '1.5 h', '2 d']);
  });
});
