import { SloDefinition } from '../../../src/cli/slo/slo-metadata';
import { sliQueries } from '../../../src/cli/slo-status/fetch-error-ratios';

const slo: SloDefinition = {
  stack: 'Web',
  serviceName: 'web',
  alarmSetPath: 'Web/Slos',
  name: 'Availability',
  objectivePercent: 99.9,
  windowName: 'ROLLING_30_DAYS',
  windowSeconds: 2_592_000,
  errorBudget: 0.001,
  monthlyCostUsd: 0,
  alerts: [],
  sli: {
    returnQueryId: 'errorRatio',
    sliAlarmLogicalId: 'PageLong1',
    queries: [
      { id: 'errorRatio', expression: 'bad / valid' },
      { id: 'bad', namespace: 'AWS/ApplicationELB', metricName: 'HTTPCode_Target_5XX_Count', dimensions: { LoadBalancer: null }, statistic: 'Sum' },
      { id: 'valid', namespace: 'AWS/ApplicationELB', metricName: 'RequestCount', dimensions: { LoadBalancer: null }, statistic: 'Sum' },
    ],
  },
};

describe('sliQueries', () => {
  test('token dimensions from the deployed alarm, period = window, only the ratio returned', () => {
    const deployed = new Map([['bad', { LoadBalancer: 'app/web/1' }], ['valid', { LoadBalancer: 'app/web/1' }]]);
    const queries = sliQueries(slo, 3600, deployed);
    expect(queries[0]).toEqual({ Id: 'errorRatio', Expression: 'bad / valid', ReturnData: true });
    expect(queries[1]).toEqual({
      Id: 'bad',
      ReturnData: false,
      MetricStat: { Metric: { Namespace: 'AWS/ApplicationELB', MetricName: 'HTTPCode_Target_5XX_Count', Dimensions: [{ Name: 'LoadBalancer', Value: 'app/web/1' }] }, Period: 3600, Stat: 'Sum' },
    });
  });

  test('a token dimension with no deployed alarm is a usage error that says what to do', () => {
    expect(() => sliQueries(slo, 3600, undefined)).toThrow(
      'SLO web/Availability: dimension LoadBalancer of metric HTTPCode_Target_5XX_Count is only known once deployed, '
      + 'and no deployed alarm Web-PageLong1-* holds it (deploy the stack, or check --region)');
  });
});
