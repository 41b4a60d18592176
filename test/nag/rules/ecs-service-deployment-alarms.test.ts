import { aws_ecs as ecs } from 'aws-cdk-lib';
import { fargateService } from '../fixtures';
import { newStack, parameterList, TestType, validateStack } from '../utils';

const RULE = 'ECSServiceDeploymentAlarms';

describe(RULE, () => {
  test('compliant: deployment alarms roll back', () => {
    const stack = newStack();
    fargateService(stack);
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('compliant: ECS blue/green deployment strategy', () => {
    const stack = newStack();
    fargateService(stack, { deploymentAlarms: undefined, deploymentStrategy: ecs.DeploymentStrategy.BLUE_GREEN });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('compliant: CodeDeploy blue/green controller', () => {
    const stack = newStack();
    fargateService(stack, {
      circuitBreaker: undefined,
      deploymentAlarms: undefined,
      deploymentController: { type: ecs.DeploymentControllerType.CODE_DEPLOY },
    });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: rolling deployment without alarms', () => {
    const stack = newStack();
    fargateService(stack, { deploymentAlarms: undefined });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Service/Service');
  });

  test('non-compliant: alarms that only fail the deployment without rolling back', () => {
    const stack = newStack();
    fargateService(stack, { deploymentAlarms: { alarmNames: ['errors'], behavior: ecs.AlarmBehavior.FAIL_ON_ALARM } });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE);
  });

  test('unresolved: the alarm name list is a parameter', () => {
    const stack = newStack();
    const service = fargateService(stack);
    (service.node.defaultChild as ecs.CfnService).deploymentConfiguration = {
      alarms: { enable: true, rollback: true, alarmNames: parameterList(stack, 'Names') },
    };
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
