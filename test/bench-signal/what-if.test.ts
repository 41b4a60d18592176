import { whatIfSet, withBadEventGuard } from '../../bench/signal/what-if';
import { parseCompositeAlarm, parseMetricAlarm, replay } from '../../src/alarm-model';
import type { AlarmDefinition, MetricAlarmDefinition } from '../../src/alarm-model';

const metric = (name: string) => ({ Metric: { Namespace: 'N', MetricName: name }, Period: 3600, Stat: 'Sum' });
const window = (id: string): MetricAlarmDefinition => parseMetricAlarm(id, {
  ComparisonOperator: 'GreaterThanThreshold',
  EvaluationPeriods: 1,
  Threshold: 0.0144,
  TreatMissingData: 'notBreaching',
  Metrics: [
    { Id: 'ratio', Expression: 'FILL(bad, 0) / valid', ReturnData: true },
    { Id: 'bad', MetricStat: metric('Bad'), ReturnData: false },
    { Id: 'valid', MetricStat: metric('Valid'), ReturnData: false },
  ],
});
const set = (): AlarmDefinition[] => [
  window('Long'),
  window('Short'),
  parseCompositeAlarm('Pair', { AlarmRule: 'ALARM("Long") AND ALARM("Short")' }),
];

describe('withBadEventGuard', () => {
  test('copies every alarm under a new id and rewrites composite rules to the copies', () => {
    const copy = withBadEventGuard(set(), new Set(['Long']), 3);
    expect(copy.map((a) => a.id)).toEqual(['WhatIfLong', 'WhatIfShort', 'WhatIfPair']);
    expect(copy[2].kind === 'composite' && copy[2].rule).toBe('ALARM("WhatIfLong") AND ALARM("WhatIfShort")');
  });

  test('guards only the long window, on its bad-event count', () => {
    const [long, short] = withBadEventGuard(set(), new Set(['Long']), 3) as MetricAlarmDefinition[];
    expect(long.returnId).toBe('whatIfGuard');
    expect(long.queries.find((q) => q.id === 'whatIfGuard')?.expression).toBe('IF(FILL(bad, 0) >= 3, ratio, 0)');
    expect(long.queries.filter((q) => q.returnData).map((q) => q.id)).toEqual(['whatIfGuard']);
    expect(short.returnId).toBe('ratio');
  });

  test('two failures in an hour of 10 requests do not fire the guarded window; three do', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    const run = (failures: number) => {
      const bad = new Array(120).fill(null);
      for (let i = 0; i < failures; i++) bad[70 + i] = 1;
      const valid = new Array(120).fill(null).map((_, i) => (i % 6 === 0 || bad[i] ? 1 : null));
      const result = replay(withBadEventGuard(set(), new Set(['Long']), 3).slice(0, 1), [
        { namespace: 'N', metricName: 'Bad', start, values: bad },
        { namespace: 'N', metricName: 'Valid', start, values: valid },
      ], { from: start + 60 * 60_000, to: start + 120 * 60_000 });
      return result.alarms[0].transitions.map((t) => t.state);
    };
    expect(run(2)).toEqual(['OK']);
    expect(run(3)).toEqual(['OK', 'ALARM']);
  });

  test('an alarm without a recognisable bad-event count is an error, not a silent no-op', () => {
    const plain = parseMetricAlarm('P', { MetricName: 'M', Namespace: 'N', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold' });
    expect(() => withBadEventGuard([plain], new Set(['P']), 3)).toThrow(/cannot find the bad-event count of P/);
  });
});

test('whatIfSet points at the copies', () => {
  const s = whatIfSet({ name: 'x', pageAlarmId: 'Page', ticketAlarmId: 'Ticket', pagePairs: [{ label: '1h/5m', id: 'Pair' }] }, 3);
  expect([s.pageAlarmId, s.ticketAlarmId, s.pagePairs]).toEqual(['WhatIfPage', 'WhatIfTicket', [{ label: '1h/5m', id: 'WhatIfPair' }]]);
});
