import { CfnTargetGroup } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { NagMessageLevel } from 'cdk-nag';
import { bool, str } from '../resolve';
import { ReliabilityRule, Unresolved, verdict, Verdict } from '../rule';

/**
 * Target groups keep health checks enabled, and HTTP / HTTPS target groups name an explicit
 * HealthCheckPath (the default `/` usually answers 200 from a static page while the application's
 * dependencies are down). Lambda target groups are not applicable. Unresolvable: UNKNOWN.
 */
export const ELBTargetGroupHealthCheck: ReliabilityRule = {
  name: 'ELBTargetGroupHealthCheck',
  level: NagMessageLevel.WARN,
  resourceTypes: ['AWS::ElasticLoadBalancingV2::TargetGroup'],
  bestPractice: 'REL11-BP01',
  info: 'The target group has health checks disabled, or an HTTP(S) target group relies on the default health check path.',
  explanation: 'The load balancer only routes around targets its health check sees failing; a disabled or shallow check keeps sending traffic to broken targets.',
  fix: 'Set `healthCheck: { enabled: true, path: \'/health\' }` on the target group (or `healthCheckPath` on the service pattern).',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node) => {
    if (!(node instanceof CfnTargetGroup) || str(node, node.targetType, 'TargetType') === 'lambda') return Verdict.NOT_APPLICABLE;
    if (bool(node, node.healthCheckEnabled, 'HealthCheckEnabled') === false) return Verdict.NON_COMPLIANT;
    const protocol = str(node, node.healthCheckProtocol, 'HealthCheckProtocol') ?? str(node, node.protocol, 'Protocol');
    if (protocol !== 'HTTP' && protocol !== 'HTTPS') return Verdict.COMPLIANT;
    return verdict(str(node, node.healthCheckPath, 'HealthCheckPath') !== undefined);
  },
};
