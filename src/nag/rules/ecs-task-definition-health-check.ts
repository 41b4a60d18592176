import { CfnService, CfnTaskDefinition } from 'aws-cdk-lib/aws-ecs';
import { NagMessageLevel } from 'cdk-nag';
import { bool, field, known, list, refsIn, resolve } from '../resolve';
import { ReliabilityRule, Unresolved, verdict, Verdict } from '../rule';

/**
 * Task definitions run by an ECS service of the same stack give every essential container a
 * health check with a command. Task definitions no service of the stack runs (scheduled or
 * one-off tasks) are not applicable. Unresolvable (container list or fields are tokens): UNKNOWN.
 */
export const ECSTaskDefinitionHealthCheck: ReliabilityRule = {
  name: 'ECSTaskDefinitionHealthCheck',
  level: NagMessageLevel.WARN,
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  bestPractice: 'REL11-BP03',
  info: 'An essential container of a service task definition has no container health check.',
  explanation: 'Without a container health check ECS only notices a process that exits; a hung or deadlocked container keeps running and is never replaced.',
  fix: 'Give each essential container `healthCheck: { command: [\'CMD-SHELL\', \'curl -f http://localhost/health || exit 1\'] }`.',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node, index) => {
    if (!(node instanceof CfnTaskDefinition)) return Verdict.NOT_APPLICABLE;
    const taskDefinitionId = index.logicalId(node);
    const runByService = (index.resources('AWS::ECS::Service') as CfnService[])
      .some((service) => refsIn(resolve(service, service.taskDefinition)).has(taskDefinitionId));
    if (!runByService) return Verdict.NOT_APPLICABLE;
    const containers = list(node, node.containerDefinitions, 'ContainerDefinitions') ?? [];
    return verdict(containers.every((container) => {
      const definition = known(node, container, 'a container definition');
      if (bool(node, field(definition, 'essential'), 'Essential') === false) return true;
      const healthCheck = known(node, field(definition, 'healthCheck'), 'HealthCheck');
      return (list(node, field(healthCheck, 'command'), 'HealthCheck.Command') ?? []).length > 0;
    }));
  },
};
