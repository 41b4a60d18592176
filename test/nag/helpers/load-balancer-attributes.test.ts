import { aws_elasticloadbalancingv2 as elbv2 } from 'aws-cdk-lib';
import { loadBalancerAttribute, loadBalancerType } from '../../../src/nag/helpers/load-balancer-attributes';
import { UnresolvableValue } from '../../../src/nag/resolve';
import { twoZoneVpc } from '../fixtures';
import { newStack, parameter } from '../utils';

describe('load balancer attributes', () => {
  test('reads set attributes and the type; unset is undefined', () => {
    const stack = newStack();
    const nlb = new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc: twoZoneVpc(stack), crossZoneEnabled: true });
    const resource = nlb.node.defaultChild as elbv2.CfnLoadBalancer;
    expect(loadBalancerType(resource)).toBe('network');
    expect(loadBalancerAttribute(resource, 'load_balancing.cross_zone.enabled')).toBe('true');
    expect(loadBalancerAttribute(resource, 'zonal_shift.config.enabled')).toBeUndefined();
  });

  test('a token value is unresolvable', () => {
    const stack = newStack();
    const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc: twoZoneVpc(stack) });
    alb.setAttribute('zonal_shift.config.enabled', parameter(stack, 'Shift'));
    expect(() => loadBalancerAttribute(alb.node.defaultChild as elbv2.CfnLoadBalancer, 'zonal_shift.config.enabled')).toThrow(UnresolvableValue);
  });
});
