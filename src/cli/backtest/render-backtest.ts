import { AlarmOrigin, SkippedAlarm } from './assembly-alarms';
import { ReplayResult } from '../../alarm-model/types';

/**
 * The `--json` document: `{ alarms: [{ stack, logicalId, alarmName, transitions, finalState }] }` plus the range,
 * the alarms not replayed (with the reason) and warnings.
 */
export function backtestJson(
  result: ReplayResult, origins: ReadonlyMap<string, AlarmOrigin>, warnings: readonly string[], skipped: readonly SkippedAlarm[] = [],
): unknown {
  return {
    from: result.from,
    to: result.to,
    evaluations: result.evaluations,
    alarms: result.alarms.map((a) => ({
      stack: origins.get(a.id)?.stack.displayName ?? '',
      logicalId: origins.get(a.id)?.logicalId ?? a.id,
      alarmName: a.alarmName ?? null,
      kind: a.kind,
      transitions: a.transitions.map((t) => ({ timestamp: t.timestamp, state: t.state, reason: t.reason })),
      finalState: a.finalState,
    })),
    skipped: skipped.map((s) => ({ stack: s.stack, logicalId: s.logicalId, reason: s.reason })),
    warnings: [...warnings, ...result.warnings],
  };
}

/** Human-readable transitions, one block per alarm. */
export function backtestText(result: ReplayResult, origins: ReadonlyMap<string, AlarmOrigin>, warnings: readonly string[]): string {
  const lines = [`Replayed ${result.from} → ${result.to}: ${result.evaluations} evaluations of ${result.alarms.length} alarm(s).`, ''];
  for (const a of result.alarms) {
    const origin = origins.get(a.id);
    const name = origin ? `${origin.stack.displayName}/${origin.logicalId}` : a.id;
    lines.push(`${name}${a.alarmName ? ` (${a.alarmName})` : ''} [${a.kind}]`);
    lines.push(`  ${'start'.padEnd(24)} ${a.initialState}`);
    for (const t of a.transitions) lines.push(`  ${t.timestamp.padEnd(24)} ${t.state.padEnd(17)} ${t.reason}`);
    lines.push(`  final state: ${a.finalState}`, '');
  }
  const fired = firedAlarms(result);
  lines.push(`${fired.length} of ${result.alarms.length} alarm(s) went to ALARM.`);
  for (const w of [...warnings, ...result.warnings]) lines.push(`Warning: ${w}`);
  return `${lines.join('\n')}\n`;
}

/** Alarms that entered ALARM at least once during the replay: the backtest's findings. */
export function firedAlarms(result: ReplayResult): string[] {
  return result.alarms.filter((a) => a.transitions.some((t) => t.state === 'ALARM')).map((a) => a.id);
}
