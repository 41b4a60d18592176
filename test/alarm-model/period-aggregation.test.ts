import { aggregateWindows, normalizeSeries, seriesLabel, toEpochMs, WindowGrid } from '../../src/alarm-model/period-aggregation';
import type { MetricSeries } from '../../src/alarm-model/types';

const T0 = Date.parse('2026-01-01T00:00:00Z') / 1000;
const iso = (minute: number) => new Date((T0 + minute * 60) * 1000).toISOString();
const owner = "Alarm 'A'";
const base = { namespace: 'App', metricName: 'Latency' };

/** Windows of `period` seconds ending every `step` seconds, the first ending at T0 + firstEnd minutes. */
function grid(period: number, step: number, count: number, firstEndMinute: number): WindowGrid {
  return { gridStart: T0 + firstEndMinute * 60, step, count, period };
}

const plain = (xs: Float64Array) => [...xs].map((x) => (Number.isNaN(x) ? null : x));

describe('aggregating single observations', () => {
  // One value per minute from 00:00; minute 3 missing.
  const series = normalizeSeries({ ...base, start: iso(0), values: [4, 1, 7, null, 2, 9, 3, 3] }, 0);
  const fiveMinutes = grid(300, 60, 4, 5); // windows ending 00:05, 00:06, 00:07, 00:08

  test.each([
    ['Sum', [14, 19, 21, 17]],
    ['SampleCount', [4, 4, 4, 4]],
    ['Average', [3.5, 4.75, 5.25, 4.25]],
    ['Minimum', [1, 1, 2, 2]],
    ['Maximum', [7, 9, 9, 9]],
  ])('%s over sliding 5-minute windows', (stat, want) => {
    expect(plain(aggregateWindows(series, stat, fiveMinutes, owner))).toEqual(want);
  });

  test('a window without any datapoint is missing; one with a single point is that point', () => {
    const g = grid(60, 60, 3, 3); // windows [00:02,00:03) [00:03,00:04) [00:04,00:05)
    expect(plain(aggregateWindows(series, 'Sum', g, owner))).toEqual([7, null, 2]);
    expect(plain(aggregateWindows(series, 'Minimum', g, owner))).toEqual([7, null, 2]);
  });

  test('windows before and after the data are missing', () => {
    const g = grid(120, 60, 12, -1); // ends at -00:01 ... 00:10
    expect(plain(aggregateWindows(series, 'Maximum', g, owner))).toEqual([null, null, 4, 4, 7, 7, 2, 9, 9, 3, 3, null]);
    expect(plain(aggregateWindows(series, 'Sum', g, owner))).toEqual([null, null, 4, 5, 8, 7, 2, 11, 12, 6, 3, null]);
  });

  test('windows aligned to the period (non-overlapping)', () => {
    expect(plain(aggregateWindows(series, 'Average', grid(120, 120, 4, 2), owner))).toEqual([2.5, 7, 5.5, 3]);
    expect(plain(aggregateWindows(series, 'Maximum', grid(120, 120, 4, 2), owner))).toEqual([4, 7, 9, 3]);
  });
});

describe('aggregating statistic sets', () => {
  const series = normalizeSeries({
    ...base,
    points: [
      { timestamp: iso(0), sum: 10, sampleCount: 4, minimum: 1, maximum: 5 },
      { timestamp: iso(1), sum: 30, sampleCount: 6, minimum: 2, maximum: 9 },
      { timestamp: iso(2), value: null },
    ],
  }, 0);
  const twoMinutes = grid(120, 60, 1, 2);

  test.each([
    ['Sum', 40],
    ['SampleCount', 10],
    ['Average', 4],
    ['Minimum', 1],
    ['Maximum', 9],
  ])('%s combines the sets exactly', (stat, want) => {
    expect(plain(aggregateWindows(series, stat, twoMinutes, owner))).toEqual([want]);
  });

  test('two points at one timestamp add up like two PutMetricData calls', () => {
    const s = normalizeSeries({ ...base, points: [{ timestamp: iso(0), value: 2 }, { timestamp: iso(0), value: 6 }] }, 0);
    const g = grid(60, 60, 1, 1);
    expect(['Sum', 'SampleCount', 'Average', 'Minimum', 'Maximum'].map((st) => aggregateWindows(s, st, g, owner)[0])).toEqual([8, 2, 4, 2, 6]);
  });

  test('points may come in any order and at a coarser period', () => {
    const s = normalizeSeries({ ...base, period: 300, points: [{ timestamp: iso(10), value: 3 }, { timestamp: iso(0), value: 1 }] }, 0);
    expect([s.start, s.length, s.period]).toEqual([T0, 3, 300]);
    expect(plain(aggregateWindows(s, 'Sum', grid(300, 300, 3, 5), owner))).toEqual([1, null, 3]);
  });
});

