/**
 * What one alarm set did on one trace, from the model's state transitions: whether it paged or
 * ticketed, when, and when it reset.
 */
import type { Label } from './labeller';
import type { MinuteRange, Severity, Trace } from './trace';
import { MINUTE_MS } from './trace';
import type { AlarmReplay } from '../../src/alarm-model';

/** A stretch of time in ALARM; `end` undefined while still in ALARM at the end of the replay. */
export interface Episode {
  readonly startMs: number;
  readonly endMs?: number;
}

export interface Outcome {
  readonly fired: Severity;
  /** Every page episode (ALARM of the page alarm). */
  readonly pages: readonly Episode[];
  readonly tickets: readonly Episode[];
  /** Minutes from the incident start to the first episode of the fired severity that starts at or after it. */
  readonly detectionMinutes?: number;
  /** Minutes from the incident end to the end of that episode (undefined: never reset in the replay). */
  readonly resetMinutes?: number;
  /** Page episodes not backed by the labels (see `falsePages`). */
  readonly falsePages: number;
  /** SLO sets on page traces: minutes from the incident end to the reset of each page pair that fired. */
  readonly pairResets: ReadonlyArray<{ readonly label: string; readonly resetMinutes?: number }>;
  /** Per incident of the trace (in order): its pages, detection and reset. */
  readonly incidents: readonly IncidentOutcome[];
}

/** What the page alarm did for one incident. */
export interface IncidentOutcome {
  readonly expected: Severity;
  /** Page episodes that started from the incident's start until the next incident (at most an hour after its end). */
  readonly pages: number;
  /** Minutes from the incident start to its first page. */
  readonly detectionMinutes?: number;
  /** Minutes from the minute after its last bad minute to the end of its last page (undefined: still paging at the end of the replay). */
  readonly resetMinutes?: number;
}

/** How long after an incident's end a page that starts still counts as its page. */
const ATTRIBUTION_MINUTES = 60;

export function episodes(replay: AlarmReplay | undefined): Episode[] {
  const out: Array<{ startMs: number; endMs?: number }> = [];
  for (const t of replay?.transitions ?? []) {
    const open = out.length > 0 && out[out.length - 1].endMs === undefined;
    if (t.state === 'ALARM' && !open) out.push({ startMs: t.epochMs });
    if (t.state !== 'ALARM' && open) out[out.length - 1].endMs = t.epochMs;
  }
  return out;
}

/**
 * A page is false when the trace does not call for one; on a page trace, when it starts neither
 * during the incident (up to `toleranceMinutes` after its end) nor within `toleranceMinutes` of an
 * instant where a page criterion held (a page long before the incident, or a re-page long after).
 * Several pages during one incident are not false, but the table shows their count.
 */
export function falsePages(pages: readonly Episode[], trace: Trace, label: Label, toleranceMinutes = 10): number {
  if (label.expected !== 'page') return pages.length;
  return pages.filter((p) => {
    const t = Math.round((p.startMs - trace.startMs) / MINUTE_MS);
    if (trace.incidents.some((i) => t >= i.startMinute && t <= i.endMinute + toleranceMinutes)) return false;
    for (let k = Math.max(0, t - toleranceMinutes); k <= Math.min(label.pageInstants.length - 1, t + toleranceMinutes); k++) {
      if (label.pageInstants[k]) return false;
    }
    return true;
  }).length;
}

export interface OutcomeAlarms {
  readonly page?: AlarmReplay;
  readonly ticket?: AlarmReplay;
  readonly pagePairs?: ReadonlyArray<{ readonly label: string; readonly replay?: AlarmReplay }>;
}

/**
 * Detection and reset are measured on the alarm of the trace's expected severity (the page alarm
 * for a page trace), from its first episode that starts at or after the incident start.
 */
export function outcomeOf(trace: Trace, label: Label, alarms: OutcomeAlarms): Outcome {
  const pages = episodes(alarms.page);
  const tickets = episodes(alarms.ticket);
  const fired: Severity = pages.length > 0 ? 'page' : tickets.length > 0 ? 'ticket' : 'none';
  let detectionMinutes: number | undefined;
  let resetMinutes: number | undefined;
  const pairResets: Array<{ label: string; resetMinutes?: number }> = [];
  const incident = trace.incident;
  if (incident && label.expected !== 'none') {
    const startMs = trace.startMs + incident.startMinute * MINUTE_MS;
    const endMs = trace.startMs + incident.endMinute * MINUTE_MS;
    const timing = incidentTiming(label.expected === 'page' ? pages : tickets, startMs, endMs);
    detectionMinutes = timing?.detectionMinutes;
    resetMinutes = timing?.resetMinutes;
    if (label.expected === 'page') {
      for (const pair of alarms.pagePairs ?? []) {
        const t = incidentTiming(episodes(pair.replay), startMs, endMs);
        if (t) pairResets.push({ label: pair.label, resetMinutes: t.resetMinutes });
      }
    }
  }
  return {
    fired,
    pages,
    tickets,
    detectionMinutes,
    resetMinutes,
    falsePages: falsePages(pages, trace, label),
    pairResets,
    incidents: trace.incidents.map((inc, k) => incidentOutcome(trace, pages, inc, trace.incidents[k + 1], label.incidents[k]?.expected ?? 'none')),
  };
}

/** The page episodes of one incident, its detection and its reset. */
export function incidentOutcome(
  trace: Trace, pages: readonly Episode[], incident: MinuteRange, next: MinuteRange | undefined, expected: Severity,
): IncidentOutcome {
  const at = (minute: number) => trace.startMs + minute * MINUTE_MS;
  const from = at(incident.startMinute);
  const until = Math.min(at(incident.endMinute + ATTRIBUTION_MINUTES), next ? at(next.startMinute) : Number.MAX_SAFE_INTEGER);
  const own = pages.filter((p) => p.startMs >= from && p.startMs < until);
  const last = own[own.length - 1];
  return {
    expected,
    pages: own.length,
    detectionMinutes: own.length > 0 ? (own[0].startMs - from) / MINUTE_MS : undefined,
    resetMinutes: last?.endMs === undefined ? undefined : (last.endMs - at(incident.endMinute)) / MINUTE_MS,
  };
}

/** Detection (first episode from the incident start on) and reset (end of the last episode begun before the incident end). */
function incidentTiming(all: readonly Episode[], startMs: number, endMs: number): { detectionMinutes: number; resetMinutes?: number } | undefined {
  const first = all.find((e) => e.startMs >= startMs && e.startMs <= endMs + 6 * 60 * MINUTE_MS);
  if (!first) return undefined;
  const last = [...all].reverse().find((e) => e.startMs >= first.startMs && e.startMs <= Math.max(endMs, first.startMs)) ?? first;
  return {
    detectionMinutes: (first.startMs - startMs) / MINUTE_MS,
    resetMinutes: last.endMs === undefined ? undefined : (last.endMs - endMs) / MINUTE_MS,
  };
}
