import { Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/**
 * Writes what CapacityGuardrails created into the template's top-level `Metadata`, under
 * `cdk-reliability:capacity`, so the CLI's report lists each service's guardrails from cdk.out
 * without importing constructs. Bump the version on a breaking change.
 */

export const CAPACITY_METADATA_KEY = 'cdk-reliability:capacity';
export const CAPACITY_METADATA_FORMAT_VERSION = 1;

export interface GuardrailAlarmEntry {
  /** `ceiling`, `shortage` or `quota`. */
  readonly kind: string;
  /** A token that resolves to the alarm's logical id when the template is written. */
  readonly logicalId: string;
  readonly description: string;
  /** Metrics the alarm reads (CloudWatch bills alarms per metric). */
  readonly metrics: number;
  readonly monthlyCostUsd: number;
  /** Quota alarms: the quota's name. */
  readonly quota?: string;
}

export interface GuardrailsEntry {
  readonly name: string;
  readonly constructPath: string;
  readonly sourceKind: string;
  readonly maxCapacity: number;
  /** The scaled resource's logical id (an ECS service's `AWS::ECS::Service`), when known. */
  readonly targetLogicalId?: string;
  readonly alarms: GuardrailAlarmEntry[];
  readonly monthlyCostUsd: number;
}

interface StackCapacityMetadata {
  formatVersion: number;
  guardrails: GuardrailsEntry[];
}

/** Appends one set of guardrails to its stack's template metadata. */
export function recordCapacityMetadata(scope: Construct, entry: GuardrailsEntry): void {
  const metadata = (Stack.of(scope).templateOptions.metadata ??= {});
  const value = (metadata[CAPACITY_METADATA_KEY] as StackCapacityMetadata | undefined)
    ?? { formatVersion: CAPACITY_METADATA_FORMAT_VERSION, guardrails: [] };
  value.guardrails.push(entry);
  metadata[CAPACITY_METADATA_KEY] = value;
}
