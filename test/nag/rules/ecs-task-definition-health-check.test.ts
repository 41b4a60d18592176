import { aws_ecs as ecs } from 'aws-cdk-lib';
import { fargateService, taskDefinition } from '../fixtures';
import { newStack, TestType, validateStack } from '../utils';

const RULE = 'ECSTaskDefinitionHealthCheck';

describe(RULE, () => {
  test('compliant: the essential container has a health check', () => {
    const stack = newStack();
    fargateService(stack);
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('compliant: a non-essential sidecar needs none', () => {
    const stack = newStack();
    const definition = taskDefinition(stack);
    definition.addContainer('sidecar', { image: ecs.ContainerImage.fromRegistry('busybox'), essential: false });
    fargateService(stack, { taskDefinition: definition });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('not applicable: a task definition no service runs', () => {
    const stack = newStack();
    taskDefinition(stack, { healthCheck: false });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: the service container has no health check', () => {
    const stack = newStack();
    fargateService(stack, { taskDefinition: taskDefinition(stack, { healthCheck: false }) });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/TaskDef/Resource');
  });

  test('unresolved: the container list is an intrinsic', () => {
    const stack = newStack();
    const service = fargateService(stack);
    const definition = service.taskDefinition.node.defaultChild as ecs.CfnTaskDefinition;
    definition.containerDefinitions = { 'Fn::If': ['Cond', [], []] } as unknown as ecs.CfnTaskDefinition.ContainerDefinitionProperty[];
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
