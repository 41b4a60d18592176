/**
 * Reads an `AWS::CloudWatch::CompositeAlarm` and every alarm of a template's `Resources`.
 */
import { flattenToString, IntrinsicResolver, ResolveOptions } from './cfn-intrinsics';
import { parseAlarmRule } from './composite-rule';
import { AlarmModelError, alarmLabel, describeValue, modelError } from './errors';
import { ParseAlarmOptions, parseMetricAlarm, readName } from './parse-metric-alarm';
import type { AlarmDefinition, CompositeAlarmDefinition } from './types';

/**
 * @param props the resource's `Properties`; `AlarmRule` may be an `Fn::Join` / `Fn::Sub` of intrinsic
 *   references, which `options.resolveIntrinsic` maps to alarm ids (default: the logical ID).
 */
export function parseCompositeAlarm(
  logicalId: string, props: Readonly<Record<string, unknown>>, options: ParseAlarmOptions = {},
): CompositeAlarmDefinition {
  const id = options.id ?? logicalId;
  const owner = alarmLabel('CompositeAlarm', id);
  if (props === null || typeof props !== 'object') throw modelError(owner, 'Properties', 'be an object', props);
  if (props.AlarmRule === undefined) throw modelError(owner, 'AlarmRule', 'be set', undefined);
  const rule = flattenToString(props.AlarmRule, 'AlarmRule', options);
  if (rule === undefined) {
    throw new AlarmModelError(
      `${owner}: AlarmRule holds an intrinsic the model cannot resolve (${describeValue(props.AlarmRule)}); pass a resolveIntrinsic option that maps it to an alarm id`,
    );
  }
  if (rule.length > 10_240) throw modelError(owner, 'AlarmRule', 'be at most 10240 characters', `${rule.length} characters`);
  return { kind: 'composite', id, alarmName: readName(props.AlarmName, options), rule, ast: parseAlarmRule(rule, owner) };
}

const ALARM_TYPES = ['AWS::CloudWatch::Alarm', 'AWS::CloudWatch::CompositeAlarm'];

export interface ParseTemplateOptions extends ResolveOptions {
  /** Maps a logical ID to the id used in results, e.g. to prefix the stack name. @default the logical ID */
  readonly idOf?: (logicalId: string) => string;
}

/** Every metric and composite alarm among a template's resources, in template order. */
export function parseTemplateAlarms(resources: Readonly<Record<string, unknown>>, options: ParseTemplateOptions = {}): AlarmDefinition[] {
  const idOf = options.idOf ?? ((logicalId: string) => logicalId);
  const isAlarm = (logicalId: string): boolean => ALARM_TYPES.includes((resources[logicalId] as { Type?: string } | undefined)?.Type ?? '');
  // `Ref` / `Fn::GetAtt` of an alarm of this template stands for that alarm's id in composite rules.
  const resolveIntrinsic: IntrinsicResolver = (intrinsic, where) => {
    const custom = options.resolveIntrinsic?.(intrinsic, where);
    if (custom !== undefined) return custom;
    const ref = intrinsic.Ref ?? (Array.isArray(intrinsic['Fn::GetAtt']) ? (intrinsic['Fn::GetAtt'] as unknown[])[0] : undefined);
    return typeof ref === 'string' && isAlarm(ref) ? idOf(ref) : undefined;
  };
  const out: AlarmDefinition[] = [];
  for (const [logicalId, raw] of Object.entries(resources ?? {})) {
    const resource = raw as { Type?: unknown; Properties?: Record<string, unknown> } | null;
    const parseOptions = { resolveIntrinsic, id: idOf(logicalId) };
    if (resource?.Type === 'AWS::CloudWatch::Alarm') out.push(parseMetricAlarm(logicalId, resource.Properties ?? {}, parseOptions));
    if (resource?.Type === 'AWS::CloudWatch::CompositeAlarm') out.push(parseCompositeAlarm(logicalId, resource.Properties ?? {}, parseOptions));
  }
  return out;
}
