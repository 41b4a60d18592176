import { MetricAlarmDefinition, MetricSeries } from '../../../src/alarm-model/types';
import { tokenDimensionConflict } from '../../../src/cli/backtest/token-dimensions';

const alarm = (dimensions: Record<string, string | null>, stat = 'Sum'): MetricAlarmDefinition => ({
  kind: 'metric',
  id: 'S/Errors',
  period: 60,
  evaluationPeriods: 1,
  datapointsToAlarm: 1,
  threshold: 1,
  comparisonOperator: 'GreaterThanThreshold',
  treatMissingData: 'missing',
  returnId: 'm1',
  queries: [{ id: 'm1', returnData: true, metricStat: { metric: { namespace: 'AWS/S3', metricName: '5xxErrors', dimensions }, period: 60, stat } }],
});
const series = (BucketName: string, statistic?: string): MetricSeries => ({
  namespace: 'AWS/S3', metricName: '5xxErrors', dimensions: { BucketName, FilterId: 'all' }, statistic, points: [],
});

describe('tokenDimensionConflict', () => {
  test('two buckets match a bucket name that is a token: the alarm cannot be replayed, and the message says why', () => {
    expect(tokenDimensionConflict(alarm({ BucketName: null, FilterId: 'all' }), [series('a'), series('b')])).toBe(
      'dimension BucketName of AWS/S3 5xxErrors is a token in the template and 2 series of the metrics file match it '
      + '(BucketName=a; BucketName=b); keep only the deployed one');
  });

  test('one match, literal dimensions, or a series of the exact statistic: no conflict', () => {
    expect(tokenDimensionConflict(alarm({ BucketName: null, FilterId: 'all' }), [series('a')])).toBeUndefined();
    expect(tokenDimensionConflict(alarm({ BucketName: 'a', FilterId: 'all' }), [series('a'), series('b')])).toBeUndefined();
    expect(tokenDimensionConflict(alarm({ BucketName: null, FilterId: 'all' }, 'p99'), [series('a', 'p99'), series('b')])).toBeUndefined();
  });
});
