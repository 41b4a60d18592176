import { AlarmOrigin } from './assembly-alarms';
import { MissingSeries } from '../../alarm-model/types';
import { SloAlert, SloDefinition } from '../slo/slo-metadata';

/**
 * What a replay cannot say about an SLO's burn-rate pairs: a pair whose window alarm reads no
 * series of the history has no datapoint there, so it cannot fire in this replay however the
 * service did (a metrics file with the availability series but no latency series replays every
 * latency pair as OK). One line per pair and window alarm, naming the metric, statistic and period
 * looked for. Pure: reads the SLO metadata, the model's missing series and the alarm origins.
 */
export function blindPairWarnings(
  slos: readonly SloDefinition[], missing: readonly MissingSeries[], origins: ReadonlyMap<string, AlarmOrigin>,
): string[] {
  const byAlarm = new Map<string, MissingSeries[]>();
  for (const m of missing) byAlarm.set(m.alarmId, [...(byAlarm.get(m.alarmId) ?? []), m]);
  const replayId = new Map([...origins].map(([id, o]) => [`${o.stack.displayName}/${o.logicalId}`, id]));
  const warnings: string[] = [];
  for (const slo of slos) {
    for (const alert of slo.alerts) {
      for (const [role, logicalId] of windowAlarms(alert)) {
        const id = logicalId === undefined ? undefined : replayId.get(`${slo.stack}/${logicalId}`);
        const lacking = id === undefined ? undefined : byAlarm.get(id);
        if (!lacking) continue;
        const all = lacking.length >= lacking[0].metricsOfAlarm;
        const what = lacking.map((m) => `${m.metric} (statistic ${m.statistic}, period ${m.periodSeconds} s)`).join(', ');
        warnings.push(`SLO ${slo.serviceName} ${slo.name} (${slo.stack}): the ${alert.severity} pair ${windows(alert)} `
          + (all ? 'cannot fire in this replay' : `replays with ${lacking.length} of its ${lacking[0].metricsOfAlarm} metrics missing`)
          + `: its ${role} alarm ${slo.stack}/${logicalId} has no series for ${what}`);
      }
    }
  }
  return warnings;
}

function windowAlarms(alert: SloAlert): Array<[string, string | undefined]> {
  return [['long-window', alert.longAlarmLogicalId], ['short-window', alert.shortAlarmLogicalId], ['still-burning', alert.stillBurningAlarmLogicalId]];
}

function windows(alert: SloAlert): string {
  const compact = (s: number) => (s % 86_400 === 0 ? `${s / 86_400}d` : s % 3_600 === 0 ? `${s / 3_600}h` : s % 60 === 0 ? `${s / 60}m` : `${s}s`);
  return `${compact(alert.longWindowSeconds)}/${compact(alert.shortWindowSeconds)}`;
}
