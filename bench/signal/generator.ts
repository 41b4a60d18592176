/**
 * Deterministic generator of labelled incident traces for one service behind an ALB: 1-minute
 * RequestCount, target 5XX / 4XX counts and latency (requests at or under the threshold).
 *
 * Every trace is WARMUP_DAYS of healthy history (so the 3-day windows are full) followed by
 * OBSERVED_DAYS that are replayed and scored. Incidents start at 14:00 UTC on the first observed
 * day, when traffic is at 85 % of its daily mean.
 */
import { binomial, normal, poisson, Random, seededRandom } from './prng';
import { groupIncidents, MinuteRange, Trace } from './trace';

export const WARMUP_DAYS = 3;
export const OBSERVED_DAYS = 4;
const MINUTES_PER_DAY = 1440;
/** First observed minute. */
export const OBSERVATION_START = WARMUP_DAYS * MINUTES_PER_DAY;
/** 14:00 on the first observed day. */
export const INCIDENT_START = OBSERVATION_START + 14 * 60;

export interface TraceShape {
  /** Mean requests per minute over a day (traffic follows a ±30 % daily sine). */
  readonly requestsPerMinute: number;
  /** Probability that a request is a 5XX, for minute i. */
  readonly errorRate: (minute: number, random: Random) => number;
  /** Probability that a request is slower than the latency threshold, for minute i. */
  readonly slowRate?: (minute: number, random: Random) => number;
  /** Probability that a request is a 4XX (client error). @default 0.3 % */
  readonly clientErrorRate?: number;
  /** Minutes where no target is registered: every request is an ELB 503 and RequestCount has no datapoint. */
  readonly noTargets?: (minute: number) => boolean;
  /** Minutes without any datapoint (traffic dropped to zero). */
  readonly silent?: (minute: number) => boolean;
  /** Exact 5XX count for minute i, overriding errorRate (isolated failures at low traffic). */
  readonly forcedErrors?: (minute: number, requests: number) => number | undefined;
  /** The bursts of bad minutes (one for a single incident); grouped into incidents by the 30-minute rule. */
  readonly bursts?: readonly MinuteRange[];
}

export interface GeneratorOptions {
  readonly seed: number;
  /** Observed days after the warm-up. @default OBSERVED_DAYS */
  readonly observedDays?: number;
  /** Epoch milliseconds of the first minute. @default 2026-01-01T00:00:00Z */
  readonly startMs?: number;
}

/** Background 5XX rate of a healthy service: a tenth of a 99.9 % budget. */
export const HEALTHY_ERROR_RATE = 0.0001;
/** Background rate of requests slower than the threshold: a tenth of a 99.9 % budget. */
export const HEALTHY_SLOW_RATE = 0.0001;
const DEFAULT_CLIENT_ERROR_RATE = 0.003;

/** One trace from a shape; the same seed always gives the same counts. */
export function generateTrace(name: string, description: string, shape: TraceShape, options: GeneratorOptions): Trace {
  const random = seededRandom(options.seed);
  const minutes = (WARMUP_DAYS + (options.observedDays ?? OBSERVED_DAYS)) * MINUTES_PER_DAY;
  const requests = new Float64Array(minutes).fill(NaN);
  const errors5xx = new Float64Array(minutes).fill(NaN);
  const errors4xx = new Float64Array(minutes).fill(NaN);
  const fastRequests = new Float64Array(minutes).fill(NaN);
  const elbNoTarget503 = new Float64Array(minutes).fill(NaN);
  const clientErrorRate = shape.clientErrorRate ?? DEFAULT_CLIENT_ERROR_RATE;
  for (let i = 0; i < minutes; i++) {
    const daily = 1 + 0.3 * Math.sin((2 * Math.PI * (i % MINUTES_PER_DAY)) / MINUTES_PER_DAY);
    const n = poisson(random, shape.requestsPerMinute * daily);
    // Random draws happen for every minute, silent or not, so a trace's other minutes do not
    // depend on how long its silence is.
    const errorRate = clamp(shape.errorRate(i, random));
    const slowRate = clamp(shape.slowRate?.(i, random) ?? HEALTHY_SLOW_RATE);
    const bad = shape.forcedErrors?.(i, n) ?? binomial(random, n, errorRate);
    const clientErrors = binomial(random, n - bad, clientErrorRate);
    const slow = binomial(random, n, slowRate);
    if (shape.silent?.(i) || n === 0) continue;
    if (shape.noTargets?.(i)) {
      elbNoTarget503[i] = n;
      continue;
    }
    requests[i] = n;
    if (bad > 0) errors5xx[i] = bad;
    if (clientErrors > 0) errors4xx[i] = clientErrors;
    fastRequests[i] = n - slow;
  }
  const incidents = groupIncidents(shape.bursts ?? []);
  return {
    name,
    description,
    startMs: options.startMs ?? Date.parse('2026-01-01T00:00:00Z'),
    minutes,
    requests,
    errors5xx,
    errors4xx,
    fastRequests,
    elbNoTarget503,
    incident: incidents.length > 0 ? { startMinute: incidents[0].startMinute, endMinute: incidents[incidents.length - 1].endMinute } : undefined,
    incidents,
  };
}

