import { aws_ec2 as ec2, aws_ecs as ecs } from 'aws-cdk-lib';
import { fargateService } from '../fixtures';
import { newStack, TestType, validateStack } from '../utils';

const RULE = 'ECSServiceMultiAZ';

describe(RULE, () => {
  test('compliant: private subnets of 2 zones', () => {
    const stack = newStack();
    fargateService(stack);
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: one subnet', () => {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
    fargateService(stack, { vpcSubnets: { subnets: [vpc.privateSubnets[0]] } }, vpc);
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Service/Service');
  });

  test('non-compliant: a one-zone VPC', () => {
    const stack = newStack();
    fargateService(stack, {}, new ec2.Vpc(stack, 'Vpc', { maxAzs: 1 }));
    validateStack(stack, RULE, TestType.NON_COMPLIANCE);
  });

  test('unresolved: subnets imported by id', () => {
    const stack = newStack();
    const service = fargateService(stack);
    (service.node.defaultChild as ecs.CfnService).networkConfiguration = {
      awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'] },
    };
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
