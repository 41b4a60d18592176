/**
 * Labels a trace from the Google SRE Workbook criteria ("Alerting on SLOs"), computed on the trace's
 * own counts with windows sliding one minute at a time:
 *
 * - page   when ≥ 2 % of a 30-day budget burns within 1 h, or ≥ 5 % within 6 h;
 * - ticket when ≥ 10 % burns within 3 days;
 * - nothing otherwise.
 *
 * Budget spent in a window is the Workbook's own formula: burn rate × window / SLO window, with
 * burn rate = (bad / valid over the window) / (1 − objective). So "2 % in 1 h" is an error ratio of
 * at least 14.4 × b over the hour, "5 % in 6 h" 6 × b, "10 % in 3 days" 1 × b.
 *
 * Low traffic: at 10 requests an hour a single failure is a 10 % error ratio over the hour, which
 * the literal criteria call a page. The Workbook (same chapter, "Low-traffic services") treats that
 * as noise, not an incident. The labeller therefore also requires `minimumBadEvents` bad events in
 * the window that meets a criterion, and reports the literal label beside it when they differ.
 */
import type { MinuteRange, Severity, Trace } from './trace';

export interface LabelOptions {
  /** e.g. 0.999 */
  readonly objective: number;
  /** SLO window in days. @default 30 */
  readonly sloWindowDays?: number;
  /** Bad events a window needs before it counts as evidence. @default 3 */
  readonly minimumBadEvents?: number;
  /** First minute whose end is an evaluation instant (the end of the warm-up). @default 0 */
  readonly fromMinute?: number;
}

/** Bad and valid events per minute (NaN = no datapoint, counted as 0). */
export interface EventCounts {
  readonly bad: ArrayLike<number>;
  readonly valid: ArrayLike<number>;
}

export interface Criterion {
  readonly severity: 'page' | 'ticket';
  readonly windowMinutes: number;
  readonly budgetPercent: number;
}

export const WORKBOOK_CRITERIA: readonly Criterion[] = [
  { severity: 'page', windowMinutes: 60, budgetPercent: 2 },
  { severity: 'page', windowMinutes: 360, budgetPercent: 5 },
  { severity: 'ticket', windowMinutes: 3 * 1440, budgetPercent: 10 },
];

export interface Label {
  /** What the criteria call for, with the minimum-evidence rule. */
  readonly expected: Severity;
  /** What the criteria call for on their own. */
  readonly literal: Severity;
  /**
   * Minutes after the incident start when the expected severity's criterion first holds with its
   * evidence (≥ `minimumBadEvents` bad events in the window): before the third failure of a
   * low-traffic outage nothing, not even the Workbook's arithmetic, can tell it from noise.
   */
  readonly theoreticalDetectionMinutes?: number;
  /** Highest budget share (percent) spent within each criterion's window, in criterion order. */
  readonly peakBudgetPercent: readonly number[];
  /** Minute-end instants (index t = end of minute t − 1) at which a page criterion literally holds. */
  readonly pageInstants: Uint8Array;
  /** Per incident of the trace (in order): what it calls for and its theoretical detection. */
  readonly incidents: readonly IncidentLabel[];
}

/** The label of one incident of a trace. */
export interface IncidentLabel {
  readonly expected: Severity;
  /** Minutes from the incident start to the first instant its expected severity's criterion holds with evidence. */
  readonly theoreticalDetectionMinutes?: number;
}

/** How long after its last bad minute an incident's windows still count for it (the longest page window). */
const INCIDENT_TAIL_MINUTES = 360;

/** Prefix sums with NaN read as 0: index i = total of minutes [0, i). */
export function prefixSums(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length + 1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i + 1] = out[i] + (v === v ? v : 0);
  }
  return out;
}

/** Budget share (percent) the window [t − w, t) spends; 0 with no valid event. */
export function budgetPercentSpent(bad: number, valid: number, windowMinutes: number, objective: number, sloWindowDays: number): number {
  if (valid <= 0) return 0;
  const burnRate = bad / valid / (1 - objective);
  return (100 * burnRate * windowMinutes) / (sloWindowDays * 1440);
}

