import { normalizeSeries } from '../../src/alarm-model/period-aggregation';
import { findSeries } from '../../src/alarm-model/series-lookup';
import type { MetricSeries, MetricStat } from '../../src/alarm-model/types';

const series = (extra: Partial<MetricSeries>): MetricSeries => ({ namespace: 'App', metricName: 'Errors', start: 0, values: [1], ...extra });
const stat = (dimensions: Record<string, string | null>, s = 'Sum'): MetricStat => ({ metric: { namespace: 'App', metricName: 'Errors', dimensions }, period: 60, stat: s });

describe('findSeries', () => {
  const all = [
    series({ dimensions: { Host: 'a' } }),
    series({ dimensions: { Host: 'b' } }),
    series({ dimensions: { Host: 'b', Az: 'x' } }),
    series({ dimensions: { Host: 'b' }, statistic: 'p99' }),
    series({ metricName: 'Other' }),
  ].map(normalizeSeries);

  test('dimension names must be the same set, values equal where known', () => {
    const warnings: string[] = [];
    expect(findSeries(stat({ Host: 'a' }), all, 'X', warnings)?.label).toBe('metrics[0] (App Errors {Host=a})');
    expect(findSeries(stat({ Az: 'x', Host: 'b' }), all, 'X', warnings)?.label).toBe('metrics[2] (App Errors {Host=b,Az=x})');
    expect(findSeries(stat({ Az: null, Host: 'b' }), all, 'X', warnings)?.label).toBe('metrics[2] (App Errors {Host=b,Az=x})');
    expect(warnings).toEqual([]);
  });

  test('a series holding the statistic wins over raw observations', () => {
    expect(findSeries(stat({ Host: 'b' }, 'p99'), all, 'X', [])?.label).toBe('metrics[3] (App Errors {Host=b})');
    expect(findSeries(stat({ Host: 'b' }, 'Sum'), all, 'X', [])?.label).toBe('metrics[1] (App Errors {Host=b})');
  });

  test('among series of the same statistic, the one at the alarm period wins (one PR series per window)', () => {
    const windows = [
      series({ metricName: 'Latency', statistic: 'PR(:0.3)', period: 300 }),
      series({ metricName: 'Latency', statistic: 'PR(:0.3)', period: 3600 }),
    ].map(normalizeSeries);
    const hourly: MetricStat = { metric: { namespace: 'App', metricName: 'Latency', dimensions: {} }, period: 3600, stat: 'PR(:0.3)' };
    expect(findSeries(hourly, windows, 'X', [])?.label).toBe('metrics[1] (App Latency)');
  });

  test('no match is a warning, several matches an error', () => {
    const warnings: string[] = [];
    expect(findSeries(stat({ Host: 'c' }), all, "Alarm 'X'", warnings)).toBeUndefined();
    // The warning names what was looked for: a series of that statistic at that period would do.
    expect(warnings).toEqual(["Alarm 'X': no series for App Errors {Host=c} (statistic Sum, period 60 s); its datapoints are all missing"]);
    expect(() => findSeries(stat({ Host: null }), all, "Alarm 'X'", [])).toThrow("Alarm 'X': 2 series match App Errors {Host=*}");
  });
});
