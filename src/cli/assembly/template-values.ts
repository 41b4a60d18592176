import { AssemblyStack, CfnResource } from './cloud-assembly';
import { isRecord } from './json-file';

/**
 * Renders template values for a reader: literals as they are, references to a resource of
 * the same stack as that resource's name (an alarm's AlarmName when literal, else its logical id).
 */
export function describeValue(stack: AssemblyStack, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((v) => describeValue(stack, v)).join(', ');
  if (isRecord(value)) {
    // Pseudo parameters (AWS::Region, AWS::Partition, ...) read as in a Fn::Sub string.
    if (typeof value.Ref === 'string' && value.Ref.startsWith('AWS::')) return `\${${value.Ref}}`;
    const referenced = referencedLogicalId(value);
    if (referenced) return describeResource(stack, referenced);
    if (Array.isArray(value['Fn::Join'])) {
      const [separator, parts] = value['Fn::Join'] as [unknown, unknown];
      if (typeof separator === 'string' && Array.isArray(parts)) {
        return parts.map((p) => describeValue(stack, p)).join(separator);
      }
    }
    if (typeof value['Fn::Sub'] === 'string') return value['Fn::Sub'];
  }
  return JSON.stringify(value);
}

/** The logical id a `Ref` or `Fn::GetAtt` points to, if the value is one. */
export function referencedLogicalId(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  if (typeof value.Ref === 'string') return value.Ref;
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  if (typeof getAtt === 'string') return getAtt.split('.')[0];
  return undefined;
}

/** A resource's readable name: its literal name property, else its logical id. */
export function describeResource(stack: AssemblyStack, logicalId: string): string {
  const resource = stack.template.Resources?.[logicalId];
  if (!resource) return logicalId;
  const name = nameProperty(resource);
  return name ?? logicalId;
}

const NAME_PROPERTIES = ['AlarmName', 'PolicyName', 'BackupPlanName', 'BackupVaultName', 'ServiceName', 'Name'];

function nameProperty(resource: CfnResource): string | undefined {
  for (const property of NAME_PROPERTIES) {
    const value = resource.Properties?.[property];
    if (typeof value === 'string') return value;
  }
  const plan = resource.Properties?.BackupPlan;
  if (isRecord(plan) && typeof plan.BackupPlanName === 'string') return plan.BackupPlanName;
  return undefined;
}

/** Every resource of a type, with its logical id and construct path. */
export function resourcesOfType(stack: AssemblyStack, type: string): Array<{ logicalId: string; path: string; resource: CfnResource }> {
  return Object.entries(stack.template.Resources ?? {})
    .filter(([, resource]) => resource.Type === type)
    .map(([logicalId, resource]) => ({ logicalId, path: stack.constructPaths[logicalId] ?? `${stack.displayName}/${logicalId}`, resource }));
}

/** Reads a nested property path, tolerating anything missing on the way. */
export function getPath(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** A property as an array (CloudFormation lists), empty when absent or not a list. */
export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
