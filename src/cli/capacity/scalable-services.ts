import { AssemblyStack } from '../assembly/cloud-assembly';
import { isRecord } from '../assembly/json-file';
import { getPath, referencedLogicalId, resourcesOfType } from '../assembly/template-values';
import { UsageError } from '../errors';

/**
 * The ECS services of an assembly that Application Auto Scaling scales, read from the templates:
 * the scalable target (`ecs:service:DesiredCount`, its bounds), its target-tracking policies, the
 * task size, and the guardrails CapacityGuardrails recorded under `cdk-reliability:capacity`.
 */

export const CAPACITY_METADATA_KEY = 'cdk-reliability:capacity';

export interface TrackingTarget {
  /**
   * `ECSServiceAverageCPUUtilization`, `ALBRequestCountPerTarget`, `ECSServiceAverageMemoryUtilization`, `custom`, or
   * `predictive <Mode> <metric pair>` for a predictive scaling policy.
   */
  readonly metric: string;
  readonly targetValue: number;
}

export interface GuardrailAlarm {
  readonly kind: string;
  readonly logicalId: string;
  readonly description: string;
  readonly monthlyCostUsd: number;
  readonly quota?: string;
}

export interface ServiceGuardrails {
  readonly constructPath: string;
  readonly alarms: GuardrailAlarm[];
  readonly monthlyCostUsd: number;
}

export interface ScalableService {
  readonly stack: string;
  readonly region?: string;
  /** The `AWS::ECS::Service` logical id. */
  readonly logicalId: string;
  readonly constructPath: string;
  readonly minCapacity: number;
  readonly maxCapacity: number;
  readonly targets: TrackingTarget[];
  /** Literal names when the template sets them; undefined when CloudFormation generates them. */
  readonly clusterName?: string;
  readonly serviceName?: string;
  /** vCPU of one task (task definition `Cpu` / 1024), when literal. */
  readonly taskVcpu?: number;
  /** null when no CapacityGuardrails watches the service. */
  readonly guardrails: ServiceGuardrails | null;
}

export function cpuTarget(service: ScalableService): number | undefined {
  return service.targets.find((t) => t.metric === 'ECSServiceAverageCPUUtilization')?.targetValue;
}

export function requestsTarget(service: ScalableService): number | undefined {
  return service.targets.find((t) => t.metric === 'ALBRequestCountPerTarget')?.targetValue;
}

/** Every scalable ECS service of the stacks, in stack order. */
export function readScalableServices(stacks: readonly AssemblyStack[]): ScalableService[] {
  const out: ScalableService[] = [];
  for (const stack of stacks) {
    const guardrails = readGuardrails(stack);
    const policies = resourcesOfType(stack, 'AWS::ApplicationAutoScaling::ScalingPolicy');
    for (const target of resourcesOfType(stack, 'AWS::ApplicationAutoScaling::ScalableTarget')) {
      const props = target.resource.Properties ?? {};
      if (props.ScalableDimension !== 'ecs:service:DesiredCount' || props.ServiceNamespace !== 'ecs') continue;
      const ids = ecsResourceIds(props.ResourceId);
      const serviceLogicalId = ids.service ?? findServiceByName(stack, ids.serviceName);
      if (!serviceLogicalId) continue;
      const service = stack.template.Resources?.[serviceLogicalId];
      const clusterLogicalId = referencedLogicalId(service?.Properties?.Cluster);
      const clusterName = ids.clusterName ?? literal(getPath(stack.template.Resources?.[clusterLogicalId ?? ''], 'Properties', 'ClusterName'));
      const taskCpu = Number(getPath(stack.template.Resources?.[referencedLogicalId(service?.Properties?.TaskDefinition) ?? ''], 'Properties', 'Cpu'));
      out.push({
        stack: stack.displayName,
        region: stack.region,
        logicalId: serviceLogicalId,
        constructPath: stack.constructPaths[serviceLogicalId] ?? `${stack.displayName}/${serviceLogicalId}`,
        minCapacity: Number(props.MinCapacity),
        maxCapacity: Number(props.MaxCapacity),
        targets: policies
          .filter((p) => referencedLogicalId(p.resource.Properties?.ScalingTargetId) === target.logicalId)
          .map((p) => trackingTarget(p.resource.Properties))
          .filter((t): t is TrackingTarget => t !== undefined),
        clusterName,
        serviceName: ids.serviceName ?? literal(service?.Properties?.ServiceName),
        taskVcpu: Number.isFinite(taskCpu) && taskCpu > 0 ? taskCpu / 1024 : undefined,
        guardrails: guardrails.get(serviceLogicalId) ?? null,
      });
    }
  }
  return out;
}

