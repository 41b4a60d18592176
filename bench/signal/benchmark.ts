/**
 * Replays every trace through every alarm of the synthesized template and scores each alarm set.
 */
import type { AlarmSetUnderTest, BenchStack } from './bench-stack';
import { OBSERVATION_START } from './generator';
import { Label, labelTrace } from './labeller';
import { Outcome, outcomeOf } from './outcome';
import type { Trace } from './trace';
import { MINUTE_MS } from './trace';
import { rewritePercentileRank, traceSeries } from './trace-series';
import type { AlarmDefinition } from '../../src/alarm-model';
import { parseTemplateAlarms, replay } from '../../src/alarm-model';

export interface TraceResult {
  readonly trace: Trace;
  readonly label: Label;
  /** One outcome per alarm set, in the order of `BenchStack.sets`. */
  readonly outcomes: readonly Outcome[];
}

export interface BenchmarkOptions {
  readonly objective: number;
  readonly loadBalancer: string;
  /** Thresholds (seconds) the generator's fast-request counts are for; the template must match. */
  readonly latencyThresholdSeconds: number;
}

/** Parses the template's alarms once, ready to replay (the latency PR queries rewritten). */
export function prepareAlarms(bench: BenchStack, latencyThresholdSeconds: number): AlarmDefinition[] {
  const { alarms, thresholds } = rewritePercentileRank(parseTemplateAlarms(bench.template.Resources));
  const other = thresholds.filter((t) => t !== latencyThresholdSeconds);
  if (other.length > 0) throw new Error(`latency alarms use PR(:${other[0]}), but the traces count requests at or under ${latencyThresholdSeconds} s`);
  return alarms;
}

export function runTrace(
  trace: Trace, alarms: readonly AlarmDefinition[], sets: readonly AlarmSetUnderTest[], options: BenchmarkOptions,
): TraceResult {
  const label = labelTrace(trace, { objective: options.objective, fromMinute: OBSERVATION_START });
  const result = replay(alarms, traceSeries(trace, options.loadBalancer), {
    from: trace.startMs + OBSERVATION_START * MINUTE_MS,
    to: trace.startMs + trace.minutes * MINUTE_MS,
  });
  if (result.warnings.length > 0) throw new Error(`replay of ${trace.name}: ${result.warnings.join('; ')}`);
  const byId = new Map(result.alarms.map((a) => [a.id, a]));
  const outcomes = sets.map((s) => outcomeOf(trace, label, {
    page: byId.get(s.pageAlarmId),
    ticket: s.ticketAlarmId ? byId.get(s.ticketAlarmId) : undefined,
    pagePairs: s.pagePairs?.map((p) => ({ label: p.label, replay: byId.get(p.id) })),
  }));
  return { trace, label, outcomes };
}

export interface Totals {
  /** Incidents that call for a page and got none. */
  readonly missedPages: number;
  readonly falsePages: number;
  readonly medianDetectionMinutes?: number;
  readonly medianResetMinutes?: number;
  /** Over the incidents that call for a page: the most pages one got, and the mean. */
  readonly worstPagesPerIncident: number;
  readonly meanPagesPerIncident: number;
}

/** Totals of one alarm set (index into outcomes) over the corpus' page incidents. */
export function totals(results: readonly TraceResult[], setIndex: number): Totals {
  const incidents = results.flatMap((r) => r.outcomes[setIndex].incidents.filter((i) => i.expected === 'page'));
  const caught = incidents.filter((i) => i.pages > 0);
  const pages = incidents.map((i) => i.pages);
  return {
    missedPages: incidents.length - caught.length,
    falsePages: results.reduce((n, r) => n + r.outcomes[setIndex].falsePages, 0),
    medianDetectionMinutes: median(caught.map((i) => i.detectionMinutes!)),
    medianResetMinutes: median(caught.filter((i) => i.resetMinutes !== undefined).map((i) => i.resetMinutes!)),
    worstPagesPerIncident: pages.length > 0 ? Math.max(...pages) : 0,
    meanPagesPerIncident: pages.length > 0 ? Math.round((100 * pages.reduce((a, b) => a + b, 0)) / pages.length) / 100 : 0,
  };
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
