import { aws_elasticloadbalancingv2 as elbv2 } from 'aws-cdk-lib';
import { twoZoneVpc } from '../fixtures';
import { newStack, parameter, TestType, validateStack } from '../utils';

const RULE = 'ELBTargetGroupHealthCheck';

describe(RULE, () => {
  test('compliant: HTTP target group with an explicit path', () => {
    const stack = newStack();
    new elbv2.ApplicationTargetGroup(stack, 'Tg', { vpc: twoZoneVpc(stack), port: 80, healthCheck: { path: '/health' } });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('compliant: TCP target group with the default TCP check', () => {
    const stack = newStack();
    new elbv2.NetworkTargetGroup(stack, 'Tg', { vpc: twoZoneVpc(stack), port: 80 });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: HTTP target group on the default path', () => {
    const stack = newStack();
    new elbv2.ApplicationTargetGroup(stack, 'Tg', { vpc: twoZoneVpc(stack), port: 80 });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Tg/Resource');
  });

  test('non-compliant: health checks disabled', () => {
    const stack = newStack();
    new elbv2.NetworkTargetGroup(stack, 'Tg', { vpc: twoZoneVpc(stack), port: 80, healthCheck: { enabled: false } });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE);
  });

  test('unresolved: the path is a parameter', () => {
    const stack = newStack();
    new elbv2.ApplicationTargetGroup(stack, 'Tg', { vpc: twoZoneVpc(stack), port: 80, healthCheck: { path: parameter(stack, 'Path') } });
    const group = stack.node.findChild('Tg').node.defaultChild as elbv2.CfnTargetGroup;
    group.protocol = parameter(stack, 'Protocol');
    group.healthCheckProtocol = undefined;
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
