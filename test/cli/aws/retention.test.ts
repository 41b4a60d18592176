import { checkRetention, parseTime, retentionSeconds } from '../../../src/cli/aws/retention';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const DAY = 86_400_000;

describe('retention', () => {
  test.each([
    [10, 3 * 3600], [60, 15 * 86_400], [120, 15 * 86_400], [300, 63 * 86_400], [900, 63 * 86_400], [3600, 455 * 86_400], [86_400, 455 * 86_400],
  ])(
    'period %i s is kept %i s', (period, seconds) => { expect(retentionSeconds(period)).toBe(seconds); });

  test('a range within retention passes', () => {
    expect(() => checkRetention([{ label: 'alarm A', period: 60 }], NOW - 15 * DAY, NOW)).not.toThrow();
  });

  test('beyond retention names the alarm, the period, the limit and the earliest start', () => {
    expect(() => checkRetention([{ label: 'alarm Slow', period: 3600 }, { label: 'alarm Fast', period: 60 }], NOW - 20 * DAY, NOW)).toThrow(
      '--from 2026-05-12T00:00:00.000Z is beyond CloudWatch retention: alarm Fast needs 60-second data, which CloudWatch keeps for 15 days. '
      + 'Use --from 2026-05-17T00:00:00.000Z or later, or replay an exported history with --metrics FILE.');
  });
});

describe('parseTime', () => {
  test.each([
    ['2026-05-31T12:00:00Z', Date.parse('2026-05-31T12:00:00Z')],
    ['now', NOW],
    ['now-7d', NOW - 7 * DAY],
    ['now-12h', NOW - 12 * 3_600_000],
    ['now-30m', NOW - 30 * 60_000],
  ])('%s', (text, ms) => { expect(parseTime(text, '--from', NOW)).toBe(ms); });

  test('anything else is a usage error', () => {
    expect(() => parseTime('last week', '--from', NOW)).toThrow('--from must be an ISO 8601 time (2026-01-01T00:00:00Z) or now / now-<n>m|h|d, got "last week"');
    expect(() => parseTime('1700000000', '--to', NOW)).toThrow('--to must be an ISO 8601 time');
  });
});
