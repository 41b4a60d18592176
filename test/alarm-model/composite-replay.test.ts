import { prepareComposites, runComposites } from '../../src/alarm-model/composite-replay';
import { parseCompositeAlarm } from '../../src/alarm-model/parse-composite-alarm';
import { parseMetricAlarm } from '../../src/alarm-model/parse-metric-alarm';
import { transition } from '../../src/alarm-model/state-transition';
import type { AlarmState } from '../../src/alarm-model/types';

const metric = (id: string, alarmName?: string) => parseMetricAlarm(id, {
  MetricName: 'M',
  Namespace: 'N',
  Statistic: 'Sum',
  Period: 60,
  EvaluationPeriods: 1,
  Threshold: 1,
  ComparisonOperator: 'GreaterThanThreshold',
  AlarmName: alarmName,
});

describe('composite replay', () => {
  test('references resolve by id, AlarmName or ARN, and composites come after the composites they read', () => {
    const outer = parseCompositeAlarm('Outer', { AlarmRule: 'ALARM(Inner) OR ALARM(arn:aws:cloudwatch:us-east-1:1:alarm:named-b)' });
    const inner = parseCompositeAlarm('Inner', { AlarmRule: 'ALARM("named-a")' });
    const composites = prepareComposites([outer, metric('A', 'named-a'), inner, metric('B', 'named-b')]);
    expect(composites.map((c) => [c.def.id, [...c.resolved.entries()]])).toEqual([
      ['Inner', [['named-a', 'A']]],
      ['Outer', [['Inner', 'Inner'], ['arn:aws:cloudwatch:us-east-1:1:alarm:named-b', 'B']]],
    ]);
  });

  test('composites are evaluated first at the first tick, then whenever a child changes', () => {
    const composites = prepareComposites([metric('A'), metric('B'), parseCompositeAlarm('Both', { AlarmRule: 'ALARM(A) AND ALARM(B)' })]);
    const at = (minute: number, state: AlarmState) => transition(minute * 60, state, '');
    runComposites(composites, [
      { id: 'A', transitions: [at(1, 'OK'), at(3, 'ALARM'), at(9, 'OK')] },
      { id: 'B', transitions: [at(5, 'ALARM')] },
    ], 60, 600);
    expect(composites[0].transitions.map((t) => [t.epochMs / 60_000, t.state])).toEqual([[1, 'OK'], [5, 'ALARM'], [9, 'OK']]);
    expect(composites[0].state).toBe('OK');
  });

  test('without an evaluation in the range a composite stays INSUFFICIENT_DATA', () => {
    const composites = prepareComposites([parseCompositeAlarm('T', { AlarmRule: 'TRUE' })]);
    runComposites(composites, [], 120, 60);
    expect([composites[0].state, composites[0].transitions]).toEqual(['INSUFFICIENT_DATA', []]);
  });
});
