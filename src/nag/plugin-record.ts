/**
 * The record of which policy-validation plugins an app registered, as written into the cloud
 * assembly by ReliabilityChecks and read by the `cdk-reliability report` command.
 *
 * This file imports nothing, so the CLI can read the format without loading aws-cdk-lib or cdk-nag.
 */

/**
 * Metadata type of the record on each stack of the app's root assembly. It lands in the stack's
 * `<stack>.metadata.json` (or manifest.json), which every synth rewrites, so a record can never
 * outlive the synth that wrote it.
 */
export const VALIDATION_PLUGINS_METADATA = 'cdk-reliability:validation-plugins';

/** The version of the record's shape; a reader ignores a record of another version. */
export const VALIDATION_PLUGINS_RECORD_VERSION = 1;

/** The data of the metadata entry. */
export interface ValidationPluginsRecord {
  readonly version: number;
  /**
   * The name of every plugin aws-cdk-lib runs at synth (the `pluginName` of validation-report.json):
   * those registered on the app or on any of its stages, and aws-cdk-lib's built-in
   * "CloudFormation Validate" when it is enabled.
   */
  readonly plugins: string[];
}

/** The record's plugin names, or undefined when `data` is not a record this reader understands. */
export function parseValidationPluginsRecord(data: unknown): string[] | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const record = data as Partial<ValidationPluginsRecord>;
  if (record.version !== VALIDATION_PLUGINS_RECORD_VERSION || !Array.isArray(record.plugins)) return undefined;
  return record.plugins.every((p) => typeof p === 'string') ? [...record.plugins] : undefined;
}
