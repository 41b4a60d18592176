/**
 * A what-if that src/slo does not offer (yet): the SloAlarmSet with a low-traffic guard on BAD
 * events of the LONG windows instead of valid events of every window. Built by copying the
 * unguarded set's parsed alarms under new ids and wrapping each long window's ratio in
 * `IF(bad >= k, ratio, 0)`; short windows and composites are unchanged. Used to measure the
 * change proposed in docs/benchmarks.md before anyone writes it in src/slo.
 */
import type { AlarmSetUnderTest } from './bench-stack';
import { parseAlarmRule, parseMathExpression, ruleReferences } from '../../src/alarm-model';
import type { AlarmDefinition, MetricAlarmDefinition, MetricQuery } from '../../src/alarm-model';

const PREFIX = 'WhatIf';

/**
 * @param ofSet the alarms of the set to copy (metric and composite)
 * @param longAlarmIds ids of its long-window alarms
 */
export function withBadEventGuard(
  ofSet: readonly AlarmDefinition[], longAlarmIds: ReadonlySet<string>, minimumBadEvents: number,
): AlarmDefinition[] {
  return ofSet.map((def): AlarmDefinition => {
    const id = PREFIX + def.id;
    if (def.kind === 'composite') {
      let rule = def.rule;
      for (const ref of ruleReferences(def.ast)) rule = rule.split(`"${ref}"`).join(`"${PREFIX}${ref}"`);
      return { ...def, id, alarmName: undefined, rule, ast: parseAlarmRule(rule, id) };
    }
    if (!longAlarmIds.has(def.id)) return { ...def, id, alarmName: undefined };
    return guardLongWindow(def, id, minimumBadEvents);
  });
}

function guardLongWindow(def: MetricAlarmDefinition, id: string, k: number): MetricAlarmDefinition {
  const ids = new Set(def.queries.map((q) => q.id));
  // Availability windows have a `bad` query; latency windows (after rewritePercentileRank) count
  // slow requests as samples minus fast ones.
  const bad = ids.has('bad') ? 'FILL(bad, 0)'
    : ids.has('fastSamples') && ids.has('fastFastRequests') ? '(fastSamples - fastFastRequests)' : undefined;
  if (!bad) throw new Error(`what-if: cannot find the bad-event count of ${def.id}`);
  const expression = `IF(${bad} >= ${k}, ${def.returnId}, 0)`;
  const queries: MetricQuery[] = [
    ...def.queries.map((q) => (q.id === def.returnId ? { ...q, returnData: false } : q)),
    { id: 'whatIfGuard', expression, ast: parseMathExpression(expression, id), returnData: true },
  ];
  return { ...def, id, alarmName: undefined, queries, returnId: 'whatIfGuard' };
}

/** The what-if set as the tables show it. */
export function whatIfSet(of: AlarmSetUnderTest, minimumBadEvents: number): AlarmSetUnderTest {
  return {
    name: `What-if (not in src/slo): SloAlarmSet with ≥ ${minimumBadEvents} bad events required in each long window`,
    pageAlarmId: PREFIX + of.pageAlarmId,
    ticketAlarmId: of.ticketAlarmId ? PREFIX + of.ticketAlarmId : undefined,
    pagePairs: of.pagePairs?.map((p) => ({ label: p.label, id: PREFIX + p.id })),
  };
}
