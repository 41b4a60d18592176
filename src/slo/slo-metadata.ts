import { Stack, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { PlannedAlert } from './alert-plan';
import { flattenQueries } from './metric-graph';
import { ServiceLevelObjective } from './service-level-objective';
import { SloWindow } from './slo-window';
import {
  AlarmSetRecord, SLO_METADATA_FORMAT_VERSION, SLO_METADATA_KEY, SliQueryRecord, StackSloMetadata,
} from '../common/slo-metadata-format';

/**
 * Writes what a SloAlarmSet created into the template's top-level `Metadata`, under
 * `cdk-reliability:slos`, so the CLI reads SLOs from cdk.out without importing constructs.
 * The format is defined in src/common/slo-metadata-format.ts and documented in docs/slo-alarm-set.md.
 */

export { SLO_METADATA_KEY, SLO_METADATA_FORMAT_VERSION };

/** What the set hands over (logical ids are tokens that resolve when the template is written). */
export interface SloMetadataEntry extends Omit<AlarmSetRecord, 'slos'> {
  readonly slos: Array<{
    readonly slo: ServiceLevelObjective;
    readonly window: SloWindow;
    readonly errorBudget: number;
    readonly monthlyCostUsd: number;
    readonly alerts: Array<{
      readonly alert: PlannedAlert;
      readonly longAlarmLogicalId: string;
      readonly shortAlarmLogicalId: string;
      readonly stillBurningAlarmLogicalId?: string;
    }>;
  }>;
}

/** Appends one set's entry to its stack's template metadata (several sets per stack merge). */
export function recordSloMetadata(scope: Construct, entry: SloMetadataEntry): void {
  const stack = Stack.of(scope);
  const metadata = (stack.templateOptions.metadata ??= {});
  const existing = metadata[SLO_METADATA_KEY] as StackSloMetadata | undefined;
  const value: StackSloMetadata = existing ?? { formatVersion: SLO_METADATA_FORMAT_VERSION, alarmSets: [] };
  value.alarmSets.push(render(entry));
  metadata[SLO_METADATA_KEY] = value;
}

function render(entry: SloMetadataEntry): AlarmSetRecord {
  return {
    serviceName: entry.serviceName,
    constructPath: entry.constructPath,
    pageAlarmLogicalId: entry.pageAlarmLogicalId,
    ticketAlarmLogicalId: entry.ticketAlarmLogicalId,
    minimumValidEvents: entry.minimumValidEvents,
    minimumBadEvents: entry.minimumBadEvents,
    monthlyCostUsd: entry.monthlyCostUsd,
    slos: entry.slos.map((s) => ({
      name: s.slo.name,
      kind: s.slo.kind,
      objectivePercent: s.slo.objectivePercent,
      window: { name: s.window.name, days: s.window.days, seconds: s.window.days * 86_400 },
      errorBudget: s.errorBudget,
      latencyThresholdMilliseconds: s.slo.latencyThreshold?.toMilliseconds(),
      // Queries of the error ratio without a period (each alarm sets its own). Dimension values
      // that are tokens (unknown until deploy) are null: read them from the alarm named by
      // `sliAlarmLogicalId`, whose Metrics property carries the same queries, resolved.
      sli: {
        returnQueryId: 'errorRatio',
        queries: flattenQueries('errorRatio', s.slo._sli.errorRatio(s.window.duration, { minimumValidEvents: entry.minimumValidEvents })).map(plainQuery),
        sliAlarmLogicalId: s.alerts[0]?.longAlarmLogicalId,
      },
      monthlyCostUsd: s.monthlyCostUsd,
      alerts: s.alerts.map((a) => ({
        severity: a.alert.severity,
        burnRate: a.alert.burnRate,
        threshold: a.alert.threshold,
        longWindowSeconds: a.alert.longWindowSeconds,
        shortWindowSeconds: a.alert.shortWindowSeconds,
        budgetSpentPercent: a.alert.budgetSpentPercent,
        longAlarmLogicalId: a.longAlarmLogicalId,
        shortAlarmLogicalId: a.shortAlarmLogicalId,
        stillBurningAlarmLogicalId: a.stillBurningAlarmLogicalId,
      })),
    })),
  };
}

function plainQuery(query: ReturnType<typeof flattenQueries>[number]): SliQueryRecord {
  if (query.expression !== undefined) return { id: query.id, expression: query.expression };
  const dimensions = Object.fromEntries(Object.entries(query.dimensions ?? {})
    .map(([name, value]) => [name, typeof value === 'string' && !Token.isUnresolved(value) ? value : null]));
  return { id: query.id, namespace: query.namespace, metricName: query.metricName, dimensions, statistic: query.statistic };
}
