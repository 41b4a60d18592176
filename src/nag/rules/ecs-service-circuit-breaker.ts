import { CfnService } from 'aws-cdk-lib/aws-ecs';
import { NagMessageLevel } from 'cdk-nag';
import { deploymentController, deploymentSetting } from '../helpers/ecs-deployment';
import { bool, field } from '../resolve';
import { ReliabilityRule, Unresolved, verdict, Verdict } from '../rule';

/**
 * ECS services deployed by the ECS controller enable the deployment circuit breaker with rollback.
 * Services deployed by CodeDeploy or an external controller are not applicable (the breaker is ECS-only).
 * Unresolvable (the deployment configuration or its flags are tokens): UNKNOWN.
 */
export const ECSServiceCircuitBreaker: ReliabilityRule = {
  name: 'ECSServiceCircuitBreaker',
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::ECS::Service'],
  bestPractice: 'REL08-BP05',
  info: 'The ECS service does not enable the deployment circuit breaker with rollback.',
  explanation: 'Without the circuit breaker, a deployment whose tasks never become healthy keeps retrying for hours instead of failing fast and returning to the last working revision.',
  fix: 'Set `circuitBreaker: { enable: true, rollback: true }` on the service (DeploymentConfiguration.DeploymentCircuitBreaker).',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node) => {
    if (!(node instanceof CfnService) || deploymentController(node) !== 'ECS') return Verdict.NOT_APPLICABLE;
    const breaker = deploymentSetting(node, 'deploymentCircuitBreaker');
    const enabled = bool(node, field(breaker, 'enable'), 'DeploymentCircuitBreaker.Enable');
    const rollback = bool(node, field(breaker, 'rollback'), 'DeploymentCircuitBreaker.Rollback');
    return verdict(enabled === true && rollback === true);
  },
};
