import { isExtendedStatistic, parseMetricAlarm } from '../../src/alarm-model/parse-metric-alarm';

const plain = {
  MetricName: 'HTTPCode_Target_5XX_Count',
  Namespace: 'AWS/ApplicationELB',
  Dimensions: [{ Name: 'LoadBalancer', Value: 'app/web/1' }],
  Statistic: 'Sum',
  Period: 300,
  EvaluationPeriods: 3,
  DatapointsToAlarm: 2,
  Threshold: 5,
  ComparisonOperator: 'GreaterThanOrEqualToThreshold',
  TreatMissingData: 'notBreaching',
  AlarmName: 'web-5xx',
};

const burnRate = {
  ComparisonOperator: 'GreaterThanOrEqualToThreshold',
  EvaluationPeriods: 1,
  Threshold: 0.0144,
  Metrics: [
    { Id: 'expr_1', Expression: 'IF(valid > 0, bad / valid, 0)', ReturnData: true },
    { Id: 'bad', ReturnData: false, MetricStat: { Metric: { Namespace: 'AWS/ApplicationELB', MetricName: 'HTTPCode_Target_5XX_Count' }, Period: 300, Stat: 'Sum' } },
    { Id: 'valid', ReturnData: false, MetricStat: { Metric: { Namespace: 'AWS/ApplicationELB', MetricName: 'RequestCount' }, Period: 300, Stat: 'Sum' } },
  ],
};

