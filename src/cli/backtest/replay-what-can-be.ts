import { AlarmOrigin, dropOrphanComposites, SkippedAlarm } from './assembly-alarms';
import { AlarmModelError } from '../../alarm-model/errors';
import { replay, ReplayOptions } from '../../alarm-model/replay';
import { AlarmDefinition, MetricSeries, ReplayResult } from '../../alarm-model/types';
import { UsageError } from '../errors';

/** The model names the alarm it cannot replay first: `Alarm 'Stack/Logical': ...`. */
const ALARM_IN_MESSAGE = /^(?:Alarm|CompositeAlarm) '([^']+)'/;

/**
 * Replays, setting aside each alarm the model rejects while preparing it (a percentile it cannot
 * rebuild from the data given, several series matching a token dimension, ...) with the model's
 * message, then replays the others. An error that names no alarm (a malformed series) still stops.
 * Rejections happen while the model prepares an alarm, before any evaluation: after a first
 * rejection, each metric alarm is probed alone over one minute, then the survivors replay once.
 */
export function replayWhatCanBe(
  definitions: readonly AlarmDefinition[], series: readonly MetricSeries[], options: ReplayOptions,
  skipped: SkippedAlarm[], origins: Map<string, AlarmOrigin>,
): ReplayResult {
  let remaining = [...definitions];
  let probed = false;
  for (;;) {
    if (remaining.length === 0) {
      throw new UsageError(`no alarm of the assembly can be replayed:\n${skipped.map((s) => `  ${s.stack}/${s.logicalId}: ${s.reason}`).join('\n')}`);
    }
    try {
      return replay(remaining, series, options);
    } catch (error) {
      const id = error instanceof AlarmModelError ? ALARM_IN_MESSAGE.exec(error.message)?.[1] : undefined;
      if (id === undefined || !remaining.some((d) => d.id === id)) throw error;
      const rejected = new Map([[id, (error as Error).message]]);
      if (!probed) {
        probed = true;
        for (const [probeId, reason] of probe(remaining, series, options)) rejected.set(probeId, reason);
      }
      for (const [rejectedId, reason] of rejected) {
        const origin = origins.get(rejectedId);
        skipped.push({ id: rejectedId, stack: origin?.stack.displayName ?? '', logicalId: origin?.logicalId ?? rejectedId, reason });
      }
      remaining = dropOrphanComposites(remaining.filter((d) => !rejected.has(d.id)), skipped, origins);
    }
  }
}

/** Each metric alarm alone over the first minute: the ones the model rejects, with its message. */
function probe(definitions: readonly AlarmDefinition[], series: readonly MetricSeries[], options: ReplayOptions): Map<string, string> {
  const rejected = new Map<string, string>();
  const from = new Date(options.from).getTime();
  for (const definition of definitions) {
    if (definition.kind !== 'metric') continue;
    try {
      replay([definition], series, { ...options, from, to: from + 60_000 });
    } catch (error) {
      if (!(error instanceof AlarmModelError)) throw error;
      const id = ALARM_IN_MESSAGE.exec(error.message)?.[1];
      if (id === definition.id) rejected.set(id, error.message);
    }
  }
  return rejected;
}
