import { addInventories, CLOUDWATCH_PRICES_USD, monthlyCostUsd, roundUsd } from '../../src/slo/alarm-cost';

describe('alarm cost', () => {
  test('list prices of us-east-1', () => {
    expect(CLOUDWATCH_PRICES_USD).toEqual({ standardAlarmMetric: 0.1, highResolutionAlarmMetric: 0.3, compositeAlarm: 0.5, dashboard: 3 });
  });

  test('a plain static-threshold alarm costs $0.10 a month', () => {
    expect(monthlyCostUsd({ standardAlarmMetrics: 1, highResolutionAlarmMetrics: 0, compositeAlarms: 0 })).toBe(0.1);
  });

  test('prior art, 8 single-metric alarms + 4 composites, costs $2.80', () => {
    expect(monthlyCostUsd({ standardAlarmMetrics: 8, highResolutionAlarmMetrics: 0, compositeAlarms: 4 })).toBe(2.8);
  });

  test('metric-math alarms are billed per metric: 8 windows × 3 metrics + 4 composites = $4.40', () => {
    expect(monthlyCostUsd({ standardAlarmMetrics: 24, highResolutionAlarmMetrics: 0, compositeAlarms: 4 })).toBe(4.4);
  });

  test('high resolution and dashboards are priced too', () => {
    expect(monthlyCostUsd({ standardAlarmMetrics: 0, highResolutionAlarmMetrics: 2, compositeAlarms: 0, dashboards: 1 })).toBe(3.6);
  });

  test('inventories add up', () => {
    const sum = addInventories(
      { standardAlarmMetrics: 1, highResolutionAlarmMetrics: 2, compositeAlarms: 3 },
      { standardAlarmMetrics: 10, highResolutionAlarmMetrics: 20, compositeAlarms: 30, dashboards: 1 });
    expect(sum).toEqual({ standardAlarmMetrics: 11, highResolutionAlarmMetrics: 22, compositeAlarms: 33, dashboards: 1 });
  });

  test('rounding removes float noise', () => {
    expect(roundUsd(0.1 + 0.2)).toBe(0.3);
  });
});
