import { aws_ecs as ecs } from 'aws-cdk-lib';
import { fargateService } from '../fixtures';
import { newStack, parameter, TestType, validateStack } from '../utils';

const RULE = 'ECSServiceDesiredCount';

describe(RULE, () => {
  test('compliant: desired count 2', () => {
    const stack = newStack();
    fargateService(stack);
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('compliant: no desired count, auto scaling minimum 2', () => {
    const stack = newStack();
    const service = fargateService(stack, { desiredCount: undefined });
    service.autoScaleTaskCount({ minCapacity: 2, maxCapacity: 6 }).scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: desired count 1', () => {
    const stack = newStack();
    fargateService(stack, { desiredCount: 1 });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Service/Service');
  });

  test('non-compliant: auto scaling minimum 1', () => {
    const stack = newStack();
    const service = fargateService(stack, { desiredCount: undefined });
    service.autoScaleTaskCount({ minCapacity: 1, maxCapacity: 6 }).scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE);
  });

  test('unresolved: desired count is a parameter', () => {
    const stack = newStack();
    const service = fargateService(stack);
    (service.node.defaultChild as ecs.CfnService).desiredCount = parameter(stack, 'Count', 'Number') as unknown as number;
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
