import { budgetPercentSpent, labelEvents, labelTrace, prefixSums } from '../../bench/signal/labeller';
import type { Trace } from '../../bench/signal/trace';

const OBJECTIVE = 0.999;
/** n minutes of `valid` requests each, with `bad` failures in the given minutes. */
function events(n: number, valid: number, bad: Record<number, number> = {}) {
  const b = new Float64Array(n).fill(NaN);
  for (const [minute, count] of Object.entries(bad)) b[Number(minute)] = count;
  return { bad: b, valid: new Float64Array(n).fill(valid) };
}
/** `perMinute` failures in every `every`-th minute of [from, from + minutes). */
function spread(from: number, minutes: number, perMinute: number, every = 1): Record<number, number> {
  const out: Record<number, number> = {};
  for (let i = 0; i < minutes; i += every) out[from + i] = perMinute;
  return out;
}

describe('budgetPercentSpent', () => {
  test('is burn rate × window / SLO window: 14.4× over 1 h of 30 days is 2 %', () => {
    expect(budgetPercentSpent(144, 10_000, 60, OBJECTIVE, 30)).toBeCloseTo(2, 10);
    expect(budgetPercentSpent(60, 10_000, 360, OBJECTIVE, 30)).toBeCloseTo(5, 10);
    expect(budgetPercentSpent(10, 10_000, 4320, OBJECTIVE, 30)).toBeCloseTo(10, 10);
    expect(budgetPercentSpent(5, 0, 60, OBJECTIVE, 30)).toBe(0);
  });
});

describe('prefixSums', () => {
  test('reads missing minutes as zero', () => {
    expect(Array.from(prefixSums([1, NaN, 2]))).toEqual([0, 1, 1, 3]);
  });
});

describe('labelEvents', () => {
  test('no failure: nothing, with zero budget spent', () => {
    const label = labelEvents(events(400, 100), undefined, { objective: OBJECTIVE });
    expect(label.expected).toBe('none');
    expect(label.peakBudgetPercent).toEqual([0, 0, 0]);
  });

  test('exactly 2 % of the budget in one hour pages; one failure less does not', () => {
    // 6,000 requests an hour: 14.4× of 0.1 % is 86.4 bad events, so 87 pages and 86 does not.
    // (Only full windows are judged: the burst comes after the first hour.)
    const at = (bad: number) => labelEvents(events(180, 100, { 70: bad }), { startMinute: 70, endMinute: 71 }, { objective: OBJECTIVE });
    expect(at(87).expected).toBe('page');
    expect(at(86).expected).toBe('none');
    expect(at(87).theoreticalDetectionMinutes).toBe(1);
  });

  test('the 6-hour criterion pages at 5 % when the hourly one does not', () => {
    // 6× over 6 h = 0.6 %: 1 bad event of 100 every minute for 4 h is 240 bad in 36,000 (0.67 %).
    const label = labelEvents(events(1000, 100, spread(360, 240, 1)), { startMinute: 360, endMinute: 600 }, { objective: OBJECTIVE });
    expect(label.peakBudgetPercent[0]).toBeCloseTo(1.39, 2); // 1 % ratio over an hour: 10× for 1/720 of the window
    expect(label.expected).toBe('page');
    // 0.6 % of 360 minutes of 100 requests = 216 bad events: reached 216 minutes in.
    expect(label.theoreticalDetectionMinutes).toBe(216);
  });

  test('10 % of the budget within 3 days tickets; 9 % does not', () => {
    const minutes = 3 * 1440;
    // 432,000 requests, one failure every 10 minutes: 432 bad = 0.1 % (1×), never more than 0.1 % an hour.
    const ticket = labelEvents(events(minutes, 100, spread(0, minutes, 1, 10)), { startMinute: 0, endMinute: minutes }, { objective: OBJECTIVE });
    expect(ticket.peakBudgetPercent[2]).toBeCloseTo(10, 6);
    expect(ticket.peakBudgetPercent[0]).toBeLessThan(0.2);
    expect(ticket.expected).toBe('ticket');
    expect(ticket.theoreticalDetectionMinutes).toBe(minutes);
    const none = labelEvents(events(minutes, 100, spread(0, minutes, 1, 11)), undefined, { objective: OBJECTIVE });
    expect(none.peakBudgetPercent[2]).toBeCloseTo(9.1, 1);
    expect(none.expected).toBe('none');
  });

  test('windows must lie inside the trace: a 3-day criterion is not judged on 2 days', () => {
    const label = labelEvents(events(2 * 1440, 100, spread(0, 2 * 1440, 1, 5)), undefined, { objective: OBJECTIVE });
    expect(label.peakBudgetPercent[2]).toBe(0);
    expect(label.expected).toBe('none');
  });

  test('minimum evidence: a lone failure at low traffic is a literal page but not an expected one', () => {
    const lowTraffic = events(120, 0.2, { 50: 1 });
    const label = labelEvents(lowTraffic, undefined, { objective: OBJECTIVE });
    expect(label.literal).toBe('page');
    expect(label.expected).toBe('none');
    expect(labelEvents(lowTraffic, undefined, { objective: OBJECTIVE, minimumBadEvents: 1 }).expected).toBe('page');
    expect(labelEvents(events(120, 0.2, { 50: 1, 55: 1, 60: 1 }), undefined, { objective: OBJECTIVE }).expected).toBe('page');
  });

  test('evaluation starts at fromMinute: a burst in the warm-up is not labelled', () => {
    const burst = events(200, 100, { 10: 100 });
    expect(labelEvents(burst, undefined, { objective: OBJECTIVE }).expected).toBe('page');
    expect(labelEvents(burst, undefined, { objective: OBJECTIVE, fromMinute: 100 }).expected).toBe('none');
  });
});

