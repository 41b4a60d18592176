import { ChaosExperimentRow } from './report-model';
import { AssemblyStack } from '../assembly/cloud-assembly';
import { isRecord } from '../assembly/json-file';
import { asArray, describeValue, getPath, resourcesOfType } from '../assembly/template-values';

/** Every FIS experiment template, with what it does to what and which alarms stop it. */
export function collectChaosExperiments(stacks: readonly AssemblyStack[]): ChaosExperimentRow[] {
  const rows: ChaosExperimentRow[] = [];
  for (const stack of stacks) {
    for (const { path, resource } of resourcesOfType(stack, 'AWS::FIS::ExperimentTemplate')) {
      const p = resource.Properties ?? {};
      const actions = isRecord(p.Actions) ? Object.entries(p.Actions) : [];
      const targets = isRecord(p.Targets) ? Object.entries(p.Targets) : [];
      rows.push({
        stack: stack.displayName,
        constructPath: path,
        description: describeValue(stack, p.Description),
        actions: actions.map(([name, action]) => `${name}: ${describeValue(stack, getPath(action, 'ActionId'))}${duration(getPath(action, 'Parameters', 'duration'))}`),
        targets: targets.map(([name, target]) => `${name}: ${describeValue(stack, getPath(target, 'ResourceType'))} (${describeValue(stack, getPath(target, 'SelectionMode'))})`),
        stopConditions: asArray(p.StopConditions).map((c) => getPath(c, 'Source') === 'none'
          ? 'none'
          : describeValue(stack, getPath(c, 'Value')) || describeValue(stack, getPath(c, 'Source'))),
      });
    }
  }
  return rows;
}

function duration(value: unknown): string {
  return typeof value === 'string' ? ` for ${value}` : '';
}
