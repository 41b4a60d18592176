import type { TraceResult } from '../../bench/signal/benchmark';
import type { Label } from '../../bench/signal/labeller';
import type { Outcome } from '../../bench/signal/outcome';
import { goalChecks, renderReport } from '../../bench/signal/report';
import { alarmSetTable, comparisonTable, labelTable } from '../../bench/signal/table';
import type { Trace } from '../../bench/signal/trace';

const trace = (name: string, incident?: Trace['incident']): Trace => ({
  name,
  description: `${name} description`,
  startMs: 0,
  minutes: 10,
  requests: new Float64Array(0),
  errors5xx: new Float64Array(0),
  errors4xx: new Float64Array(0),
  elbNoTarget503: new Float64Array(0),
  fastRequests: new Float64Array(0),
  incident,
  incidents: incident ? [incident] : [],
});
const label = (expected: Label['expected'], theory?: number, literal = expected): Label =>
  ({
    expected,
    literal,
    theoreticalDetectionMinutes: theory,
    peakBudgetPercent: [2.5, 3, 4],
    pageInstants: new Uint8Array(0),
    incidents: [{ expected, theoreticalDetectionMinutes: theory }],
  });
const outcome = (o: Partial<Outcome>): Outcome => ({
  fired: 'none',
  pages: [],
  tickets: [],
  falsePages: 0,
  pairResets: [],
  incidents: [{ expected: 'none', pages: o.pages?.length ?? 0, detectionMinutes: o.detectionMinutes, resetMinutes: o.resetMinutes }],
  ...o,
});
const page = { startMs: 0, endMs: 1 };

const results: TraceResult[] = [
  {
    trace: trace('outage', { startMinute: 1, endMinute: 2 }),
    label: label('page', 1),
    outcomes: [
      outcome({
        fired: 'page',
        pages: [page],
        detectionMinutes: 1,
        resetMinutes: 30,
        pairResets: [{ label: '1h/5m', resetMinutes: 5 }, { label: '6h/30m', resetMinutes: 30 }],
        incidents: [{ expected: 'page', pages: 1, detectionMinutes: 1, resetMinutes: 30 }],
      }),
      outcome({ fired: 'page', pages: [page], detectionMinutes: 1, resetMinutes: 5 }),
      outcome({ fired: 'page', pages: [page], detectionMinutes: 1, resetMinutes: 5 }),
    ],
  },
  {
    trace: trace('low-traffic'),
    label: label('none', undefined, 'page'),
    outcomes: [
      outcome({ fired: 'page', pages: [page, page], falsePages: 2 }),
      outcome({ fired: 'ticket' }),
      outcome({ fired: 'ticket' }),
    ],
  },
];
const sets = [{ name: 'Slo', pageAlarmId: 'P', pagePairs: [] }, { name: 'Guarded', pageAlarmId: 'G' }, { name: 'Other guard', pageAlarmId: 'O' }];

describe('tables', () => {
  test('one row per trace with detection, delta, reset, per-pair resets and totals', () => {
    const table = alarmSetTable(results, sets[0], 0);
    expect(table).toContain('| `outage`: outage description | page | 1 min | page | 1 | 1 | 1 min | ±0 min | 30 min | 1h/5m: 5 min; 6h/30m: 30 min |');
    expect(table).toContain('| `low-traffic`: low-traffic description | none (literal: page) | — | page | 2 (2 false) | — | — | — | — | — |');
    expect(table).toContain('Missed pages: **0** · false pages: **2** · pages per incident: worst **1**, mean **1** · median detection: **1 min** · median page reset: **30 min**');
  });

  test('sets without page pairs have no per-pair column', () => {
    expect(alarmSetTable(results, sets[1], 1).split('\n')[2]).not.toContain('reset per page pair');
  });

  test('comparison and label tables', () => {
    expect(comparisonTable(results, sets, [0, 1])).toContain('| `low-traffic` | none | page (2, 2 false) | ticket (0) |');
    expect(labelTable(results)).toContain('| `outage` | 2.50 | 3.00 | 4.00 | page | page |');
  });
});

describe('report', () => {
  test('goal checks name what missed and why', () => {
    const checks = goalChecks(results, 1);
    expect(checks[0]).toBe('- Zero missed pages (per incident): ✅ met');
    expect(checks[1]).toBe('- Zero false pages: ❌ missed — low-traffic (2)');
    expect(checks[2]).toBe('- At most one page per incident: ✅ met');
    expect(checks[4]).toBe('- The page clears within 10 min of the incident\'s last bad minute: ❌ missed — outage (30 min)');
    // Set 1 stands for the unguarded set here: the defaults (set 0) are the ones with false pages.
    expect(checks[5]).toBe('- The low-traffic guard removes the false pages: ❌ missed — 0 false page(s) without the guard, 2 with it');
    const swapped = results.map((r) => ({ ...r, outcomes: [r.outcomes[1], r.outcomes[0]] }));
    expect(goalChecks(swapped, 1)[5]).toContain('✅ met — 2 false page(s) without the guard, 0 with it');
  });

  test('the document holds the regenerate command and the tables', () => {
    const { document, tables } = renderReport(results, sets, { seed: 1, guard: 20 });
    expect(document).toContain('npx ts-node --project tsconfig.dev.json --transpile-only bench/signal/run.ts --write docs/benchmarks.md');
    expect(document).toContain(tables);
    expect(document).toContain('minimumValidEvents: 20');
  });
});
