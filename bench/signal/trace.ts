/**
 * A labelled incident trace: 1-minute ALB-style counts for one service. Arrays hold one value per
 * minute from `startMs`; NaN means "no datapoint" (ALB publishes nothing for a minute without
 * requests, and 4XX / 5XX counts only when they are non-zero).
 */
export interface Trace {
  /** Short stable name, e.g. `outage-10m`. */
  readonly name: string;
  /** One line for the table. */
  readonly description: string;
  /** Epoch milliseconds of the first minute. */
  readonly startMs: number;
  readonly minutes: number;
  /** RequestCount per minute. */
  readonly requests: Float64Array;
  /** HTTPCode_Target_5XX_Count per minute (NaN where zero, as ALB omits it). */
  readonly errors5xx: Float64Array;
  /** HTTPCode_Target_4XX_Count per minute (client errors: not in the SLO, but in the ECS Express alarm). */
  readonly errors4xx: Float64Array;
  /**
   * 503s the load balancer returns itself because no target is registered, per minute (NaN where
   * none): in HTTPCode_ELB_5XX_Count and HTTPCode_ELB_503_Count, NOT in RequestCount.
   */
  readonly elbNoTarget503: Float64Array;
  /** Requests answered at or under the latency threshold, per minute (the numerator of PR(:t)). */
  readonly fastRequests: Float64Array;
  /**
   * The first incident's first bad minute and the minute after the last incident's last bad minute;
   * undefined for "no incident".
   */
  readonly incident?: MinuteRange;
  /**
   * The incidents one by one: bad minutes separated by less than INCIDENT_GAP_MINUTES belong to
   * one incident (a burst every 20 minutes for 6 hours is one incident). Empty for "no incident".
   */
  readonly incidents: readonly MinuteRange[];
}

/** Minutes [startMinute, endMinute). */
export interface MinuteRange {
  readonly startMinute: number;
  readonly endMinute: number;
}

/** Bad minutes closer than this belong to one incident. */
export const INCIDENT_GAP_MINUTES = 30;

/** Groups bursts of bad minutes (sorted or not) into incidents. */
export function groupIncidents(bursts: readonly MinuteRange[]): MinuteRange[] {
  const sorted = [...bursts].sort((a, b) => a.startMinute - b.startMinute);
  const out: Array<{ startMinute: number; endMinute: number }> = [];
  for (const b of sorted) {
    const last = out[out.length - 1];
    // endMinute is the minute after the last bad one, so the gap is start − end + 1 minutes.
    if (last && b.startMinute - (last.endMinute - 1) < INCIDENT_GAP_MINUTES) last.endMinute = Math.max(last.endMinute, b.endMinute);
    else out.push({ ...b });
  }
  return out;
}

/** The severity the Workbook criteria call for, or that an alarm set raised. */
export type Severity = 'page' | 'ticket' | 'none';

export const MINUTE_MS = 60_000;
