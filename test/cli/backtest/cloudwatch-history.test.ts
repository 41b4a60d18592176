import { fetchGranularity } from '../../../src/cli/backtest/cloudwatch-history';

const metric = { namespace: 'Shop', metricName: 'Errors', dimensions: {} };

describe('fetchGranularity: how finely a metric is fetched for a minute-by-minute replay', () => {
  test.each([
    [3600, 'Sum', 60], [300, 'Average', 60], [60, 'SampleCount', 60], [259_200, 'Maximum', 60],
    [10, 'Sum', 10], [30, 'Minimum', 30],
    [300, 'p99', 300], [60, 'tm90', 60],
  ])('period %i %s → %i s', (period, stat, granularity) => {
    expect(fetchGranularity({ metric, period, stat })).toBe(granularity);
  });
});
