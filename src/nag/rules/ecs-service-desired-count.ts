import { CfnScalableTarget } from 'aws-cdk-lib/aws-applicationautoscaling';
import { CfnService } from 'aws-cdk-lib/aws-ecs';
import { NagMessageLevel } from 'cdk-nag';
import { isDaemon } from '../helpers/ecs-deployment';
import { num, refsIn, resolve, str } from '../resolve';
import { ReliabilityRule, Unresolved, verdict, Verdict } from '../rule';

/**
 * Replica ECS services run at least 2 tasks: DesiredCount >= 2, or an Application Auto Scaling
 * target of the same stack scales the service with MinCapacity >= 2. An unset DesiredCount
 * without such a target is non-compliant (CloudFormation then starts 1 task). DAEMON services
 * are not applicable. Unresolvable (a parameter for the count): UNKNOWN.
 */
export const ECSServiceDesiredCount: ReliabilityRule = {
  name: 'ECSServiceDesiredCount',
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::ECS::Service'],
  bestPractice: 'REL10-BP01',
  info: 'The ECS service may run a single task (desired count or auto scaling minimum below 2).',
  explanation: 'One task is a single point of failure: its crash, its host or its Availability Zone takes the service down until a replacement starts.',
  fix: 'Set `desiredCount: 2` or more, or `service.autoScaleTaskCount({ minCapacity: 2, ... })`.',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node, index) => {
    if (!(node instanceof CfnService) || isDaemon(node)) return Verdict.NOT_APPLICABLE;
    const serviceId = index.logicalId(node);
    for (const target of index.resources('AWS::ApplicationAutoScaling::ScalableTarget') as CfnScalableTarget[]) {
      if (str(target, target.serviceNamespace, 'ServiceNamespace') !== 'ecs') continue;
      if (!refsIn(resolve(target, target.resourceId)).has(serviceId)) continue;
      if ((num(target, target.minCapacity, 'MinCapacity') ?? 0) >= 2) return Verdict.COMPLIANT;
    }
    const desired = num(node, node.desiredCount, 'DesiredCount');
    return verdict(desired !== undefined && desired >= 2);
  },
};
