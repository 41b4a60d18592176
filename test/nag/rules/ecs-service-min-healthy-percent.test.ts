import { aws_ecs as ecs } from 'aws-cdk-lib';
import { fargateService } from '../fixtures';
import { newStack, parameter, TestType, validateStack } from '../utils';

const RULE = 'ECSServiceMinHealthyPercent';

describe(RULE, () => {
  test('compliant: minimum healthy 100 %', () => {
    const stack = newStack();
    fargateService(stack);
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('not applicable: blue/green deployments keep the old tasks until the shift', () => {
    const stack = newStack();
    fargateService(stack, { minHealthyPercent: 50, deploymentStrategy: ecs.DeploymentStrategy.BLUE_GREEN });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: minimum healthy 50 %', () => {
    const stack = newStack();
    fargateService(stack, { minHealthyPercent: 50 });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Service/Service');
  });

  test('non-compliant: left unset', () => {
    const stack = newStack();
    fargateService(stack, { minHealthyPercent: undefined });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE);
  });

  test('unresolved: a parameter', () => {
    const stack = newStack();
    const service = fargateService(stack);
    (service.node.defaultChild as ecs.CfnService).deploymentConfiguration = {
      minimumHealthyPercent: parameter(stack, 'Min', 'Number') as unknown as number,
    };
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