describe('labelTrace', () => {
  const minutes = 200;
  const base = (): Trace => ({
    name: 't',
    description: '',
    startMs: 0,
    minutes,
    requests: new Float64Array(minutes).fill(100),
    errors5xx: new Float64Array(minutes).fill(NaN),
    errors4xx: new Float64Array(minutes).fill(NaN),
    fastRequests: new Float64Array(minutes).fill(100),
    elbNoTarget503: new Float64Array(minutes).fill(NaN),
    incident: { startMinute: 100, endMinute: 110 },
    incidents: [{ startMinute: 100, endMinute: 110 }],
  });

  test('slow requests count against the latency SLO: 20 of 100 slow for 10 minutes pages', () => {
    const t = base();
    for (let i = 100; i < 110; i++) t.fastRequests[i] = 80;
    const label = labelTrace(t, { objective: OBJECTIVE });
    expect(label.expected).toBe('page');
    // 86.4 slow requests in the hour: 5 minutes of 20 = 100 ≥ 86.4 after the 5th minute.
    expect(label.theoreticalDetectionMinutes).toBe(5);
  });

  test('4XX responses are not SLO errors', () => {
    const t = base();
    t.errors4xx.fill(50);
    expect(labelTrace(t, { objective: OBJECTIVE }).expected).toBe('none');
  });
});

test('load balancer 503s with no target count as bad and valid availability events', () => {
  const minutes = 200;
  const t: Trace = {
    name: 't',
    description: '',
    startMs: 0,
    minutes,
    requests: new Float64Array(minutes).fill(100),
    errors5xx: new Float64Array(minutes).fill(NaN),
    errors4xx: new Float64Array(minutes).fill(NaN),
    fastRequests: new Float64Array(minutes).fill(100),
    elbNoTarget503: new Float64Array(minutes).fill(NaN),
    incident: { startMinute: 100, endMinute: 110 },
    incidents: [{ startMinute: 100, endMinute: 110 }],
  };
  for (let i = 100; i < 110; i++) {
    t.requests[i] = NaN;
    t.fastRequests[i] = NaN;
    t.elbNoTarget503[i] = 100;
  }
  const label = labelTrace(t, { objective: OBJECTIVE });
  expect(label.expected).toBe('page');
  expect(label.theoreticalDetectionMinutes).toBe(1);
});

test('each incident gets its own label and theoretical detection', () => {
  // 100 requests a minute; two 10-minute outages 40 minutes apart, both pages by the 1 h criterion.
  const bad: Record<number, number> = {};
  for (let i = 0; i < 10; i++) { bad[100 + i] = 100; bad[150 + i] = 100; }
  const label = labelEvents(events(300, 100, bad), { startMinute: 100, endMinute: 160 }, { objective: OBJECTIVE },
    [{ startMinute: 100, endMinute: 110 }, { startMinute: 150, endMinute: 160 }]);
  // The first pages after one minute of failure; the 1 h criterion still holds when the second starts.
  expect(label.incidents).toEqual([{ expected: 'page', theoreticalDetectionMinutes: 1 }, { expected: 'page', theoreticalDetectionMinutes: 0 }]);
});
