/**
 * Composite alarms in the replay: their references resolved to alarm ids (by id, AlarmName or ARN),
 * ordered children first, and evaluated whenever an alarm changes state.
 */
import { evaluateAlarmRule, ruleReferences } from './composite-rule';
import { AlarmModelError, alarmLabel } from './errors';
import { transition } from './state-transition';
import type { AlarmDefinition, AlarmState, CompositeAlarmDefinition, StateTransition } from './types';

export interface CompositeRuntime {
  readonly def: CompositeAlarmDefinition;
  /** Reference text in the rule → id of the alarm it names. */
  readonly resolved: Map<string, string>;
  state: AlarmState;
  readonly transitions: StateTransition[];
}

/** What the composites need of a metric alarm's replay. */
export interface MetricOutcome {
  readonly id: string;
  readonly transitions: readonly StateTransition[];
}

/**
 * Composite alarms change only when a child does, so they are evaluated at their first evaluation and
 * then at each instant where some alarm changed state, in an order where children come first.
 */
export function runComposites(composites: readonly CompositeRuntime[], metrics: readonly MetricOutcome[], firstTick: number, to: number): void {
  if (composites.length === 0) return;
  const events: Array<{ t: number; id: string; state: AlarmState }> = [];
  for (const m of metrics) for (const tr of m.transitions) events.push({ t: tr.epochMs / 1000, id: m.id, state: tr.state });
  events.sort((a, b) => a.t - b.t);
  const states = new Map<string, AlarmState>();
  for (const m of metrics) states.set(m.id, 'INSUFFICIENT_DATA');
  for (const c of composites) states.set(c.def.id, 'INSUFFICIENT_DATA');
  let e = 0;
  const evaluateAt = (t: number): void => {
    for (const c of composites) {
      const next: AlarmState = evaluateAlarmRule(c.def.ast, (ref) => states.get(c.resolved.get(ref)!)!) ? 'ALARM' : 'OK';
      if (next !== c.state) {
        c.state = next;
        states.set(c.def.id, next);
        c.transitions.push(transition(t, next, `rule ${next === 'ALARM' ? 'true' : 'false'}: ${c.def.rule}`));
      }
    }
  };
  if (firstTick > to) return;
  // Metric changes at the first tick are applied before the composites' first evaluation.
  for (; e < events.length && events[e].t <= firstTick; e++) states.set(events[e].id, events[e].state);
  evaluateAt(firstTick);
  while (e < events.length) {
    const t = events[e].t;
    for (; e < events.length && events[e].t === t; e++) states.set(events[e].id, events[e].state);
    evaluateAt(t);
  }
}

/** Composite alarms in an order where every composite comes after the composites it reads. */
export function prepareComposites(alarms: readonly AlarmDefinition[]): CompositeRuntime[] {
  const lookup = new Map<string, string>();
  for (const a of alarms) lookup.set(a.id, a.id);
  for (const a of alarms) if (a.alarmName && !lookup.has(a.alarmName)) lookup.set(a.alarmName, a.id);
  const byId = new Map(alarms.map((a) => [a.id, a]));
  const runtimes = new Map<string, CompositeRuntime>();
  for (const a of alarms) {
    if (a.kind !== 'composite') continue;
    const resolved = new Map<string, string>();
    for (const ref of ruleReferences(a.ast)) {
      const arnName = ref.includes(':alarm:') ? ref.slice(ref.lastIndexOf(':alarm:') + 7) : undefined;
      const target = lookup.get(ref) ?? (arnName !== undefined ? lookup.get(arnName) : undefined);
      if (!target) {
        throw new AlarmModelError(`${alarmLabel('CompositeAlarm', a.id)}: AlarmRule references "${ref}", which is not among the replayed alarms (known: ${[...lookup.keys()].join(', ')})`);
      }
      resolved.set(ref, target);
    }
    runtimes.set(a.id, { def: a, resolved, state: 'INSUFFICIENT_DATA', transitions: [] });
  }
  const ordered: CompositeRuntime[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, path: string[]): void => {
    const rt = runtimes.get(id);
    if (!rt || state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      throw new AlarmModelError(`${alarmLabel('CompositeAlarm', id)}: composite alarms reference each other in a cycle: ${[...path, id].join(' → ')}`);
    }
    state.set(id, 'visiting');
    for (const target of rt.resolved.values()) if (byId.get(target)?.kind === 'composite') visit(target, [...path, id]);
    state.set(id, 'done');
    ordered.push(rt);
  };
  for (const id of runtimes.keys()) visit(id, []);
  return ordered;
}
