import { parseValidationPluginsRecord, VALIDATION_PLUGINS_METADATA } from '../../nag/plugin-record';
import { CloudAssembly } from '../assembly/cloud-assembly';

/** aws-cdk-lib's built-in plugin: it runs without being registered, and its ids use `CloudFormation-Validate::`. */
export const BUILTIN_PLUGIN = 'CloudFormation Validate';

/**
 * The plugins the app registered, from the record ReliabilityChecks writes on each stack of the
 * assembly it was constructed in (src/nag/plugin-manifest.ts); undefined when no stack carries one
 * (ReliabilityChecks not constructed with the app, an aws-cdk-lib that hides the plugin list, or an
 * assembly from before the record existed). Records of several stacks are merged.
 */
export function registeredPlugins(assembly: CloudAssembly): string[] | undefined {
  let found = false;
  const names = new Set<string>();
  for (const stack of assembly.stacks) {
    for (const entries of Object.values(stack.metadata)) {
      for (const entry of entries) {
        if (entry.type !== VALIDATION_PLUGINS_METADATA) continue;
        const plugins = parseValidationPluginsRecord(entry.data);
        if (!plugins) continue;
        found = true;
        plugins.forEach((p) => names.add(p));
      }
    }
  }
  return found ? [...names] : undefined;
}

/**
 * Whether a pack ran at synth: true when validation-report.json lists it (it reported something) or
 * the record says it was registered (it ran and found nothing: aws-cdk-lib leaves such plugins out of
 * the report); false when the record exists and does not name it; null when there is no record.
 */
export function packRan(pack: string, reportedPacks: readonly string[], registered: readonly string[] | undefined): boolean | null {
  if (reportedPacks.includes(pack)) return true;
  if (registered === undefined) return null;
  return registered.includes(pack);
}