describe('parseMetricAlarm', () => {
  test('a plain alarm becomes one metric query m1 with every setting', () => {
    expect(parseMetricAlarm('Web5xx', plain)).toEqual({
      kind: 'metric',
      id: 'Web5xx',
      alarmName: 'web-5xx',
      period: 300,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      threshold: 5,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
      treatMissingData: 'notBreaching',
      queries: [{
        id: 'm1',
        returnData: true,
        metricStat: {
          metric: { namespace: 'AWS/ApplicationELB', metricName: 'HTTPCode_Target_5XX_Count', dimensions: { LoadBalancer: 'app/web/1' } },
          period: 300,
          stat: 'Sum',
        },
      }],
      returnId: 'm1',
    });
  });

  test('defaults: DatapointsToAlarm = EvaluationPeriods, TreatMissingData = missing, no name', () => {
    const { DatapointsToAlarm: _d, TreatMissingData: _t, AlarmName: _n, ...rest } = plain;
    const alarm = parseMetricAlarm('A', rest);
    expect([alarm.datapointsToAlarm, alarm.treatMissingData, alarm.alarmName]).toEqual([3, 'missing', undefined]);
  });

  test('a metric math alarm keeps its queries, parsed, and returns the ReturnData one', () => {
    const alarm = parseMetricAlarm('Short', burnRate);
    expect(alarm.period).toBe(300);
    expect(alarm.returnId).toBe('expr_1');
    expect(alarm.queries.map((q) => [q.id, q.returnData, q.metricStat?.metric.metricName ?? q.expression])).toEqual([
      ['expr_1', true, 'IF(valid > 0, bad / valid, 0)'],
      ['bad', false, 'HTTPCode_Target_5XX_Count'],
      ['valid', false, 'RequestCount'],
    ]);
    expect(alarm.queries[0].ast?.type).toBe('call');
  });

  test('numbers given as strings are read (CloudFormation accepts them)', () => {
    const alarm = parseMetricAlarm('A', { ...plain, Threshold: '2.5', EvaluationPeriods: '4', Period: '60' });
    expect([alarm.threshold, alarm.evaluationPeriods, alarm.period]).toEqual([2.5, 4, 60]);
  });

  test('a dimension value held in an intrinsic matches any value unless the resolver knows it', () => {
    const props = { ...plain, Dimensions: [{ Name: 'LoadBalancer', Value: { 'Fn::GetAtt': ['Lb', 'LoadBalancerFullName'] } }] };
    expect(parseMetricAlarm('A', props).queries[0].metricStat!.metric.dimensions).toEqual({ LoadBalancer: null });
    const resolved = parseMetricAlarm('A', props, { resolveIntrinsic: () => 'app/web/42' });
    expect(resolved.queries[0].metricStat!.metric.dimensions).toEqual({ LoadBalancer: 'app/web/42' });
  });

  test('an ExtendedStatistic is kept for the replay to check against the data', () => {
    const { Statistic: _s, ...rest } = plain;
    expect(parseMetricAlarm('A', { ...rest, ExtendedStatistic: 'p99' }).queries[0].metricStat!.stat).toBe('p99');
  });

  test('the id can differ from the logical ID', () => {
    expect(parseMetricAlarm('A', plain, { id: 'Stack/A' }).id).toBe('Stack/A');
  });

  test.each([
    [{ ComparisonOperator: 'LessThanLowerOrGreaterThanUpperThreshold' }, "Alarm 'A': ComparisonOperator LessThanLowerOrGreaterThanUpperThreshold compares with an anomaly detection band, which the alarm model does not support; supported: GreaterThanOrEqualToThreshold, GreaterThanThreshold, LessThanThreshold, LessThanOrEqualToThreshold"],
    [{ ComparisonOperator: 'GreaterThanUpperThreshold' }, 'GreaterThanUpperThreshold compares with an anomaly detection band'],
    [{ ComparisonOperator: 'Bigger' }, "Alarm 'A': ComparisonOperator must be one of GreaterThanOrEqualToThreshold, GreaterThanThreshold, LessThanThreshold, LessThanOrEqualToThreshold, got \"Bigger\""],
    [{ ThresholdMetricId: 'ad1' }, "Alarm 'A': ThresholdMetricId (an anomaly detection band) is not supported by the alarm model"],
    [{ Threshold: undefined }, "Alarm 'A': Threshold must be a number, got undefined"],
    [{ Threshold: 'lots' }, 'Threshold must be a number, got "lots"'],
    [{ EvaluationPeriods: 0 }, "Alarm 'A': EvaluationPeriods must be an integer of at least 1, got 0"],
    [{ EvaluationPeriods: 1.5 }, 'EvaluationPeriods must be an integer of at least 1, got 1.5'],
    [{ DatapointsToAlarm: 4 }, "Alarm 'A': DatapointsToAlarm must be an integer between 1 and EvaluationPeriods (3), got 4"],
    [{ TreatMissingData: 'zero' }, "Alarm 'A': TreatMissingData must be one of missing, notBreaching, breaching, ignore, got \"zero\""],
    [{ Period: 45 }, "Alarm 'A': Period must be 10, 20, 30 or a multiple of 60 (seconds), got 45"],
    [{ Period: 3600, EvaluationPeriods: 200, DatapointsToAlarm: 1 }, "Alarm 'A': Period × EvaluationPeriods must be at most 604800 s, got 720000"],
    [{ Period: 60, EvaluationPeriods: 1441, DatapointsToAlarm: 1 }, 'Period × EvaluationPeriods must be at most 86400 s for a period under one hour, got 86460'],
    [{ Statistic: 'Median' }, "Alarm 'A': Statistic must be one of SampleCount, Average, Sum, Minimum, Maximum, got \"Median\""],
    [{ ExtendedStatistic: 'p99' }, "Alarm 'A': give Statistic or ExtendedStatistic, not both"],
    [{ Namespace: '' }, "Alarm 'A': Namespace must be a non-empty string, got \"\""],
    [{ Dimensions: [{ Name: 'X', Value: 3 }] }, "Alarm 'A': Dimensions[0].Value must be a string, got 3"],
    [{ Dimensions: { X: 'y' } }, "Alarm 'A': Dimensions must be a list of { Name, Value }"],
    [{ Metrics: burnRate.Metrics }, "Alarm 'A': give either MetricName/Namespace or Metrics, not both"],
    [{ MetricName: undefined, Namespace: undefined }, "Alarm 'A': give MetricName, Namespace, Period and Statistic, or Metrics (metric math)"],
  ])('rejects %j', (override, message) => {
    expect(() => parseMetricAlarm('A', { ...plain, ...override })).toThrow(message);
  });

  const metrics = (list: unknown[]) => ({ ...burnRate, Metrics: list });
  const stat = (id: string, period = 300, extra = {}) => ({
    Id: id, ReturnData: false, MetricStat: { Metric: { Namespace: 'N', MetricName: id.toUpperCase() }, Period: period, Stat: 'Sum' }, ...extra,
  });

  test.each([
    [metrics([]), "Alarm 'A': Metrics must be a non-empty list of MetricDataQuery, got an array of 0"],
    [metrics([{ Id: 'e1', Expression: 'a + b' }, stat('a', 60), stat('b', 300)]), "Alarm 'A': Metrics[].MetricStat.Period must be the same for every metric of an alarm, got \"60 and 300\""],
    [metrics([{ Id: 'e1', Expression: 'a + 1' }, stat('a', 300, { ReturnData: true })]), "Alarm 'A': Metrics must have exactly one query with ReturnData true (the value the alarm watches), got \"2 such queries (e1, a)\""],
    [metrics([{ Id: 'e1', Expression: 'a + 1', ReturnData: false }, stat('a')]), 'got "0 such queries (none)"'],
    [metrics([{ Id: 'E1', Expression: 'a' }, stat('a')]), "Alarm 'A': Metrics[0].Id must start with a lowercase letter and hold only letters, digits and _, got \"E1\""],
    [metrics([{ Id: 'a', Expression: 'b' }, stat('a')]), "Alarm 'A': Metrics[1].Id must be unique, got \"a\""],
    [metrics([{ Id: 'e1' }, stat('a')]), "Alarm 'A': Metrics[0] (e1) must have exactly one of MetricStat and Expression"],
    [metrics([{ Id: 'e1', Expression: 'a + zz' }, stat('a')]), "Alarm 'A': expression \"a + zz\" (query e1) reads 'zz', which is not the Id of any query"],
    [metrics([{ Id: 'e1', Expression: 'e2 + a' }, { Id: 'e2', Expression: 'e1 * 2', ReturnData: false }, stat('a')]), "Alarm 'A': metric math queries depend on each other in a cycle: e1 → e2 → e1"],
    [metrics([{ Id: 'e1', Expression: 'STDDEV(a)' }, stat('a')]), "unsupported metric math function STDDEV in expression \"STDDEV(a)\" of alarm 'A' (query e1)"],
    [metrics([{ Id: 'e1', Expression: '1 + 1' }]), "Alarm 'A': Metrics must hold at least one MetricStat query"],
    [metrics([{ Id: 'e1', Expression: 'a' }, { ...stat('a'), MetricStat: { Metric: { Namespace: 'N', MetricName: 'A' }, Period: 300, Stat: 'Mean' } }]), "Alarm 'A': Metrics[1].MetricStat.Stat must be one of SampleCount, Average, Sum, Minimum, Maximum or an extended statistic such as p99, got \"Mean\""],
    [metrics([{ Id: 'e1', Expression: 'SUM(METRICS())' }, ...'abcdefghijk'.split('').map((c) => stat(c))]), "Alarm 'A': Metrics must hold at most 10 metrics (MetricStat queries), got 11"],
  ])('rejects metric math %#', (props, message) => {
    expect(() => parseMetricAlarm('A', props)).toThrow(message);
  });

  test('extended statistics are recognised', () => {
    expect(['p99', 'p99.9', 'tm90', 'wm99', 'TC90', 'IQM', 'PR(:300)', 'TM(10%:90%)'].every(isExtendedStatistic)).toBe(true);
    expect(['Sum', 'p', 'median', 'x99'].some(isExtendedStatistic)).toBe(false);
  });
});
