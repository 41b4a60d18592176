import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { ECSClient, ListServiceDeploymentsCommand } from '@aws-sdk/client-ecs';
import { accessDeniedNote, ChangeEvent, CollectedChanges, deploymentKind, isAccessDenied } from './changes';
import { AssemblyStack } from '../assembly/cloud-assembly';
import { getPath, referencedLogicalId, resourcesOfType } from '../assembly/template-values';
import { deployedDimensions, findDeployedAlarm } from '../aws/deployed-alarms';

/** An `AWS::ECS::Service` of the assembly and its deployed names, where the template or a deployed alarm tells them. */
export interface TemplateService {
  readonly stack: AssemblyStack;
  readonly logicalId: string;
  readonly serviceName?: string;
  /** Undefined with `clusterKnown`: the service runs in the account's default cluster. */
  readonly clusterName?: string;
  readonly clusterKnown: boolean;
}

function literal(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Every ECS service of the stacks with its literal names: ServiceName, and Cluster as a literal, a
 * reference to a cluster with a literal ClusterName, or absent (the default cluster, per
 * AWS::ECS::Service `Cluster`: "If you do not specify a cluster, the default cluster is assumed").
 */
export function templateServices(stacks: readonly AssemblyStack[]): TemplateService[] {
  return stacks.flatMap((stack) => resourcesOfType(stack, 'AWS::ECS::Service').map(({ logicalId, resource }) => {
    const cluster = resource.Properties?.Cluster;
    const clusterRef = referencedLogicalId(cluster);
    const clusterName = literal(cluster) ?? (clusterRef ? literal(getPath(stack.template.Resources?.[clusterRef], 'Properties', 'ClusterName')) : undefined);
    return {
      stack,
      logicalId,
      serviceName: literal(resource.Properties?.ServiceName),
      clusterName,
      clusterKnown: cluster === undefined || clusterName !== undefined,
    };
  }));
}

/**
 * A template alarm of the service's stack whose metric has the dimensions `ServiceName` (the
 * service's `Fn::GetAtt Name`) and `ClusterName`: its deployed copy carries the generated names.
 */
function alarmNamingService(service: TemplateService): { logicalId: string; alarmName?: string } | undefined {
  for (const { logicalId, resource } of resourcesOfType(service.stack, 'AWS::CloudWatch::Alarm')) {
    const dims = resource.Properties?.Dimensions;
    if (!Array.isArray(dims)) continue;
    const byName = new Map(dims.map((d: { Name?: unknown; Value?: unknown }) => [d.Name, d.Value]));
    if (byName.has('ClusterName') && referencedLogicalId(byName.get('ServiceName')) === service.logicalId) {
      return { logicalId, alarmName: literal(resource.Properties?.AlarmName) };
    }
  }
  return undefined;
}

/** The deployed service and cluster names: the template's literals, else a deployed alarm's dimensions; undefined when neither says. */
export async function deployedServiceNames(
  cloudWatch: CloudWatchClient, service: TemplateService,
): Promise<{ serviceName: string; clusterName?: string } | undefined> {
  if (service.serviceName && service.clusterKnown) return { serviceName: service.serviceName, clusterName: service.clusterName };
  const alarm = alarmNamingService(service);
  if (!alarm) return undefined;
  const deployed = await findDeployedAlarm(cloudWatch, service.stack.stackName ?? service.stack.displayName, alarm.logicalId, alarm.alarmName);
  const dims = deployed ? deployedDimensions(deployed).get('m1') : undefined;
  return dims?.ServiceName && dims.ClusterName ? { serviceName: dims.ServiceName, clusterName: dims.ClusterName } : undefined;
}

/**
 * The deployments of each ECS service of the stacks created in [fromMs, toMs), every page, with
 * ListServiceDeployments (its `createdAt` filter). A rollback is a deployment whose status is ROLLBACK_*.
 */
export async function collectEcsDeployments(
  ecs: ECSClient, cloudWatch: CloudWatchClient, stacks: readonly AssemblyStack[], fromMs: number, toMs: number,
): Promise<CollectedChanges> {
  const changes: ChangeEvent[] = [];
  const warnings: string[] = [];
  for (const service of templateServices(stacks)) {
    const where = `ECS service ${service.stack.displayName}/${service.logicalId}`;
    const names = await deployedServiceNames(cloudWatch, service);
    if (!names) {
      warnings.push(`${where}: deployments not read: its service or cluster name is generated at deploy and no deployed alarm with its ServiceName and ClusterName dimensions was found to read them from`);
      continue;
    }
    try {
      let nextToken: string | undefined;
      do {
        const response = await ecs.send(new ListServiceDeploymentsCommand({
          service: names.serviceName,
          cluster: names.clusterName,
          createdAt: { after: new Date(fromMs), before: new Date(toMs) },
          nextToken,
        }));
        for (const d of response.serviceDeployments ?? []) {
          const started = d.startedAt ?? d.createdAt;
          if (!d.serviceDeploymentArn || !started || !d.status) continue;
          changes.push({
            kind: deploymentKind(d.status),
            stack: service.stack.displayName,
            logicalId: service.logicalId,
            id: d.serviceDeploymentArn,
            status: d.status,
            startedAt: new Date(started).toISOString(),
            endedAt: d.finishedAt ? new Date(d.finishedAt).toISOString() : null,
          });
        }
        nextToken = response.nextToken;
      } while (nextToken);
    } catch (error) {
      if (!isAccessDenied(error)) throw error;
      return { changes, warnings, notCollected: [accessDeniedNote('ECS deployments and rollbacks', 'ecs:ListServiceDeployments', error as Error)] };
    }
  }
  return { changes, warnings, notCollected: [] };
}
