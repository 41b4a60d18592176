import { App, Stack, aws_cloudwatch as cloudwatch, aws_elasticloadbalancingv2 as elbv2 } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ServiceLevelObjective } from '../../src/slo';

/** A stack in a fixed account and Region, so ARNs in rules have known lengths. */
export function testStack(id = 'Test'): Stack {
  return new Stack(new App(), id, { env: { account: '111111111111', region: 'us-east-1' } });
}

/** An availability SLO on two plain metrics (2 metrics per window alarm). */
export function plainAvailability(name = 'Availability', objectivePercent = 99.9, extra: Partial<{ window: any }> = {}): ServiceLevelObjective {
  return ServiceLevelObjective.availability({
    name,
    objectivePercent,
    badEvents: new cloudwatch.Metric({ namespace: 'Shop', metricName: 'Errors', dimensionsMap: { Service: 'checkout' } }),
    validEvents: new cloudwatch.Metric({ namespace: 'Shop', metricName: 'Requests', dimensionsMap: { Service: 'checkout' } }),
    ...extra,
  });
}

/** An imported ALB: works offline (no lookup) and has literal metric dimensions. */
export function importedAlb(scope: Stack): elbv2.IApplicationLoadBalancer {
  return elbv2.ApplicationLoadBalancer.fromApplicationLoadBalancerAttributes(scope, 'Alb', {
    loadBalancerArn: 'arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/checkout/0123456789abcdef',
    securityGroupId: 'sg-12345678',
  });
}

/** The logical id of an L2 construct's default child, as written to the template. */
export function logicalIdOf(construct: IConstruct): string {
  const stack = Stack.of(construct);
  return stack.resolve(stack.getLogicalId(construct.node.defaultChild as any));
}
