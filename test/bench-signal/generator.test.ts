import { generateCorpus, generateTrace, HEALTHY_ERROR_RATE, INCIDENT_START, OBSERVATION_START } from '../../bench/signal/generator';
import type { Trace } from '../../bench/signal/trace';

const corpus = generateCorpus({ seed: 1, observedDays: 2 });
const byName = (name: string): Trace => {
  const t = corpus.find((c) => c.name === name);
  if (!t) throw new Error(`no trace ${name}`);
  return t;
};
const sum = (a: Float64Array, from = 0, to = a.length) => {
  let s = 0;
  for (let i = from; i < to; i++) if (a[i] === a[i]) s += a[i];
  return s;
};

describe('generateCorpus', () => {
  test('holds every trace of the corpus, each with warm-up plus observed days of 1-minute points', () => {
    expect(corpus.map((t) => t.name)).toEqual([
      'outage-10m', 'errors-10pct-1h', 'slow-burn-2x-2d', 'sustained-7x-8h', 'budget-1x', 'blip-5m-20pct',
      'noise-0.5x', 'low-traffic', 'low-traffic-outage', 'traffic-drop', 'no-targets-30m', 'latency-regression',
      'periodic-outage-2h', 'periodic-spikes-6h', 'hover-6x-8h', 'second-incident-40m',
    ]);
    for (const t of corpus) {
      expect(t.minutes).toBe(5 * 1440);
      expect(t.requests.length).toBe(t.minutes);
      expect(t.errors5xx.length).toBe(t.minutes);
      expect(t.fastRequests.length).toBe(t.minutes);
    }
    expect(generateCorpus({ seed: 1 })[0].minutes).toBe(7 * 1440);
  });

  test('is deterministic: the same seed gives identical counts, another seed different ones', () => {
    const again = generateCorpus({ seed: 1, observedDays: 2 });
    const other = generateCorpus({ seed: 2, observedDays: 2 });
    corpus.forEach((t, i) => {
      expect(Array.from(again[i].requests)).toEqual(Array.from(t.requests));
      expect(Array.from(again[i].errors5xx)).toEqual(Array.from(t.errors5xx));
      expect(Array.from(again[i].fastRequests)).toEqual(Array.from(t.fastRequests));
    });
    expect(Array.from(other[0].requests)).not.toEqual(Array.from(corpus[0].requests));
  });

  test('a trace does not change when other traces are added (seeds come from names)', () => {
    const shape = { requestsPerMinute: 100, errorRate: () => 0.01 };
    const a = generateTrace('x', '', shape, { seed: 5, observedDays: 1 });
    const b = generateTrace('x', '', shape, { seed: 5, observedDays: 1 });
    expect(Array.from(a.errors5xx)).toEqual(Array.from(b.errors5xx));
  });

  test('the 10-minute outage fails every request, and only then', () => {
    const t = byName('outage-10m');
    for (let i = INCIDENT_START; i < INCIDENT_START + 10; i++) expect(t.errors5xx[i]).toBe(t.requests[i]);
    expect(t.incident).toEqual({ startMinute: INCIDENT_START, endMinute: INCIDENT_START + 10 });
    const before = sum(t.errors5xx, 0, INCIDENT_START) / sum(t.requests, 0, INCIDENT_START);
    expect(before).toBeGreaterThan(HEALTHY_ERROR_RATE / 2);
    expect(before).toBeLessThan(HEALTHY_ERROR_RATE * 2);
  });

  test('error ratios match the shapes: 10 % for an hour, 2× budget for days, 20 % for 5 minutes', () => {
    const ratio = (t: Trace, from: number, to: number) => sum(t.errors5xx, from, to) / sum(t.requests, from, to);
    expect(ratio(byName('errors-10pct-1h'), INCIDENT_START, INCIDENT_START + 60)).toBeCloseTo(0.1, 2);
    expect(ratio(byName('slow-burn-2x-2d'), OBSERVATION_START + 1440, OBSERVATION_START + 2 * 1440)).toBeCloseTo(0.002, 3);
    expect(ratio(byName('blip-5m-20pct'), INCIDENT_START, INCIDENT_START + 5)).toBeCloseTo(0.2, 1);
    expect(ratio(byName('budget-1x'), 0, 5 * 1440)).toBeCloseTo(0.001, 4);
  });

  test('traffic drop: no datapoint at all for two hours', () => {
    const t = byName('traffic-drop');
    for (let i = INCIDENT_START; i < INCIDENT_START + 120; i++) {
      expect(t.requests[i]).toBeNaN();
      expect(t.errors5xx[i]).toBeNaN();
      expect(t.fastRequests[i]).toBeNaN();
    }
    expect(t.requests[INCIDENT_START + 120]).toBeGreaterThan(0);
  });

  test('low traffic: about 10 requests an hour and isolated single failures', () => {
    const t = byName('low-traffic');
    const perHour = sum(t.requests) / (t.minutes / 60);
    expect(perHour).toBeGreaterThan(8);
    expect(perHour).toBeLessThan(12);
    const failures = Array.from(t.errors5xx).filter((v) => v === v);
    expect(failures).toEqual([1, 1]); // two of the four fall in two observed days
  });

  test('latency regression: 5 % of requests slower than the threshold for two hours', () => {
    const t = byName('latency-regression');
    const slow = (from: number, to: number) => (sum(t.requests, from, to) - sum(t.fastRequests, from, to)) / sum(t.requests, from, to);
    expect(slow(INCIDENT_START, INCIDENT_START + 120)).toBeCloseTo(0.05, 2);
    expect(slow(0, INCIDENT_START)).toBeLessThan(0.0003);
    expect(sum(t.errors5xx, INCIDENT_START, INCIDENT_START + 120)).toBeLessThan(30);
  });
});

test('no registered target: every request is an ELB 503 and RequestCount has no datapoint', () => {
  const t = corpus.find((c) => c.name === 'no-targets-30m')!;
  for (let i = INCIDENT_START; i < INCIDENT_START + 30; i++) {
    expect(t.requests[i]).toBeNaN();
    expect(t.elbNoTarget503[i]).toBeGreaterThan(500);
  }
  expect(Array.from(t.elbNoTarget503).filter((v) => v === v)).toHaveLength(30);
});

test('intermittent traces: one incident per trace, except two 40 minutes apart', () => {
  const incidents = (name: string) => corpus.find((t) => t.name === name)!.incidents
    .map((i) => [i.startMinute - INCIDENT_START, i.endMinute - INCIDENT_START]);
  expect(incidents('periodic-outage-2h')).toEqual([[0, 111]]);
  expect(incidents('periodic-spikes-6h')).toEqual([[0, 341]]);
  expect(incidents('second-incident-40m')).toEqual([[0, 10], [50, 60]]);
  const t = corpus.find((x) => x.name === 'periodic-outage-2h')!;
  // Every request of minute 0, 10, ... fails; the minutes between are healthy.
  expect(t.errors5xx[INCIDENT_START + 10]).toBe(t.requests[INCIDENT_START + 10]);
  expect(Number.isNaN(t.errors5xx[INCIDENT_START + 5]) || t.errors5xx[INCIDENT_START + 5] <= 2).toBe(true);
});
