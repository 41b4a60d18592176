import {
  aws_ecs as ecs, aws_elasticloadbalancingv2 as elbv2,
} from 'aws-cdk-lib';
import { ReliabilityValidationError } from '../common/errors';

/** What the pipeline reads from a stage's service and load balancer (internal). */
export interface StageTargetFacts {
  readonly controllerType: string;
  readonly containerName: string;
  readonly containerPort: number;
  readonly loadBalancerIndex: number;
  /** The service's load balancer entry already names an alternate target group (e.g. ReliableService blue/green). */
  readonly hasAlternateTarget: boolean;
  readonly targetGroupPort?: number;
  readonly targetGroupProtocol: elbv2.ApplicationProtocol;
  readonly healthCheckPath: string;
  readonly healthyHttpCodes: string;
  readonly listenerProtocol: elbv2.ApplicationProtocol;
  readonly listenerSslPolicy?: string;
}

/**
 * Reads the facts the rollout depends on from the synthesized L1 properties, because the L2
 * constructs keep them private: the deployment controller, the load balancer entry of the
 * production target group, its health check and the production listener's protocol.
 */
export function readStageTarget(
  owner: string,
  service: ecs.FargateService,
  listener: elbv2.ApplicationListener,
  targetGroup: elbv2.ApplicationTargetGroup,
  containerName: string | undefined,
): StageTargetFacts {
  const cfnService = service.node.defaultChild as ecs.CfnService;
  const controllerType = (cfnService.deploymentController as ecs.CfnService.DeploymentControllerProperty | undefined)?.type ?? 'ECS';
  const loadBalancerIndex = service.loadBalancers.findIndex((lb) => lb.targetGroupArn === targetGroup.targetGroupArn);
  if (loadBalancerIndex < 0) {
    throw new ReliabilityValidationError(`${owner}: service ${service.node.path} must be registered in productionTargetGroup ${targetGroup.node.path} `
      + '(e.g. targetGroup.addTarget(service) or listener.addTargets(...)), got no load balancer entry for it');
  }
  const entry = service.loadBalancers[loadBalancerIndex];
  const wantedContainer = containerName ?? entry.containerName;
  if (containerName !== undefined && entry.containerName !== containerName) {
    throw new ReliabilityValidationError(`${owner}: containerName must be the container behind productionTargetGroup, `
      + `"${entry.containerName}", got "${containerName}"`);
  }
  const cfnTargetGroup = targetGroup.node.defaultChild as elbv2.CfnTargetGroup;
  const cfnListener = listener.node.defaultChild as elbv2.CfnListener;
  return {
    controllerType,
    containerName: wantedContainer ?? '',
    containerPort: entry.containerPort ?? 80,
    loadBalancerIndex,
    hasAlternateTarget: entry.advancedConfiguration !== undefined,
    targetGroupPort: cfnTargetGroup.port,
    targetGroupProtocol: (cfnTargetGroup.protocol as elbv2.ApplicationProtocol | undefined) ?? elbv2.ApplicationProtocol.HTTP,
    // The L2 keeps the health check in a public property and renders it lazily.
    healthCheckPath: targetGroup.healthCheck?.path ?? '/',
    healthyHttpCodes: targetGroup.healthCheck?.healthyHttpCodes ?? '200',
    listenerProtocol: (cfnListener.protocol as elbv2.ApplicationProtocol | undefined) ?? elbv2.ApplicationProtocol.HTTP,
    listenerSslPolicy: cfnListener.sslPolicy,
  };
}
