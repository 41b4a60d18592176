import { RollbackAlarmRow } from './report-model';
import { AssemblyStack } from '../assembly/cloud-assembly';
import { asArray, describeValue, getPath, resourcesOfType } from '../assembly/template-values';

/**
 * The alarms that stop or roll back a deployment: ECS deployment alarms, CodeDeploy
 * deployment-group alarms and CodePipeline stage conditions on CloudWatch alarms.
 */
export function collectRollbackAlarms(stacks: readonly AssemblyStack[]): RollbackAlarmRow[] {
  const rows: RollbackAlarmRow[] = [];
  for (const stack of stacks) {
    for (const { path, resource } of resourcesOfType(stack, 'AWS::ECS::Service')) {
      const alarms = getPath(resource.Properties, 'DeploymentConfiguration', 'Alarms');
      const breaker = getPath(resource.Properties, 'DeploymentConfiguration', 'DeploymentCircuitBreaker');
      const names = asArray(getPath(alarms, 'AlarmNames')).map((a) => describeValue(stack, a));
      if (names.length === 0 && breaker === undefined) continue;
      const onAlarm = names.length === 0 ? 'no alarms'
        : getPath(alarms, 'Enable') === false ? 'alarms disabled'
          : getPath(alarms, 'Rollback') === true ? 'roll back' : 'stop deployment, no rollback';
      const circuit = getPath(breaker, 'Enable') === true
        ? `; circuit breaker${getPath(breaker, 'Rollback') === true ? ' with rollback' : ''}` : '';
      rows.push({
        stack: stack.displayName,
        constructPath: path,
        kind: 'ECS service',
        target: describeValue(stack, resource.Properties?.ServiceName) || path,
        alarms: names,
        onAlarm: onAlarm + circuit,
      });
    }
    for (const { path, resource } of resourcesOfType(stack, 'AWS::CodeDeploy::DeploymentGroup')) {
      const config = resource.Properties?.AlarmConfiguration;
      const names = asArray(getPath(config, 'Alarms')).map((a) => describeValue(stack, getPath(a, 'Name')));
      if (names.length === 0) continue;
      const events = asArray(getPath(resource.Properties, 'AutoRollbackConfiguration', 'Events')).map(String);
      rows.push({
        stack: stack.displayName,
        constructPath: path,
        kind: 'CodeDeploy deployment group',
        target: describeValue(stack, resource.Properties?.DeploymentGroupName) || path,
        alarms: names,
        onAlarm: getPath(config, 'Enabled') === false ? 'alarms disabled'
          : events.includes('DEPLOYMENT_STOP_ON_ALARM') ? 'roll back' : 'stop deployment',
      });
    }
    for (const { path, resource } of resourcesOfType(stack, 'AWS::CodePipeline::Pipeline')) {
      for (const stage of asArray(resource.Properties?.Stages)) {
        for (const hook of ['BeforeEntry', 'OnSuccess', 'OnFailure']) {
          const hookValue = getPath(stage, hook);
          for (const condition of asArray(getPath(hookValue, 'Conditions'))) {
            const alarms = asArray(getPath(condition, 'Rules'))
              .filter((r) => getPath(r, 'RuleTypeId', 'Provider') === 'CloudWatchAlarm')
              .map((r) => describeValue(stack, getPath(r, 'Configuration', 'AlarmName')));
            if (alarms.length === 0) continue;
            const result = getPath(condition, 'Result') ?? getPath(hookValue, 'Result') ?? '';
            rows.push({
              stack: stack.displayName,
              constructPath: path,
              kind: `CodePipeline stage ${describeValue(stack, getPath(stage, 'Name'))} (${hook})`,
              target: describeValue(stack, resource.Properties?.Name) || path,
              alarms,
              onAlarm: String(result) || 'condition fails',
            });
          }
        }
      }
    }
  }
  return rows;
}
