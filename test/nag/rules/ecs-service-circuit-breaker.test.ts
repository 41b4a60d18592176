import { aws_ecs as ecs } from 'aws-cdk-lib';
import { fargateService } from '../fixtures';
import { newStack, parameter, TestType, validateStack } from '../utils';

const RULE = 'ECSServiceCircuitBreaker';

describe(RULE, () => {
  test('compliant: circuit breaker enabled with rollback', () => {
    const stack = newStack();
    fargateService(stack);
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: no circuit breaker', () => {
    const stack = newStack();
    fargateService(stack, { circuitBreaker: undefined });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Service/Service');
  });

  test('non-compliant: circuit breaker without rollback', () => {
    const stack = newStack();
    fargateService(stack, { circuitBreaker: { enable: true, rollback: false } });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE);
  });

  test('not applicable: CodeDeploy controller', () => {
    const stack = newStack();
    fargateService(stack, {
      circuitBreaker: undefined,
      deploymentAlarms: undefined,
      deploymentController: { type: ecs.DeploymentControllerType.CODE_DEPLOY },
    });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('unresolved: the rollback flag is a parameter', () => {
    const stack = newStack();
    const service = fargateService(stack);
    (service.node.defaultChild as ecs.CfnService).deploymentConfiguration = {
      deploymentCircuitBreaker: { enable: true, rollback: parameter(stack, 'Rollback') as unknown as boolean },
    };
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
