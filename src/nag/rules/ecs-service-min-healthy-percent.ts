import { CfnService } from 'aws-cdk-lib/aws-ecs';
import { NagMessageLevel } from 'cdk-nag';
import { deploymentConfiguration, deploymentController, deploymentStrategy, isDaemon } from '../helpers/ecs-deployment';
import { field, num } from '../resolve';
import { ReliabilityRule, Unresolved, verdict, Verdict } from '../rule';

/**
 * Rolling ECS deployments keep MinimumHealthyPercent >= 100, set explicitly (aws-cdk-lib warns that
 * an unset value means 50 % for replica services, so unset is non-compliant). Blue/green, CodeDeploy,
 * external and DAEMON services are not applicable. Unresolvable: UNKNOWN.
 */
export const ECSServiceMinHealthyPercent: ReliabilityRule = {
  name: 'ECSServiceMinHealthyPercent',
  level: NagMessageLevel.WARN,
  resourceTypes: ['AWS::ECS::Service'],
  bestPractice: 'REL11-BP05',
  info: 'The ECS service lets rolling deployments drop below 100 % of its desired tasks.',
  explanation: 'A rolling deployment below 100 % healthy removes capacity while the new tasks start; a deployment during peak load or a zone failure then overloads the remaining tasks.',
  fix: 'Set `minHealthyPercent: 100` (and `maxHealthyPercent: 200`) on the service.',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node) => {
    if (!(node instanceof CfnService) || isDaemon(node)) return Verdict.NOT_APPLICABLE;
    if (deploymentController(node) !== 'ECS' || deploymentStrategy(node) !== 'ROLLING') return Verdict.NOT_APPLICABLE;
    const minimum = num(node, field(deploymentConfiguration(node), 'minimumHealthyPercent'), 'MinimumHealthyPercent');
    return verdict(minimum !== undefined && minimum >= 100);
  },
};