describe('pre-aggregated series (statistic given)', () => {
  const stats = (statistic: string, values: Array<number | null>): MetricSeries => ({ ...base, statistic, start: iso(0), values });

  test('Sum, SampleCount, Minimum and Maximum re-aggregate to a longer period', () => {
    const g = grid(180, 180, 1, 3);
    expect(aggregateWindows(normalizeSeries(stats('Sum', [1, 2, 3]), 0), 'Sum', g, owner)[0]).toBe(6);
    expect(aggregateWindows(normalizeSeries(stats('SampleCount', [1, 2, 3]), 0), 'SampleCount', g, owner)[0]).toBe(6);
    expect(aggregateWindows(normalizeSeries(stats('Minimum', [5, 2, 3]), 0), 'Minimum', g, owner)[0]).toBe(2);
    expect(aggregateWindows(normalizeSeries(stats('Maximum', [5, 2, 3]), 0), 'Maximum', g, owner)[0]).toBe(5);
  });

  test('a percentile is used as given at its own period', () => {
    const s = normalizeSeries(stats('p99', [120, null, 340]), 0);
    expect(plain(aggregateWindows(s, 'p99', grid(60, 60, 3, 1), owner))).toEqual([120, null, 340]);
  });

  test.each([
    [stats('p99', [1, 2]), 'p99', grid(120, 60, 1, 2), "Alarm 'A': metrics[0] (App Latency) holds p99 at 60 s, which cannot be re-aggregated to the alarm's period of 120 s"],
    [stats('Average', [1, 2]), 'Average', grid(120, 60, 1, 2), 'holds Average at 60 s, which cannot be re-aggregated'],
    [stats('Average', [1, 2]), 'Sum', grid(60, 60, 1, 1), "Alarm 'A': needs statistic Sum but metrics[0] (App Latency) holds Average"],
    [{ ...base, start: iso(0), values: [1, 2] }, 'p99', grid(60, 60, 1, 1), "Alarm 'A': statistic p99 cannot be computed from single values or statistic sets (metrics[0] (App Latency)); supply that metric as a series with statistic \"p99\" at the alarm's period"],
    [{ ...base, period: 300, start: iso(0), values: [1, 2] }, 'Sum', grid(60, 60, 1, 1), "Alarm 'A': its period of 60 s is not a multiple of the 300-second period of metrics[0] (App Latency)"],
  ])('rejects %#', (input, stat, g, message) => {
    expect(() => aggregateWindows(normalizeSeries(input as MetricSeries, 0), stat, g, owner)).toThrow(message);
  });
});