/** FNV-1a hash of a trace name (32-bit integer math by definition). */
export function nameHash(name: string): number {
  let h = 0x811c9dc5;
  // eslint-disable-next-line no-bitwise
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function clamp(p: number): number {
  return Math.min(1, Math.max(0, p));
}

const during = (start: number, end: number) => (i: number) => i >= start && i < end;

/** Rate `rate` inside [start, end), healthy outside. */
function step(start: number, end: number, rate: number) {
  const inside = during(start, end);
  return (i: number) => (inside(i) ? rate : HEALTHY_ERROR_RATE);
}

/** Rate `rate` for one minute in every `every`, for `minutes` from `start`; healthy otherwise. */
function periodic(start: number, minutes: number, every: number, rate: number) {
  return (i: number) => (i >= start && i < start + minutes && (i - start) % every === 0 ? rate : HEALTHY_ERROR_RATE);
}

/** The one-minute bursts of `periodic`. */
function everyMinute(start: number, minutes: number, every: number): MinuteRange[] {
  const out: MinuteRange[] = [];
  for (let m = start; m < start + minutes; m += every) out.push({ startMinute: m, endMinute: m + 1 });
  return out;
}

/** The benchmark's corpus, in the order of docs/benchmarks.md. Budget b = 0.1 % (99.9 %). */
export function generateCorpus(options: GeneratorOptions): Trace[] {
  // Each trace's seed comes from its name, so adding or reordering traces leaves the others unchanged.
  // eslint-disable-next-line no-bitwise
  const at = (name: string) => ({ ...options, seed: (Math.imul(options.seed, 0x9e3779b1) ^ nameHash(name)) >>> 0 });
  const t0 = INCIDENT_START;
  const day = MINUTES_PER_DAY;
  const observedEnd = (WARMUP_DAYS + (options.observedDays ?? OBSERVED_DAYS)) * day;
  const main = 1000;
  const traces: Trace[] = [];
  const add = (name: string, description: string, shape: TraceShape) =>
    traces.push(generateTrace(name, description, shape, at(name)));

  add('outage-10m', 'every request fails for 10 min', {
    requestsPerMinute: main, errorRate: step(t0, t0 + 10, 1), bursts: [{ startMinute: t0, endMinute: t0 + 10 }],
  });
  add('errors-10pct-1h', '10 % of requests fail for 1 h', {
    requestsPerMinute: main, errorRate: step(t0, t0 + 60, 0.1), bursts: [{ startMinute: t0, endMinute: t0 + 60 }],
  });
  add('slow-burn-2x-2d', '0.2 % fail (2× budget) for 2 days', {
    requestsPerMinute: main,
    errorRate: step(OBSERVATION_START + day, OBSERVATION_START + 3 * day, 0.002),
    bursts: [{ startMinute: OBSERVATION_START + day, endMinute: OBSERVATION_START + 3 * day }],
  });
  add('sustained-7x-8h', '0.7 % fail (7× budget) for 8 h', {
    requestsPerMinute: main, errorRate: step(t0, t0 + 480, 0.007), bursts: [{ startMinute: t0, endMinute: t0 + 480 }],
  });
  add('budget-1x', '0.1 % fail (1× budget) all along', {
    requestsPerMinute: main, errorRate: () => 0.001,
  });
  add('blip-5m-20pct', '20 % of requests fail for 5 min', {
    requestsPerMinute: main, errorRate: step(t0, t0 + 5, 0.2), bursts: [{ startMinute: t0, endMinute: t0 + 5 }],
  });
  add('noise-0.5x', '0.05 % fail (0.5× budget), log-normal jitter per minute', {
    // Mean-one log-normal factor (σ = 0.8): most minutes are quiet, a few reach 5× the mean.
    requestsPerMinute: main, errorRate: (_i, random) => 0.0005 * Math.exp(0.8 * normal(random) - 0.32),
  });
  add('low-traffic', '10 requests/h, 4 isolated failures', {
    requestsPerMinute: 10 / 60, errorRate: () => 0, forcedErrors: isolatedFailures(observedEnd),
  });
  add('low-traffic-outage', '10 requests/h, every request fails for 2 h', {
    requestsPerMinute: 10 / 60, errorRate: step(t0, t0 + 120, 1), bursts: [{ startMinute: t0, endMinute: t0 + 120 }],
  });
  add('traffic-drop', 'no traffic at all (no datapoints) for 2 h', {
    requestsPerMinute: main, errorRate: step(0, 0, 0), silent: during(t0, t0 + 120),
  });
  add('no-targets-30m', 'no registered target for 30 min: every request is an ELB 503', {
    requestsPerMinute: main, errorRate: step(0, 0, 0), noTargets: during(t0, t0 + 30), bursts: [{ startMinute: t0, endMinute: t0 + 30 }],
  });
  add('latency-regression', '5 % of requests slower than 300 ms for 2 h', {
    requestsPerMinute: main,
    errorRate: step(0, 0, 0),
    slowRate: (i) => (i >= t0 && i < t0 + 120 ? 0.05 : HEALTHY_SLOW_RATE),
    bursts: [{ startMinute: t0, endMinute: t0 + 120 }],
  });
  // Intermittent and flapping incidents: one incident each (bad minutes less than 30 minutes apart)
  // except the last, two incidents 40 minutes apart.
  add('periodic-outage-2h', 'every request fails 1 min in 10, for 2 h', {
    requestsPerMinute: main, errorRate: periodic(t0, 120, 10, 1), bursts: everyMinute(t0, 120, 10),
  });
  add('periodic-spikes-6h', '20 % of requests fail 1 min in 20, for 6 h', {
    requestsPerMinute: main, errorRate: periodic(t0, 360, 20, 0.2), bursts: everyMinute(t0, 360, 20),
  });
  add('hover-6x-8h', '0.3 % and 1 % of requests fail in turns of 15 min (around 6×), for 8 h', {
    requestsPerMinute: main,
    errorRate: (i) => (i >= t0 && i < t0 + 480 ? (Math.floor((i - t0) / 15) % 2 === 0 ? 0.003 : 0.01) : HEALTHY_ERROR_RATE),
    bursts: [{ startMinute: t0, endMinute: t0 + 480 }],
  });
  add('second-incident-40m', 'every request fails for 10 min, twice, 40 min apart', {
    requestsPerMinute: main,
    errorRate: (i) => (during(t0, t0 + 10)(i) || during(t0 + 50, t0 + 60)(i) ? 1 : HEALTHY_ERROR_RATE),
    bursts: [{ startMinute: t0, endMinute: t0 + 10 }, { startMinute: t0 + 50, endMinute: t0 + 60 }],
  });
  return traces;
}

/**
 * One failed request at four fixed instants of the observed days, at least 18 h apart, each on the
 * first minute from there that has a request (a failure needs a request). Total: 4 of ~960 requests.
 */
function isolatedFailures(observedEnd: number): (minute: number, requests: number) => number | undefined {
  const targets = [0.3, 1.2, 2.1, 3.3].map((d) => OBSERVATION_START + Math.round(d * MINUTES_PER_DAY)).filter((m) => m < observedEnd);
  const placed = new Set<number>();
  return (minute, requests) => {
    const due = targets.find((t) => t <= minute && !placed.has(t));
    if (due === undefined || requests === 0) return 0;
    placed.add(due);
    return 1;
  };
}
