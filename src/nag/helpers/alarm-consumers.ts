import { CfnResource } from 'aws-cdk-lib';
import { refsIn, resolve } from '../resolve';
import { StackIndex } from '../stack-index';

/**
 * Resources whose behaviour depends on an alarm's state without the alarm having actions of its
 * own, with the properties that name the alarm.
 */
const CONSUMERS: Record<string, readonly string[]> = {
  'AWS::CloudWatch::CompositeAlarm': ['alarmRule', 'actionsSuppressor'],
  'AWS::ECS::Service': ['deploymentConfiguration'],
  'AWS::FIS::ExperimentTemplate': ['stopConditions'],
  'AWS::CodeDeploy::DeploymentGroup': ['alarmConfiguration'],
  'AWS::CodePipeline::Pipeline': ['stages'],
  'AWS::AppConfig::Environment': ['monitors'],
};

interface AlarmConsumers {
  readonly refs: Set<string>;
  readonly text: string;
}

/**
 * True when another resource of the stack acts on the alarm's state: a composite alarm rule, ECS
 * deployment alarms, a FIS stop condition, a CodeDeploy alarm configuration, a CodePipeline stage
 * condition or an AppConfig monitor, by reference or by literal alarm name.
 */
export function isAlarmConsumed(alarm: CfnResource, alarmName: unknown, index: StackIndex): boolean {
  const consumers = index.memo<AlarmConsumers>('alarm-consumers', () => {
    const refs = new Set<string>();
    const texts: string[] = [];
    for (const [type, properties] of Object.entries(CONSUMERS)) {
      for (const consumer of index.resources(type)) {
        for (const property of properties) {
          const value = resolve(consumer, (consumer as unknown as Record<string, unknown>)[property]);
          if (value === undefined) continue;
          refsIn(value, refs);
          texts.push(JSON.stringify(value));
        }
      }
    }
    return { refs, text: texts.join('\n') };
  });
  if (consumers.refs.has(index.logicalId(alarm))) return true;
  return typeof alarmName === 'string' && consumers.text.includes(alarmName);
}
