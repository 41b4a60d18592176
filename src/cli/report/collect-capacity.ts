import { CapacityRow } from './report-model';
import { AssemblyStack } from '../assembly/cloud-assembly';
import { readScalableServices, TrackingTarget } from '../capacity/scalable-services';

const TARGET_NAMES: Record<string, (value: number) => string> = {
  ECSServiceAverageCPUUtilization: (v) => `CPU ${v} %`,
  ECSServiceAverageMemoryUtilization: (v) => `memory ${v} %`,
  ALBRequestCountPerTarget: (v) => `${v} requests per task per minute`,
};

function describeTarget(t: TrackingTarget): string {
  if (t.metric.startsWith('predictive ')) {
    const [, mode, pair] = t.metric.split(' ');
    return `predictive scaling (${mode}) on ${pair} at ${t.targetValue}`;
  }
  return TARGET_NAMES[t.metric]?.(t.targetValue) ?? `custom metric at ${t.targetValue}`;
}

/** Each scalable ECS service: its bounds, the targets it tracks and the guardrails that watch it (null: none). */
export function collectCapacity(stacks: readonly AssemblyStack[]): CapacityRow[] {
  return readScalableServices(stacks).map((s) => ({
    stack: s.stack,
    constructPath: s.constructPath,
    minCapacity: s.minCapacity,
    maxCapacity: s.maxCapacity,
    targets: s.targets.map(describeTarget),
    guardrails: s.guardrails
      ? s.guardrails.alarms.map((a) => ({ kind: a.kind, description: a.description, monthlyCostUsd: a.monthlyCostUsd }))
      : null,
    guardrailsMonthlyCostUsd: s.guardrails?.monthlyCostUsd ?? 0,
  }));
}