/** Labels the events of one SLI. */
export function labelEvents(events: EventCounts, incident: Trace['incident'], options: LabelOptions, incidents: readonly MinuteRange[] = incident ? [incident] : []): Label {
  const sloDays = options.sloWindowDays ?? 30;
  const minBad = options.minimumBadEvents ?? 3;
  const from = options.fromMinute ?? 0;
  const n = events.valid.length;
  const bad = prefixSums(events.bad);
  const valid = prefixSums(events.valid);
  const peak = WORKBOOK_CRITERIA.map(() => 0);
  const pageInstants = new Uint8Array(n + 1);
  // Instants where a criterion holds with its evidence: 2 = page, 1 = ticket.
  const evidenced = new Uint8Array(n + 1);
  let expected: Severity = 'none';
  let literal: Severity = 'none';
  const first: Record<'page' | 'ticket', number | undefined> = { page: undefined, ticket: undefined };
  // t is an evaluation instant: the end of minute t − 1; windows must lie inside the trace.
  for (let t = Math.max(from, 1); t <= n; t++) {
    WORKBOOK_CRITERIA.forEach((c, k) => {
      if (t < c.windowMinutes) return;
      const b = bad[t] - bad[t - c.windowMinutes];
      const v = valid[t] - valid[t - c.windowMinutes];
      const spent = budgetPercentSpent(b, v, c.windowMinutes, options.objective, sloDays);
      if (spent > peak[k]) peak[k] = spent;
      // A tiny tolerance keeps "exactly 2 %" on the side of ≥ despite floating point.
      if (spent < c.budgetPercent * (1 - 1e-9)) return;
      literal = worse(literal, c.severity);
      if (c.severity === 'page') pageInstants[t] = 1;
      if (b < minBad) return;
      expected = worse(expected, c.severity);
      evidenced[t] = Math.max(evidenced[t], c.severity === 'page' ? 2 : 1);
      if (incident && t >= incident.startMinute && first[c.severity] === undefined) first[c.severity] = t;
    });
  }
  const detectedAt = expected === 'none' || !incident ? undefined : first[expected];
  return {
    expected,
    literal,
    theoreticalDetectionMinutes: detectedAt === undefined ? undefined : detectedAt - incident!.startMinute,
    peakBudgetPercent: peak,
    pageInstants,
    incidents: incidents.map((inc, k) => labelIncident(evidenced, inc, incidents[k + 1]?.startMinute ?? Number.MAX_SAFE_INTEGER)),
  };
}

/** The worst severity that holds with evidence from an incident's start until its windows let go of it (or the next incident). */
function labelIncident(evidenced: Uint8Array, incident: MinuteRange, nextStart: number): IncidentLabel {
  const until = Math.min(evidenced.length - 1, incident.endMinute + INCIDENT_TAIL_MINUTES, nextStart);
  let worst = 0;
  const first = [undefined, undefined, undefined] as Array<number | undefined>;
  for (let t = incident.startMinute; t <= until; t++) {
    const v = evidenced[t];
    if (v === 0) continue;
    worst = Math.max(worst, v);
    // A page instant also satisfies the ticket's question "has it started to matter?".
    for (let s = 1; s <= v; s++) first[s] ??= t;
  }
  const expected: Severity = worst === 2 ? 'page' : worst === 1 ? 'ticket' : 'none';
  const at = first[worst];
  return { expected, theoreticalDetectionMinutes: worst === 0 || at === undefined ? undefined : at - incident.startMinute };
}

/**
 * Availability: bad = target 5XX + load balancer 503s, valid = requests + load balancer 503s (what
 * the users saw). Latency: bad = requests slower than the threshold, valid = requests.
 */
export function sliEvents(trace: Trace): { availability: EventCounts; latency: EventCounts } {
  const slow = new Float64Array(trace.minutes);
  const bad = new Float64Array(trace.minutes);
  const valid = new Float64Array(trace.minutes);
  const n = (v: number) => (v === v ? v : 0);
  for (let i = 0; i < trace.minutes; i++) {
    const r = trace.requests[i];
    slow[i] = r === r ? r - trace.fastRequests[i] : NaN;
    bad[i] = n(trace.errors5xx[i]) + n(trace.elbNoTarget503[i]);
    valid[i] = n(r) + n(trace.elbNoTarget503[i]);
  }
  return {
    availability: { bad, valid },
    latency: { bad: slow, valid: trace.requests },
  };
}

/** The trace's label: the worse of its availability and latency labels (one page alarm covers both). */
export function labelTrace(trace: Trace, options: LabelOptions): Label {
  const events = sliEvents(trace);
  const a = labelEvents(events.availability, trace.incident, options, trace.incidents);
  const l = labelEvents(events.latency, trace.incident, options, trace.incidents);
  const main = rank(l.expected) > rank(a.expected) ? l : a;
  const pageInstants = new Uint8Array(a.pageInstants.length);
  for (let i = 0; i < pageInstants.length; i++) pageInstants[i] = Math.max(a.pageInstants[i], l.pageInstants[i]);
  return {
    expected: main.expected,
    literal: worse(a.literal, l.literal),
    theoreticalDetectionMinutes: main.theoreticalDetectionMinutes,
    peakBudgetPercent: a.peakBudgetPercent.map((p, k) => Math.max(p, l.peakBudgetPercent[k])),
    pageInstants,
    incidents: a.incidents.map((ai, k) => {
      const li = l.incidents[k];
      if (rank(li.expected) !== rank(ai.expected)) return rank(li.expected) > rank(ai.expected) ? li : ai;
      const times = [ai.theoreticalDetectionMinutes, li.theoreticalDetectionMinutes].filter((m): m is number => m !== undefined);
      return { expected: ai.expected, theoreticalDetectionMinutes: times.length > 0 ? Math.min(...times) : undefined };
    }),
  };
}

function rank(s: Severity): number {
  return s === 'page' ? 2 : s === 'ticket' ? 1 : 0;
}

function worse(a: Severity, b: Severity): Severity {
  return rank(b) > rank(a) ? b : a;
}
