import { AlertRecord, SLO_METADATA_FORMAT_VERSION, SLO_METADATA_KEY, SliQueryRecord } from '../../common/slo-metadata-format';
import { AssemblyStack } from '../assembly/cloud-assembly';
import { isRecord } from '../assembly/json-file';
import { UsageError } from '../errors';

/**
 * Reads the SLO metadata a SloAlarmSet records in its stack's template, in the format of
 * src/common/slo-metadata-format.ts: `Metadata["cdk-reliability:slos"] = { formatVersion: 1, alarmSets: [...] }`.
 * Only the fields the CLI uses are read; unknown extra fields are ignored, missing optional ones tolerated.
 */

/** One query of the SLI, as written. */
export type SliQuery = SliQueryRecord;

/** One burn-rate pair: what the CLI needs of it; the alarm ids are optional to a reader. */
export type SloAlert = Pick<AlertRecord, 'severity' | 'burnRate' | 'threshold' | 'longWindowSeconds' | 'shortWindowSeconds'>
  & Partial<AlertRecord>;

export interface SloDefinition {
  readonly stack: string;
  readonly region?: string;
  readonly serviceName: string;
  readonly alarmSetPath: string;
  readonly name: string;
  readonly kind?: string;
  readonly objectivePercent: number;
  readonly windowName: string;
  readonly windowSeconds: number;
  readonly errorBudget: number;
  readonly monthlyCostUsd: number;
  readonly sli: { readonly returnQueryId: string; readonly queries: SliQuery[]; readonly sliAlarmLogicalId?: string };
  readonly alerts: SloAlert[];
}

/** Every SLO recorded in the stacks' templates, in stack order. */
export function readSloDefinitions(stacks: readonly AssemblyStack[]): SloDefinition[] {
  const slos: SloDefinition[] = [];
  for (const stack of stacks) {
    const value = stack.template.Metadata?.[SLO_METADATA_KEY];
    if (value === undefined) continue;
    const where = `${stack.templateFile} Metadata.${SLO_METADATA_KEY}`;
    if (!isRecord(value) || !Array.isArray(value.alarmSets)) throw new UsageError(`${where} has no alarmSets array`);
    if (value.formatVersion !== SLO_METADATA_FORMAT_VERSION) {
      throw new UsageError(`${where}: formatVersion must be ${SLO_METADATA_FORMAT_VERSION}, got ${JSON.stringify(value.formatVersion)} (upgrade cdk-reliability)`);
    }
    for (const set of value.alarmSets.filter(isRecord)) {
      for (const slo of (Array.isArray(set.slos) ? set.slos : []).filter(isRecord)) {
        slos.push(sloDefinition(stack, set, slo, where));
      }
    }
  }
  return slos;
}

function sloDefinition(stack: AssemblyStack, set: Record<string, unknown>, slo: Record<string, unknown>, where: string): SloDefinition {
  const window = isRecord(slo.window) ? slo.window : {};
  const sli = isRecord(slo.sli) ? slo.sli : {};
  const objectivePercent = num(slo.objectivePercent, `${where} slos[].objectivePercent`);
  const windowSeconds = typeof window.seconds === 'number' ? window.seconds : num(window.days, `${where} slos[].window.days`) * 86_400;
  return {
    stack: stack.displayName,
    region: stack.region,
    serviceName: str(set.serviceName),
    alarmSetPath: str(set.constructPath),
    name: str(slo.name),
    kind: typeof slo.kind === 'string' ? slo.kind : undefined,
    objectivePercent,
    windowName: str(window.name) || `${windowSeconds / 86_400} days`,
    windowSeconds,
    errorBudget: typeof slo.errorBudget === 'number' ? slo.errorBudget : 1 - objectivePercent / 100,
    monthlyCostUsd: typeof slo.monthlyCostUsd === 'number' ? slo.monthlyCostUsd : 0,
    sli: {
      returnQueryId: str(sli.returnQueryId) || 'errorRatio',
      queries: (Array.isArray(sli.queries) ? sli.queries : []).filter(isRecord) as unknown as SliQuery[],
      sliAlarmLogicalId: typeof sli.sliAlarmLogicalId === 'string' ? sli.sliAlarmLogicalId : undefined,
    },
    alerts: (Array.isArray(slo.alerts) ? slo.alerts : []).filter(isRecord) as unknown as SloAlert[],
  };
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function num(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new UsageError(`${where} must be a number, got ${JSON.stringify(value)}`);
  return value;
}

/** The alarms one SLO created (window alarms and its still-burning alarm), for counting. */
export function sloAlarmLogicalIds(slo: SloDefinition): string[] {
  const ids = slo.alerts.flatMap((a) => [a.stillBurningAlarmLogicalId, a.longAlarmLogicalId, a.shortAlarmLogicalId]);
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
}
