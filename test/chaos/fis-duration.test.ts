import { Duration } from 'aws-cdk-lib';
import { fisDuration, isoDuration } from '../../src/chaos/fis-duration';

describe('isoDuration', () => {
  test.each([
    [60, 'PT1M'],
    [90, 'PT1M30S'],
    [3600, 'PT1H'],
    [43200, 'PT12H'],
    [5430, 'PT1H30M30S'],
  ])('%d seconds is %s', (seconds, iso) => {
    expect(isoDuration(seconds)).toBe(iso);
  });
});

describe('fisDuration', () => {
  test('accepts the bounds, one minute and 12 hours', () => {
    expect(fisDuration('O', 'duration', Duration.minutes(1), 60, 43200)).toBe('PT1M');
    expect(fisDuration('O', 'duration', Duration.hours(12), 60, 43200)).toBe('PT12H');
  });

  test('refuses 59 seconds', () => {
    expect(() => fisDuration("FisAction 'x'", 'duration', Duration.seconds(59), 60, 43200))
      .toThrow("FisAction 'x': duration must be a whole number of seconds between 1 minute and 12 hours, got 59 seconds");
  });

  test('refuses 13 hours', () => {
    expect(() => fisDuration('O', 'duration', Duration.hours(13), 60, 43200)).toThrow(/between 1 minute and 12 hours, got 13 hours/);
  });

  test('refuses a fraction of a second', () => {
    expect(() => fisDuration('O', 'duration', Duration.millis(60500), 60, 43200)).toThrow(/whole number of seconds/);
  });

  test('refuses a missing duration with the prop name', () => {
    expect(() => fisDuration('O', 'duration', undefined as any, 60, 43200)).toThrow('O: duration must be a Duration between 1 minute and 12 hours, got undefined');
  });
});
