import { CfnService } from 'aws-cdk-lib/aws-ecs';
import { field, known, resolve, str } from '../resolve';

/** `ECS` (the default), `CODE_DEPLOY` or `EXTERNAL`. */
export function deploymentController(node: CfnService): string {
  const controller = known(node, node.deploymentController, 'DeploymentController');
  return str(node, field(controller, 'type'), 'DeploymentController.Type') ?? 'ECS';
}

/** The ECS-native deployment strategy: `ROLLING` (the default), `BLUE_GREEN`, `LINEAR` or `CANARY`. */
export function deploymentStrategy(node: CfnService): string {
  return str(node, field(deploymentConfiguration(node), 'strategy'), 'DeploymentConfiguration.Strategy') ?? 'ROLLING';
}

/** The resolved DeploymentConfiguration object (undefined when not set). */
export function deploymentConfiguration(node: CfnService): unknown {
  return known(node, node.deploymentConfiguration, 'DeploymentConfiguration');
}

/** DAEMON services run one task per instance: replica counts do not apply to them. */
export function isDaemon(node: CfnService): boolean {
  return str(node, node.schedulingStrategy, 'SchedulingStrategy') === 'DAEMON';
}

/** True when ECS itself runs a blue/green, linear or canary deployment, or CodeDeploy runs blue/green. */
export function isBlueGreen(node: CfnService): boolean {
  const controller = deploymentController(node);
  if (controller === 'CODE_DEPLOY') return true;
  return controller === 'ECS' && ['BLUE_GREEN', 'LINEAR', 'CANARY'].includes(deploymentStrategy(node));
}

/** Resolves a nested field of the deployment configuration, e.g. `deploymentCircuitBreaker`. */
export function deploymentSetting(node: CfnService, name: string): unknown {
  return resolve(node, field(deploymentConfiguration(node), name));
}
