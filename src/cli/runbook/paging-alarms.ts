import { ALERT_METADATA_KEY } from '../../common/alert-metadata-format';
import { AssemblyStack } from '../assembly/cloud-assembly';
import { isRecord } from '../assembly/json-file';
import { readSloDefinitions, SloDefinition } from '../slo/slo-metadata';

/** One paging alarm of the assembly, with the SLOs it pages for (none for an alarm that is not an SLO's). */
export interface PagingAlarm {
  readonly stack: AssemblyStack;
  readonly logicalId: string;
  readonly type: string;
  /** The literal AlarmName, when the template sets one. */
  readonly alarmName?: string;
  readonly description: string;
  readonly runbookUrl?: string;
  readonly slos: SloDefinition[];
}

/**
 * Every alarm marked PAGE in the templates (`Metadata["cdk-reliability:alert"]`), in stack order, with
 * the SLOs of the alarm set whose page alarm it is (from the SLO metadata of the same stack).
 */
export function pagingAlarms(stacks: readonly AssemblyStack[]): PagingAlarm[] {
  const slos = readSloDefinitions(stacks);
  const alarms: PagingAlarm[] = [];
  for (const stack of stacks) {
    const pageAlarmSets = pageAlarmSetPaths(stack);
    for (const [logicalId, resource] of Object.entries(stack.template.Resources ?? {})) {
      if (resource.Metadata?.[ALERT_METADATA_KEY] !== 'PAGE') continue;
      const props = resource.Properties ?? {};
      const description = typeof props.AlarmDescription === 'string' ? props.AlarmDescription : '';
      const setPath = pageAlarmSets.get(logicalId);
      alarms.push({
        stack,
        logicalId,
        type: resource.Type,
        alarmName: typeof props.AlarmName === 'string' ? props.AlarmName : undefined,
        description,
        runbookUrl: /Runbook: (\S+)/.exec(description)?.[1],
        slos: setPath === undefined ? [] : slos.filter((s) => s.stack === stack.displayName && s.alarmSetPath === setPath),
      });
    }
  }
  return alarms;
}

/** Page alarm logical id → construct path of its SloAlarmSet, from the stack's SLO metadata. */
function pageAlarmSetPaths(stack: AssemblyStack): Map<string, string> {
  const value = stack.template.Metadata?.['cdk-reliability:slos'];
  const sets = isRecord(value) && Array.isArray(value.alarmSets) ? value.alarmSets.filter(isRecord) : [];
  return new Map(sets
    .filter((set) => typeof set.pageAlarmLogicalId === 'string' && typeof set.constructPath === 'string')
    .map((set) => [set.pageAlarmLogicalId as string, set.constructPath as string]));
}
