import type { Label } from '../../bench/signal/labeller';
import { episodes, falsePages, incidentOutcome, outcomeOf } from '../../bench/signal/outcome';
import { groupIncidents } from '../../bench/signal/trace';
import type { Trace } from '../../bench/signal/trace';
import type { AlarmReplay, AlarmState } from '../../src/alarm-model';

const MIN = 60_000;
function alarmReplay(...changes: Array<[number, AlarmState]>): AlarmReplay {
  return {
    id: 'A',
    kind: 'composite',
    initialState: 'INSUFFICIENT_DATA',
    finalState: changes.length ? changes[changes.length - 1][1] : 'INSUFFICIENT_DATA',
    transitions: changes.map(([minute, state]) => ({ timestamp: new Date(minute * MIN).toISOString(), epochMs: minute * MIN, state, reason: '' })),
  };
}
const trace = (incident?: { startMinute: number; endMinute: number }): Trace => ({
  name: 't',
  description: '',
  startMs: 0,
  minutes: 1000,
  requests: new Float64Array(0),
  errors5xx: new Float64Array(0),
  errors4xx: new Float64Array(0),
  elbNoTarget503: new Float64Array(0),
  fastRequests: new Float64Array(0),
  incident,
  incidents: incident ? [incident] : [],
});
const label = (expected: Label['expected'], pageMinutes: number[] = []): Label => {
  const pageInstants = new Uint8Array(1001);
  for (const m of pageMinutes) pageInstants[m] = 1;
  return {
    expected, literal: expected, peakBudgetPercent: [0, 0, 0], pageInstants, theoreticalDetectionMinutes: undefined, incidents: [{ expected }],
  };
};

describe('episodes', () => {
  test('one episode per stretch in ALARM; an open one has no end', () => {
    expect(episodes(alarmReplay([1, 'OK'], [10, 'ALARM'], [15, 'OK'], [20, 'ALARM']))).toEqual([
      { startMs: 10 * MIN, endMs: 15 * MIN },
      { startMs: 20 * MIN },
    ]);
    expect(episodes(undefined)).toEqual([]);
  });

  test('INSUFFICIENT_DATA ends an episode like OK', () => {
    expect(episodes(alarmReplay([10, 'ALARM'], [12, 'INSUFFICIENT_DATA']))).toEqual([{ startMs: 10 * MIN, endMs: 12 * MIN }]);
  });
});

describe('falsePages', () => {
  test('every page of a trace that calls for none or a ticket is false', () => {
    const pages = episodes(alarmReplay([10, 'ALARM'], [15, 'OK'], [40, 'ALARM'], [45, 'OK']));
    expect(falsePages(pages, trace(), label('none'))).toBe(2);
    expect(falsePages(pages, trace(), label('ticket'))).toBe(2);
  });

  test('on a page trace, pages during the incident or near a criterion instant are not false', () => {
    const pages = episodes(alarmReplay([10, 'ALARM'], [15, 'OK'], [105, 'ALARM'], [110, 'OK'], [300, 'ALARM'], [305, 'OK'], [500, 'ALARM']));
    // Incident 100–120; the page criterion also held at minute 295; the pages at 10 and 500 are false.
    expect(falsePages(pages, trace({ startMinute: 100, endMinute: 120 }), label('page', [295]))).toBe(2);
  });
});

describe('outcomeOf', () => {
  test('detection from the incident start, reset from its end, and per-pair resets', () => {
    const page = alarmReplay([1, 'OK'], [101, 'ALARM'], [140, 'OK']);
    const short = alarmReplay([1, 'OK'], [101, 'ALARM'], [115, 'OK']);
    const long = alarmReplay([1, 'OK'], [103, 'ALARM'], [140, 'OK']);
    const o = outcomeOf(trace({ startMinute: 100, endMinute: 110 }), label('page', [101]), {
      page, ticket: alarmReplay([1, 'OK']), pagePairs: [{ label: '1h/5m', replay: short }, { label: '6h/30m', replay: long }],
    });
    expect(o.fired).toBe('page');
    expect(o.detectionMinutes).toBe(1);
    expect(o.resetMinutes).toBe(30);
    expect(o.pairResets).toEqual([{ label: '1h/5m', resetMinutes: 5 }, { label: '6h/30m', resetMinutes: 30 }]);
    expect(o.falsePages).toBe(0);
  });

  test('a ticket trace measures the ticket alarm; a page before the incident is not a detection', () => {
    const o = outcomeOf(trace({ startMinute: 100, endMinute: 500 }), label('ticket'), {
      page: alarmReplay([50, 'ALARM'], [55, 'OK']), ticket: alarmReplay([400, 'ALARM'], [600, 'OK']),
    });
    expect(o.fired).toBe('page');
    expect(o.detectionMinutes).toBe(300);
    expect(o.resetMinutes).toBe(100);
    expect(o.falsePages).toBe(1);
  });

  test('an alarm still in ALARM at the end of the replay has no reset', () => {
    const o = outcomeOf(trace({ startMinute: 100, endMinute: 110 }), label('page', [102]), { page: alarmReplay([102, 'ALARM']) });
    expect(o.detectionMinutes).toBe(2);
    expect(o.resetMinutes).toBeUndefined();
  });
});

describe('incidents', () => {
  test('bad minutes less than 30 minutes apart are one incident', () => {
    const minute = (m: number) => ({ startMinute: m, endMinute: m + 1 });
    expect(groupIncidents([minute(100), minute(120), minute(149)])).toEqual([{ startMinute: 100, endMinute: 150 }]);
    // 30 minutes from one bad minute to the next: a new incident.
    expect(groupIncidents([minute(100), minute(130)])).toEqual([minute(100), minute(130)]);
    expect(groupIncidents([{ startMinute: 50, endMinute: 60 }, minute(10)])).toEqual([minute(10), { startMinute: 50, endMinute: 60 }]);
  });

  test('an incident owns the pages that start from its start until the next incident or an hour after its end', () => {
    const pages = [{ startMs: 99 * MIN, endMs: 101 * MIN }, { startMs: 100 * MIN, endMs: 105 * MIN }, { startMs: 112 * MIN, endMs: 130 * MIN },
      { startMs: 200 * MIN, endMs: 210 * MIN }];
    const t = trace({ startMinute: 100, endMinute: 120 });
    expect(incidentOutcome(t, pages, { startMinute: 100, endMinute: 120 }, undefined, 'page'))
      .toEqual({ expected: 'page', pages: 2, detectionMinutes: 0, resetMinutes: 10 });
    expect(incidentOutcome(t, pages, { startMinute: 100, endMinute: 120 }, { startMinute: 111, endMinute: 115 }, 'page').pages).toBe(1);
    expect(incidentOutcome(t, [{ startMs: 100 * MIN }], { startMinute: 100, endMinute: 120 }, undefined, 'page').resetMinutes).toBeUndefined();
  });
});
