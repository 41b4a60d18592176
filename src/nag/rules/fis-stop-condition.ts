import { CfnExperimentTemplate } from 'aws-cdk-lib/aws-fis';
import { NagMessageLevel } from 'cdk-nag';
import { field, known, list, str } from '../resolve';
import { ReliabilityRule, Unresolved, verdict, Verdict } from '../rule';

/**
 * FIS experiment templates stop on at least one CloudWatch alarm (`aws:cloudwatch:alarm` with an alarm
 * ARN); a template whose only stop condition is `none` is non-compliant.
 * Unresolvable (the stop condition list or a source is a token): UNKNOWN.
 */
export const FISStopCondition: ReliabilityRule = {
  name: 'FISStopCondition',
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::FIS::ExperimentTemplate'],
  bestPractice: 'REL12-BP04',
  info: 'The FIS experiment template has no CloudWatch alarm stop condition.',
  explanation: 'A chaos experiment without an alarm stop condition keeps injecting faults while customers are already affected; the alarm is the guardrail that ends it.',
  fix: 'Add `stopConditions: [{ source: \'aws:cloudwatch:alarm\', value: alarm.alarmArn }]` (ChaosFisExperiment requires one).',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node) => {
    if (!(node instanceof CfnExperimentTemplate)) return Verdict.NOT_APPLICABLE;
    const conditions = list(node, node.stopConditions, 'StopConditions') ?? [];
    return verdict(conditions.some((condition) => {
      const resolved = known(node, condition, 'a stop condition');
      return str(node, field(resolved, 'source'), 'StopCondition.Source') === 'aws:cloudwatch:alarm'
        && field(resolved, 'value') !== undefined;
    }));
  },
};