describe('normalizeSeries rejects malformed input with the series named', () => {
  test.each([
    [{ ...base, namespace: '' }, 'metrics[3].namespace must be a non-empty string, got ""'],
    [{ ...base, metricName: 7 }, 'metrics[3].metricName must be a non-empty string, got 7'],
    [{ ...base, period: 0, points: [] }, 'metrics[3] (App Latency): period must be a positive whole number of seconds, got 0'],
    [{ ...base, dimensions: { Host: 1 }, points: [] }, 'metrics[3] (App Latency {Host=1}): dimensions.Host must be a string, got 1'],
    [{ ...base }, 'metrics[3] (App Latency): give points (a list) or start and values'],
    [{ ...base, points: [5] }, 'metrics[3] (App Latency): points[0] must be an object with timestamp and value'],
    [{ ...base, points: [{ timestamp: 1500, value: 1 }] }, 'metrics[3] (App Latency): points[0].timestamp must be a whole second, got 1500'],
    [{ ...base, points: [{ timestamp: 'yesterday', value: 1 }] }, 'metrics[3] (App Latency): points[0].timestamp must be an ISO 8601 timestamp or epoch milliseconds, got "yesterday"'],
    [{ ...base, points: [{ timestamp: iso(0), value: 'high' }] }, 'metrics[3] (App Latency): points[0].value must be a finite number or null (missing), got "high"'],
    [{ ...base, points: [{ timestamp: iso(0), value: 1 }, { timestamp: '2026-01-01T00:00:30Z', value: 1 }] }, 'metrics[3] (App Latency): points[1].timestamp "2026-01-01T00:00:30Z" is not on the series\' 60-second grid starting at 2026-01-01T00:00:00.000Z'],
    [{ ...base, points: [{ timestamp: iso(0) }] }, 'metrics[3] (App Latency): points[0] must carry value (a number, or null for a missing datapoint) or a statistic set (sum, sampleCount, minimum, maximum)'],
    [{ ...base, points: [{ timestamp: iso(0), value: 1, sum: 1 }] }, 'metrics[3] (App Latency): points[0] must carry either value or a statistic set (sum, sampleCount, minimum, maximum), not both'],
    [{ ...base, points: [{ timestamp: iso(0), sum: 1, sampleCount: 1, minimum: 1 }] }, 'metrics[3] (App Latency): points[0].maximum must be a finite number in a statistic set, got undefined'],
    [{ ...base, points: [{ timestamp: iso(0), sum: 1, sampleCount: 0, minimum: 1, maximum: 1 }] }, 'points[0].sampleCount must be greater than 0, got 0'],
    [{ ...base, points: [{ timestamp: iso(0), sum: 1, sampleCount: 1, minimum: 2, maximum: 1 }] }, 'points[0]: minimum (2) must not exceed maximum (1)'],
    [{ ...base, statistic: 'Sum', points: [{ timestamp: iso(0), sum: 1, sampleCount: 1, minimum: 1, maximum: 1 }] }, 'points[0]: a series with statistic Sum holds plain values, not statistic sets'],
    [{ ...base, statistic: 'Sum', points: [{ timestamp: iso(0), value: 1 }, { timestamp: iso(0), value: 1 }] }, 'points[1]: two values for the same timestamp in a series of Sum'],
    [{ ...base, start: iso(0), values: [1, Infinity] }, 'metrics[3] (App Latency): values[1] must be a finite number, NaN or null, got Infinity'],
    [{ ...base, start: 'soon', values: [1] }, 'metrics[3] (App Latency): start must be an ISO 8601 timestamp or epoch milliseconds, got "soon"'],
    [{ ...base, statistic: 5, points: [] }, 'metrics[3] (App Latency): statistic must be a string such as Sum or p99, got 5'],
  ])('%j', (input, message) => {
    expect(() => normalizeSeries(input as unknown as MetricSeries, 3)).toThrow(message);
  });

  test('an empty point list is an empty series', () => {
    expect(normalizeSeries({ ...base, points: [] }, 0).length).toBe(0);
  });
});

describe('helpers', () => {
  test('toEpochMs reads ISO text, numbers and dates', () => {
    expect(toEpochMs('2026-01-01T00:01:00Z', 'x')).toBe((T0 + 60) * 1000);
    expect(toEpochMs(5, 'x')).toBe(5);
    expect(toEpochMs(new Date(7), 'x')).toBe(7);
  });

  test('seriesLabel shows wildcards', () => {
    expect(seriesLabel({ namespace: 'N', metricName: 'M', dimensions: { A: 'x', B: null } })).toBe('N M {A=x,B=*}');
  });
});

describe('precision and typed input', () => {
  test('window sums of fractional values stay exact to the last digits after a year of prefix sums', () => {
    const values = new Float64Array(525_600).fill(0.1);
    const s = normalizeSeries({ ...base, start: iso(0), values }, 0);
    expect(s.values).toBe(values); // a Float64Array is used without a copy
    const last = aggregateWindows(s, 'Sum', grid(300, 60, 1, 525_600), owner)[0];
    // A plain prefix sum gives 0.49999999999272404 here (a GreaterThanOrEqualToThreshold 0.5 alarm would miss it).
    expect(last).toBe(0.5);
    expect(aggregateWindows(s, 'Average', grid(300, 60, 1, 525_600), owner)[0]).toBe(0.1);
  });

  test('whole-number sums need no compensation and stay exact', () => {
    const values = Float64Array.from({ length: 100_000 }, (_v, i) => (i % 7 === 0 ? NaN : 1_000_003));
    const s = normalizeSeries({ ...base, start: iso(0), values }, 0);
    expect(aggregateWindows(s, 'Sum', grid(420, 60, 1, 99_995), owner)[0]).toBe(6 * 1_000_003);
    expect(aggregateWindows(s, 'SampleCount', grid(420, 60, 1, 99_995), owner)[0]).toBe(6);
  });
});
