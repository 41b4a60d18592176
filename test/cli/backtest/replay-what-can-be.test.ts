import { MetricAlarmDefinition, MetricSeries } from '../../../src/alarm-model/types';
import { SkippedAlarm } from '../../../src/cli/backtest/assembly-alarms';
import { replayWhatCanBe } from '../../../src/cli/backtest/replay-what-can-be';

const alarm = (id: string, stat: string): MetricAlarmDefinition => ({
  kind: 'metric',
  id,
  period: 60,
  evaluationPeriods: 1,
  datapointsToAlarm: 1,
  threshold: 5,
  comparisonOperator: 'GreaterThanThreshold',
  treatMissingData: 'missing',
  returnId: 'm1',
  queries: [{ id: 'm1', returnData: true, metricStat: { metric: { namespace: 'Shop', metricName: 'Latency', dimensions: {} }, period: 60, stat } }],
});
const series: MetricSeries[] = [{ namespace: 'Shop', metricName: 'Latency', period: 60, start: '2026-01-01T00:00:00Z', values: [1, 9, 1] }];
const options = { from: '2026-01-01T00:00:00Z', to: '2026-01-01T00:03:00Z' };

describe('replayWhatCanBe', () => {
  test('sets aside what the model rejects while preparing it and replays the rest', () => {
    const skipped: SkippedAlarm[] = [];
    const result = replayWhatCanBe([alarm('S/P99', 'p99'), alarm('S/Max', 'Maximum')], series, options, skipped, new Map());
    expect(result.alarms.map((a) => [a.id, a.transitions.map((t) => t.state)])).toEqual([['S/Max', ['OK', 'ALARM', 'OK']]]);
    expect(skipped).toEqual([{ id: 'S/P99', stack: '', logicalId: 'S/P99', reason: expect.stringContaining("Alarm 'S/P99': statistic p99 cannot be computed") }]);
  });

  test('nothing left to replay is a usage error listing every reason', () => {
    expect(() => replayWhatCanBe([alarm('S/P99', 'p99')], series, options, [], new Map()))
      .toThrow(/^no alarm of the assembly can be replayed:\n {2}\/S\/P99: Alarm 'S\/P99': statistic p99/);
  });

  test('an error that names no alarm (a malformed series) still stops the replay', () => {
    expect(() => replayWhatCanBe([alarm('S/Max', 'Maximum')], [{ ...series[0], period: -1 }], options, [], new Map()))
      .toThrow('period must be a positive whole number of seconds');
  });
});
