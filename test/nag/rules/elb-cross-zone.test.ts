import { aws_elasticloadbalancingv2 as elbv2 } from 'aws-cdk-lib';
import { twoZoneVpc } from '../fixtures';
import { newStack, parameter, TestType, validateStack } from '../utils';

const RULE = 'ELBCrossZone';

describe(RULE, () => {
  test('compliant: ALB (cross-zone is on by default)', () => {
    const stack = newStack();
    new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc: twoZoneVpc(stack) });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('compliant: NLB with cross-zone enabled', () => {
    const stack = newStack();
    new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc: twoZoneVpc(stack), crossZoneEnabled: true });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: NLB with the default (off)', () => {
    const stack = newStack();
    new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc: twoZoneVpc(stack) });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Nlb/Resource');
  });

  test('non-compliant: ALB with cross-zone turned off', () => {
    const stack = newStack();
    const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc: twoZoneVpc(stack) });
    alb.setAttribute('load_balancing.cross_zone.enabled', 'false');
    validateStack(stack, RULE, TestType.NON_COMPLIANCE);
  });

  test('unresolved: the attribute value is a parameter', () => {
    const stack = newStack();
    const nlb = new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc: twoZoneVpc(stack) });
    nlb.setAttribute('load_balancing.cross_zone.enabled', parameter(stack, 'CrossZone'));
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
