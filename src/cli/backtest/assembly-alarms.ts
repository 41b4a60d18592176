import { RuleNode, ruleReferences } from '../../alarm-model/composite-rule';
import { AlarmModelError } from '../../alarm-model/errors';
import { parseCompositeAlarm } from '../../alarm-model/parse-composite-alarm';
import { ParseAlarmOptions, parseMetricAlarm } from '../../alarm-model/parse-metric-alarm';
import { AlarmDefinition } from '../../alarm-model/types';
import { AssemblyStack } from '../assembly/cloud-assembly';
import { referencedLogicalId } from '../assembly/template-values';

/** Where an alarm of the replay comes from. */
export interface AlarmOrigin {
  readonly stack: AssemblyStack;
  readonly logicalId: string;
}

/** An alarm the model cannot replay, and why (the model's message). */
export interface SkippedAlarm {
  readonly id: string;
  readonly stack: string;
  readonly logicalId: string;
  readonly reason: string;
}

export interface AssemblyAlarms {
  readonly definitions: AlarmDefinition[];
  /** Replay id (`<stack artifact>/<logicalId>`) → origin. */
  readonly origins: Map<string, AlarmOrigin>;
  /** Alarms left out: unsupported by the model, or composites that depend on one of those. */
  readonly skipped: SkippedAlarm[];
}

/**
 * Every metric and composite alarm of every stack, with ids qualified by the stack so two stacks
 * may hold the same logical id; composite rules' references resolve to the same qualified ids.
 * One alarm the model cannot replay (an anomaly band, an unsupported function) is set aside with
 * its reason instead of failing the whole replay.
 */
export function assemblyAlarms(stacks: readonly AssemblyStack[]): AssemblyAlarms {
  const definitions: AlarmDefinition[] = [];
  const origins = new Map<string, AlarmOrigin>();
  const skipped: SkippedAlarm[] = [];
  for (const stack of stacks) {
    const idOf = (logicalId: string) => `${stack.artifactId}/${logicalId}`;
    const resources = stack.template.Resources ?? {};
    const options = (logicalId: string): ParseAlarmOptions => ({
      id: idOf(logicalId),
      // Only a composite rule's references become ids; a dimension that is an intrinsic stays
      // unknown (null), which matches any value of the metric.
      resolveIntrinsic: (intrinsic, where) => {
        if (where !== 'AlarmRule') return undefined;
        const referenced = referencedLogicalId(intrinsic);
        return referenced !== undefined && resources[referenced] ? idOf(referenced) : undefined;
      },
    });
    for (const [logicalId, resource] of Object.entries(resources)) {
      if (resource.Type !== 'AWS::CloudWatch::Alarm' && resource.Type !== 'AWS::CloudWatch::CompositeAlarm') continue;
      origins.set(idOf(logicalId), { stack, logicalId });
      try {
        definitions.push(resource.Type === 'AWS::CloudWatch::Alarm'
          ? parseMetricAlarm(logicalId, resource.Properties ?? {}, options(logicalId))
          : parseCompositeAlarm(logicalId, resource.Properties ?? {}, options(logicalId)));
      } catch (error) {
        if (!(error instanceof AlarmModelError)) throw error;
        skipped.push({ id: idOf(logicalId), stack: stack.displayName, logicalId, reason: error.message });
      }
    }
  }
  return { definitions: dropOrphanComposites(definitions, skipped, origins), origins, skipped };
}

/** Leaves out, until none is left, composites whose rule names an alarm that is not replayed. */
export function dropOrphanComposites(definitions: AlarmDefinition[], skipped: SkippedAlarm[], origins: Map<string, AlarmOrigin>): AlarmDefinition[] {
  let kept = definitions;
  for (;;) {
    const known = new Set<string>(kept.flatMap((d) => (d.alarmName ? [d.id, d.alarmName] : [d.id])));
    const orphan = kept.find((d) => d.kind === 'composite' && missingReference(d.ast, known) !== undefined);
    if (!orphan || orphan.kind !== 'composite') return kept;
    const missing = missingReference(orphan.ast, known)!;
    const origin = origins.get(orphan.id);
    skipped.push({
      id: orphan.id,
      stack: origin?.stack.displayName ?? '',
      logicalId: origin?.logicalId ?? orphan.id,
      reason: `its rule references "${missing}", which is not replayed`,
    });
    kept = kept.filter((d) => d !== orphan);
  }
}

function missingReference(ast: RuleNode, known: Set<string>): string | undefined {
  return ruleReferences(ast).find((ref) => {
    const arnName = ref.includes(':alarm:') ? ref.slice(ref.lastIndexOf(':alarm:') + 7) : undefined;
    return !known.has(ref) && !(arnName !== undefined && known.has(arnName));
  });
}
