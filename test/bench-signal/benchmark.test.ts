/**
 * Locks the labels and the SloAlarmSet's results on a reduced corpus (2 observed days, the traces
 * whose incidents fit), so a change to src/slo or src/alarm-model that makes the alarms page worse
 * fails CI. Synthesizes the real stack and replays it with the alarm model (about a minute).
 */
import { LATENCY_THRESHOLD_SECONDS, LOAD_BALANCER_FULL_NAME, OBJECTIVE_PERCENT, synthesizeBenchStack } from '../../bench/signal/bench-stack';
import { median, prepareAlarms, runTrace, totals, TraceResult } from '../../bench/signal/benchmark';
import { generateCorpus } from '../../bench/signal/generator';

const TRACES = ['outage-10m', 'errors-10pct-1h', 'blip-5m-20pct', 'noise-0.5x', 'low-traffic', 'low-traffic-outage', 'traffic-drop',
  'no-targets-30m', 'latency-regression'];
const SLO = 0;
const GUARDED = 1;
let results: TraceResult[];

beforeAll(() => {
  const bench = synthesizeBenchStack();
  expect(bench.sets[SLO].name).toMatch(/^SloAlarmSet \(/);
  expect(bench.sets[GUARDED].name).toMatch(/minimumValidEvents/);
  const alarms = prepareAlarms(bench, LATENCY_THRESHOLD_SECONDS);
  const options = { objective: OBJECTIVE_PERCENT / 100, loadBalancer: LOAD_BALANCER_FULL_NAME, latencyThresholdSeconds: LATENCY_THRESHOLD_SECONDS };
  results = generateCorpus({ seed: 1, observedDays: 2 })
    .filter((t) => TRACES.includes(t.name))
    .map((t) => runTrace(t, alarms, bench.sets, options));
});

const result = (name: string) => results.find((r) => r.trace.name === name)!;

test('labels from the Workbook criteria', () => {
  expect(results.map((r) => [r.trace.name, r.label.expected, r.label.literal, r.label.theoreticalDetectionMinutes ?? null])).toEqual([
    ['outage-10m', 'page', 'page', 1],
    ['errors-10pct-1h', 'page', 'page', 9],
    ['blip-5m-20pct', 'page', 'page', 5],
    ['noise-0.5x', 'none', 'none', null],
    ['low-traffic', 'none', 'page', null],
    ['low-traffic-outage', 'page', 'page', 7],
    ['traffic-drop', 'none', 'none', null],
    ['no-targets-30m', 'page', 'page', 1],
    ['latency-regression', 'page', 'page', 19],
  ]);
});

test('SloAlarmSet: what fired, how often, detection and reset (minutes) per trace', () => {
  expect(results.map((r) => {
    const o = r.outcomes[SLO];
    return [r.trace.name, o.fired, o.pages.length, o.falsePages, o.detectionMinutes ?? null, o.resetMinutes ?? null];
  })).toEqual([
    ['outage-10m', 'page', 1, 0, 1, 30],
    ['errors-10pct-1h', 'page', 1, 0, 9, 29],
    ['blip-5m-20pct', 'page', 1, 0, 5, 5],
    ['noise-0.5x', 'none', 0, 0, null, null],
    ['low-traffic', 'page', 3, 3, null, null],
    ['low-traffic-outage', 'page', 1, 0, 7, 24],
    ['traffic-drop', 'none', 0, 0, null, null],
    ['no-targets-30m', 'page', 1, 0, 1, 30],
    ['latency-regression', 'page', 1, 0, 19, 27],
  ]);
});

test('SloAlarmSet: no missed page, detection within 2 minutes of the theoretical time', () => {
  const t = totals(results, SLO);
  expect(t.missedPages).toBe(0);
  for (const r of results.filter((x) => x.label.expected === 'page')) {
    expect(Math.abs(r.outcomes[SLO].detectionMinutes! - r.label.theoreticalDetectionMinutes!)).toBeLessThanOrEqual(2);
  }
});

test('SloAlarmSet: the 1 h / 5 min pairs reset within 7 minutes of the incident end', () => {
  for (const name of ['outage-10m', 'errors-10pct-1h', 'blip-5m-20pct', 'low-traffic-outage', 'no-targets-30m', 'latency-regression']) {
    const pair = result(name).outcomes[SLO].pairResets.find((p) => p.label.endsWith('1h/5m'));
    expect([name, pair!.resetMinutes! <= 7]).toEqual([name, true]);
  }
});

test('SloAlarmSet: false pages only on the low-traffic trace; the guard removes them (and the low-traffic outage page)', () => {
  expect(results.filter((r) => r.outcomes[SLO].falsePages > 0).map((r) => r.trace.name)).toEqual(['low-traffic']);
  expect(totals(results, GUARDED).falsePages).toBe(0);
  expect(result('low-traffic').outcomes[GUARDED].fired).not.toBe('page');
  expect(result('low-traffic-outage').outcomes[GUARDED].fired).toBe('ticket');
});

test('median', () => {
  expect(median([])).toBeUndefined();
  expect(median([3, 1, 2])).toBe(2);
  expect(median([4, 1, 2, 3])).toBe(2.5);
});
