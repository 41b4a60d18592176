import { CfnService } from 'aws-cdk-lib/aws-ecs';
import { NagMessageLevel } from 'cdk-nag';
import { deploymentController, deploymentSetting, isBlueGreen } from '../helpers/ecs-deployment';
import { bool, field, list } from '../resolve';
import { ReliabilityRule, Unresolved, verdict, Verdict } from '../rule';

/**
 * ECS services roll back on CloudWatch alarms during deployments (DeploymentConfiguration.Alarms
 * enabled, with rollback and at least one alarm) or are deployed blue/green (ECS BLUE_GREEN, LINEAR or
 * CANARY strategy, or the CODE_DEPLOY controller, whose alarms live on the deployment group).
 * EXTERNAL controllers are not applicable. Unresolvable: UNKNOWN.
 */
export const ECSServiceDeploymentAlarms: ReliabilityRule = {
  name: 'ECSServiceDeploymentAlarms',
  level: NagMessageLevel.WARN,
  resourceTypes: ['AWS::ECS::Service'],
  bestPractice: 'REL08-BP04',
  info: 'The ECS service neither rolls back on deployment alarms nor deploys blue/green.',
  explanation: 'The circuit breaker only sees tasks that fail to start; a release that starts fine but serves errors is only rolled back by alarms watching the service, or contained by a blue/green shift.',
  fix: 'Set `deploymentAlarms: { alarmNames: [...], behavior: AlarmBehavior.ROLLBACK_ON_ALARM }`, or `deploymentStrategy: DeploymentStrategy.BLUE_GREEN` / CodeDeploy blue/green.',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node) => {
    if (!(node instanceof CfnService) || deploymentController(node) === 'EXTERNAL') return Verdict.NOT_APPLICABLE;
    if (isBlueGreen(node)) return Verdict.COMPLIANT;
    const alarms = deploymentSetting(node, 'alarms');
    const enabled = bool(node, field(alarms, 'enable'), 'DeploymentAlarms.Enable');
    const rollback = bool(node, field(alarms, 'rollback'), 'DeploymentAlarms.Rollback');
    const names = list(node, field(alarms, 'alarmNames'), 'DeploymentAlarms.AlarmNames') ?? [];
    return verdict(enabled === true && rollback === true && names.length > 0);
  },
};
