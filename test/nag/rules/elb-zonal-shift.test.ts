import { aws_elasticloadbalancingv2 as elbv2 } from 'aws-cdk-lib';
import { twoZoneVpc } from '../fixtures';
import { newStack, parameter, TestType, validateStack } from '../utils';

const RULE = 'ELBZonalShift';

describe(RULE, () => {
  test('compliant: zonal shift enabled', () => {
    const stack = newStack();
    const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc: twoZoneVpc(stack) });
    alb.setAttribute('zonal_shift.config.enabled', 'true');
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('not applicable: gateway load balancer', () => {
    const stack = newStack();
    new elbv2.CfnLoadBalancer(stack, 'Gwlb', { type: 'gateway', subnets: twoZoneVpc(stack).privateSubnets.map((s) => s.subnetId) });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: the default', () => {
    const stack = newStack();
    new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc: twoZoneVpc(stack) });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Alb/Resource');
  });

  test('unresolved: a parameter', () => {
    const stack = newStack();
    const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc: twoZoneVpc(stack) });
    alb.setAttribute('zonal_shift.config.enabled', parameter(stack, 'Shift'));
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
