import { aws_elasticloadbalancingv2 as elbv2 } from 'aws-cdk-lib';
import { twoZoneVpc } from '../fixtures';
import { newStack, parameter, TestType, validateStack } from '../utils';

const RULE = 'ELBDeletionProtection';

describe(RULE, () => {
  test('compliant: deletion protection on', () => {
    const stack = newStack();
    new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc: twoZoneVpc(stack), deletionProtection: true });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: the default', () => {
    const stack = newStack();
    new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc: twoZoneVpc(stack) });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Nlb/Resource');
  });

  test('non-compliant when unresolvable: a parameter cannot prove protection (cdk-nag compares with "true")', () => {
    const stack = newStack();
    const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc: twoZoneVpc(stack) });
    alb.setAttribute('deletion_protection.enabled', parameter(stack, 'Protect'));
    validateStack(stack, RULE, TestType.NON_COMPLIANCE);
  });
});
