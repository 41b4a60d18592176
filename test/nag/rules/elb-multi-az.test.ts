import { aws_elasticloadbalancingv2 as elbv2 } from 'aws-cdk-lib';
import { twoZoneVpc } from '../fixtures';
import { newStack, TestType, validateStack } from '../utils';

const RULE = 'ELBMultiAZ';

describe(RULE, () => {
  test('compliant: NLB in 2 zones', () => {
    const stack = newStack();
    new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc: twoZoneVpc(stack) });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: NLB in one subnet', () => {
    const stack = newStack();
    const vpc = twoZoneVpc(stack);
    new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc, vpcSubnets: { subnets: [vpc.privateSubnets[0]] } });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Nlb/Resource');
  });

  test('non-compliant: subnet mappings in one zone', () => {
    const stack = newStack();
    const vpc = twoZoneVpc(stack);
    new elbv2.CfnLoadBalancer(stack, 'Nlb', { type: 'network', subnetMappings: [{ subnetId: vpc.privateSubnets[1].subnetId }] });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE);
  });

  test('unresolved: subnets imported by id', () => {
    const stack = newStack();
    new elbv2.CfnLoadBalancer(stack, 'Nlb', { type: 'network', subnets: ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'] });
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
