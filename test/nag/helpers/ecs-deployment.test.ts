import { aws_ecs as ecs } from 'aws-cdk-lib';
import { deploymentController, deploymentStrategy, isBlueGreen, isDaemon } from '../../../src/nag/helpers/ecs-deployment';
import { fargateService } from '../fixtures';
import { newStack } from '../utils';

describe('ECS deployment helpers', () => {
  test('defaults: ECS controller, rolling strategy, replica service', () => {
    const service = fargateService(newStack()).node.defaultChild as ecs.CfnService;
    expect(deploymentController(service)).toBe('ECS');
    expect(deploymentStrategy(service)).toBe('ROLLING');
    expect(isBlueGreen(service)).toBe(false);
    expect(isDaemon(service)).toBe(false);
  });

  test('ECS-native canary and CodeDeploy count as blue/green', () => {
    const canary = fargateService(newStack(), { deploymentStrategy: ecs.DeploymentStrategy.CANARY }).node.defaultChild as ecs.CfnService;
    expect(isBlueGreen(canary)).toBe(true);
    const codeDeploy = fargateService(newStack(), {
      deploymentAlarms: undefined,
      circuitBreaker: undefined,
      deploymentController: { type: ecs.DeploymentControllerType.CODE_DEPLOY },
    }).node.defaultChild as ecs.CfnService;
    expect(deploymentController(codeDeploy)).toBe('CODE_DEPLOY');
    expect(isBlueGreen(codeDeploy)).toBe(true);
  });
});