function literal(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** `service/<cluster>/<service>`, literal or as the Fn::Join aws-cdk-lib writes. */
function ecsResourceIds(resourceId: unknown): { service?: string; clusterName?: string; serviceName?: string } {
  if (typeof resourceId === 'string') {
    const [, clusterName, serviceName] = resourceId.split('/');
    return { clusterName, serviceName };
  }
  const join = getPath(resourceId, 'Fn::Join');
  if (!Array.isArray(join) || !Array.isArray(join[1])) return {};
  const parts = join[1] as unknown[];
  const [cluster, service] = [parts[1], parts[3]];
  return {
    service: typeof service === 'string' ? undefined : referencedLogicalId(service),
    serviceName: literal(service),
    clusterName: literal(cluster),
  };
}

function findServiceByName(stack: AssemblyStack, name: string | undefined): string | undefined {
  if (!name) return undefined;
  return resourcesOfType(stack, 'AWS::ECS::Service').find((s) => s.resource.Properties?.ServiceName === name)?.logicalId;
}

function trackingTarget(props: Record<string, unknown> | undefined): TrackingTarget | undefined {
  if (props?.PolicyType === 'PredictiveScaling') {
    const spec = getPath(props.PredictiveScalingPolicyConfiguration, 'MetricSpecifications');
    const first = Array.isArray(spec) ? spec[0] : undefined;
    const pair = getPath(first, 'PredefinedMetricPairSpecification', 'PredefinedMetricType');
    const mode = getPath(props.PredictiveScalingPolicyConfiguration, 'Mode');
    return { metric: `predictive ${typeof mode === 'string' ? mode : 'ForecastOnly'} ${typeof pair === 'string' ? pair : 'custom'}`, targetValue: Number(getPath(first, 'TargetValue')) };
  }
  if (props?.PolicyType !== 'TargetTrackingScaling') return undefined;
  const config = props.TargetTrackingScalingPolicyConfiguration;
  const targetValue = Number(getPath(config, 'TargetValue'));
  if (!Number.isFinite(targetValue)) return undefined;
  const predefined = getPath(config, 'PredefinedMetricSpecification', 'PredefinedMetricType');
  return { metric: typeof predefined === 'string' ? predefined : 'custom', targetValue };
}

/** The guardrails recorded in the stack's metadata, by the logical id of the service they watch. */
function readGuardrails(stack: AssemblyStack): Map<string, ServiceGuardrails> {
  const byService = new Map<string, ServiceGuardrails>();
  const value = stack.template.Metadata?.[CAPACITY_METADATA_KEY];
  if (value === undefined) return byService;
  if (!isRecord(value) || !Array.isArray(value.guardrails)) {
    throw new UsageError(`${stack.templateFile} Metadata.${CAPACITY_METADATA_KEY} has no guardrails array`);
  }
  if (value.formatVersion !== 1) {
    throw new UsageError(`${stack.templateFile} Metadata.${CAPACITY_METADATA_KEY}: formatVersion must be 1, got ${JSON.stringify(value.formatVersion)} (upgrade cdk-reliability)`);
  }
  for (const entry of value.guardrails.filter(isRecord)) {
    if (typeof entry.targetLogicalId !== 'string') continue;
    byService.set(entry.targetLogicalId, {
      constructPath: String(entry.constructPath ?? ''),
      monthlyCostUsd: typeof entry.monthlyCostUsd === 'number' ? entry.monthlyCostUsd : 0,
      alarms: (Array.isArray(entry.alarms) ? entry.alarms : []).filter(isRecord).map((a) => ({
        kind: String(a.kind ?? ''),
        logicalId: String(a.logicalId ?? ''),
        description: String(a.description ?? ''),
        monthlyCostUsd: typeof a.monthlyCostUsd === 'number' ? a.monthlyCostUsd : 0,
        quota: typeof a.quota === 'string' ? a.quota : undefined,
      })),
    });
  }
  return byService;
}
