import { ScalableService } from './scalable-services';
import { seriesValues } from './series-values';
import { MetricSeries } from '../../alarm-model/types';
import { toPeriodGrid } from '../../capacity/tasks-needed';

/**
 * Which series of a metrics file belong to a service. A name CloudFormation generated is only known
 * after deploy; it begins with `<stack name>-<logical id>-` (CloudFormation User Guide, "Name type"),
 * so a `ServiceName` dimension is matched on that prefix when the template sets no name.
 */

export const RUNNING = { namespace: 'ECS/ContainerInsights', metricName: 'RunningTaskCount' } as const;
export const CPU = { namespace: 'AWS/ECS', metricName: 'CPUUtilization' } as const;
export const REQUESTS_PER_TARGET = { namespace: 'AWS/ApplicationELB', metricName: 'RequestCountPerTarget' } as const;

/** The deployed names of a service, where known. */
export interface DeployedNames {
  readonly clusterName?: string;
  readonly serviceName?: string;
}

export function matchesService(
  dimensions: Readonly<Record<string, string>> | undefined, service: ScalableService, names: DeployedNames = {},
): boolean {
  const serviceName = dimensions?.ServiceName;
  const clusterName = dimensions?.ClusterName;
  if (serviceName === undefined) return false;
  const knownService = names.serviceName ?? service.serviceName;
  const serviceOk = knownService ? serviceName === knownService : serviceName.startsWith(`${service.stack}-${service.logicalId}-`);
  const knownCluster = names.clusterName ?? service.clusterName;
  return serviceOk && (knownCluster === undefined || clusterName === knownCluster);
}

/** The service's history on one period grid: running tasks, CPU, requests per target per minute. */
export interface ServiceHistory {
  readonly periodSeconds: number;
  readonly running: Map<number, number>;
  readonly cpu?: Map<number, number>;
  readonly requests?: Map<number, number>;
  readonly notes: string[];
}

/**
 * Picks the service's series from a metrics file and aligns them on the coarsest period among them.
 * RequestCountPerTarget is read per target group; it is attributed to the service when its
 * `TargetGroup` dimension is given with the service's `ServiceName` (see docs/cli.md), since a
 * generated target group name cannot be matched offline.
 */
export function historyFromSeries(series: readonly MetricSeries[], service: ScalableService, names: DeployedNames = {}): ServiceHistory | undefined {
  const pick = (m: { namespace: string; metricName: string }) => series.filter((s) => s.namespace === m.namespace
    && s.metricName === m.metricName && matchesService(s.dimensions, service, names));
  const running = pick(RUNNING);
  if (running.length === 0) return undefined;
  const cpu = pick(CPU);
  const requests = pick(REQUESTS_PER_TARGET);
  const periodSeconds = Math.max(...[...running, ...cpu, ...requests].map((s) => s.period ?? 60));
  const grid = (list: MetricSeries[], statistic: 'Average' | 'Sum', scale: (s: MetricSeries) => number = () => 1) =>
    toPeriodGrid(list.flatMap((s) => seriesValues(s, statistic).map(([t, v]) => [t, v * scale(s)] as [number, number])), periodSeconds);
  const notes: string[] = [];
  if (cpu.length === 0) notes.push('no CPUUtilization series: CPU tracking not read');
  return {
    periodSeconds,
    running: grid(running, 'Average'),
    cpu: cpu.length ? grid(cpu, 'Average') : undefined,
    // The target is requests per target per minute: a Sum over a longer period is scaled to one minute.
    requests: requests.length ? grid(requests, 'Sum', (s) => 60 / (s.period ?? 60)) : undefined,
    notes,
  };
}
