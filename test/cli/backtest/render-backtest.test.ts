import { ReplayResult } from '../../../src/alarm-model/types';
import { AlarmOrigin } from '../../../src/cli/backtest/assembly-alarms';
import { backtestJson, backtestText, firedAlarms } from '../../../src/cli/backtest/render-backtest';

const stack = { artifactId: 'Svc', displayName: 'Svc', templateFile: '', template: {}, metadata: {}, constructPaths: {} };
const origins = new Map<string, AlarmOrigin>([['Svc/Errors', { stack, logicalId: 'Errors' }], ['Svc/Page', { stack, logicalId: 'Page' }]]);
const result: ReplayResult = {
  from: '2026-01-01T00:00:00.000Z',
  to: '2026-01-01T00:10:00.000Z',
  evaluations: 10,
  warnings: ['no series for X'],
  missingSeries: [],
  alarms: [
    {
      id: 'Svc/Errors',
      alarmName: 'errors-high',
      kind: 'metric',
      initialState: 'INSUFFICIENT_DATA',
      finalState: 'OK',
      transitions: [
        { timestamp: '2026-01-01T00:01:00.000Z', epochMs: 0, state: 'OK', reason: 'fine' },
        { timestamp: '2026-01-01T00:05:00.000Z', epochMs: 0, state: 'ALARM', reason: 'bad' },
        { timestamp: '2026-01-01T00:08:00.000Z', epochMs: 0, state: 'OK', reason: 'fine again' },
      ],
    },
    { id: 'Svc/Page', kind: 'composite', initialState: 'INSUFFICIENT_DATA', finalState: 'INSUFFICIENT_DATA', transitions: [] },
  ],
};

describe('backtest output', () => {
  test('JSON: stack, logical id, alarm name or null, transitions, final state, warnings', () => {
    expect(backtestJson(result, origins, ['fetch warning'])).toEqual({
      from: result.from,
      to: result.to,
      evaluations: 10,
      alarms: [
        {
          stack: 'Svc',
          logicalId: 'Errors',
          alarmName: 'errors-high',
          kind: 'metric',
          finalState: 'OK',
          transitions: [
            { timestamp: '2026-01-01T00:01:00.000Z', state: 'OK', reason: 'fine' },
            { timestamp: '2026-01-01T00:05:00.000Z', state: 'ALARM', reason: 'bad' },
            { timestamp: '2026-01-01T00:08:00.000Z', state: 'OK', reason: 'fine again' },
          ],
        },
        { stack: 'Svc', logicalId: 'Page', alarmName: null, kind: 'composite', transitions: [], finalState: 'INSUFFICIENT_DATA' },
      ],
      skipped: [],
      warnings: ['fetch warning', 'no series for X'],
    });
  });

  test('text: one block per alarm and a count of alarms that fired', () => {
    const text = backtestText(result, origins, []);
    expect(text).toContain('Svc/Errors (errors-high) [metric]\n  start                    INSUFFICIENT_DATA\n  2026-01-01T00:01:00.000Z OK                fine\n');
    expect(text).toContain('  final state: INSUFFICIENT_DATA');
    expect(text).toContain('1 of 2 alarm(s) went to ALARM.\nWarning: no series for X\n');
  });

  test('firedAlarms: alarms that entered ALARM at least once, even if they recovered', () => {
    expect(firedAlarms(result)).toEqual(['Svc/Errors']);
  });
});
