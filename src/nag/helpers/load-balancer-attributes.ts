import { CfnLoadBalancer } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { field, known, list, str, UnresolvableValue } from '../resolve';

/** `application` (the default), `network` or `gateway`. */
export function loadBalancerType(node: CfnLoadBalancer): string {
  return str(node, node.type, 'Type') ?? 'application';
}

/**
 * The value of one load balancer attribute, or undefined when it is not set.
 * An attribute list or a value that is an intrinsic is unresolvable.
 */
export function loadBalancerAttribute(node: CfnLoadBalancer, key: string): string | undefined {
  const attributes = list(node, node.loadBalancerAttributes, 'LoadBalancerAttributes') ?? [];
  let value: string | undefined;
  for (const attribute of attributes) {
    const resolved = known(node, attribute, 'a load balancer attribute');
    const attributeKey = known(node, field(resolved, 'key'), 'a load balancer attribute key');
    if (typeof attributeKey !== 'string') throw new UnresolvableValue('a load balancer attribute key');
    if (attributeKey === key) value = str(node, field(resolved, 'value'), key);
  }
  return value;
}
