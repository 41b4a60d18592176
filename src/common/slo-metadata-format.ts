/**
 * The SLO metadata format: what a SloAlarmSet writes into its stack's template, under the template's
 * top-level `Metadata["cdk-reliability:slos"]`, and what the CLI reads from cdk.out. Defined once,
 * here, for the writer (src/slo/slo-metadata.ts) and the reader (src/cli/slo/slo-metadata.ts).
 *
 * This file imports nothing, so the CLI can read the format without loading aws-cdk-lib or the
 * constructs. docs/slo-alarm-set.md documents it for users; bump the version on a breaking change.
 */

/** The key under the template's top-level `Metadata`. */
export const SLO_METADATA_KEY = 'cdk-reliability:slos';

/** The version of the shape below; a reader refuses another version. */
export const SLO_METADATA_FORMAT_VERSION = 1;

/** The value under `SLO_METADATA_KEY`: every SloAlarmSet of the stack. */
export interface StackSloMetadata {
  readonly formatVersion: number;
  readonly alarmSets: AlarmSetRecord[];
}

/** One SloAlarmSet. Logical ids name resources of the same template. */
export interface AlarmSetRecord {
  readonly serviceName: string;
  readonly constructPath: string;
  readonly pageAlarmLogicalId: string;
  readonly ticketAlarmLogicalId: string;
  readonly minimumValidEvents: number;
  readonly minimumBadEvents: number;
  readonly monthlyCostUsd: number;
  readonly slos: SloRecord[];
}

/** One objective of a set. */
export interface SloRecord {
  readonly name: string;
  readonly kind: string;
  readonly objectivePercent: number;
  readonly window: { readonly name: string; readonly days: number; readonly seconds: number };
  readonly errorBudget: number;
  /** Latency SLOs only. */
  readonly latencyThresholdMilliseconds?: number;
  readonly sli: SliRecord;
  readonly monthlyCostUsd: number;
  readonly alerts: AlertRecord[];
}

/** The error ratio's metric queries, without a period (each alarm sets its own). */
export interface SliRecord {
  /** The id of the query that returns the error ratio. */
  readonly returnQueryId: string;
  readonly queries: SliQueryRecord[];
  /** An alarm whose Metrics property carries the same queries, resolved: where token dimensions are read. */
  readonly sliAlarmLogicalId?: string;
}

/** One metric query: either an expression or a metric. */
export interface SliQueryRecord {
  readonly id: string;
  readonly expression?: string;
  readonly namespace?: string;
  readonly metricName?: string;
  /** `null` values were tokens at synth (read the deployed alarm's metrics instead). */
  readonly dimensions?: Record<string, string | null>;
  readonly statistic?: string;
}

/** One burn-rate pair (long AND short window, an AND group in the page or ticket rule) and its window alarms. */
export interface AlertRecord {
  readonly severity: string;
  readonly burnRate: number;
  readonly threshold: number;
  readonly longWindowSeconds: number;
  readonly shortWindowSeconds: number;
  readonly budgetSpentPercent: number;
  readonly longAlarmLogicalId: string;
  readonly shortAlarmLogicalId: string;
  /** Page pairs with a long short window: the SLO's still-burning alarm they are ANDed with. */
  readonly stillBurningAlarmLogicalId?: string;
}
