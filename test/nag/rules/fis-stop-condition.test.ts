import { Stack, aws_cloudwatch as cloudwatch, aws_fis as fis } from 'aws-cdk-lib';
import { newStack, parameter, TestType, validateStack } from '../utils';

const RULE = 'FISStopCondition';

function template(stack: Stack, stopConditions: fis.CfnExperimentTemplate.ExperimentTemplateStopConditionProperty[]): fis.CfnExperimentTemplate {
  return new fis.CfnExperimentTemplate(stack, 'Experiment', {
    description: 'stop one task',
    roleArn: 'arn:aws:iam::123456789012:role/fis',
    targets: {},
    actions: {},
    stopConditions,
    tags: {},
  });
}

describe(RULE, () => {
  test('compliant: a CloudWatch alarm stop condition', () => {
    const stack = newStack();
    const alarm = new cloudwatch.Alarm(stack, 'Alarm', {
      metric: new cloudwatch.Metric({ namespace: 'Shop', metricName: 'Errors' }),
      threshold: 1,
      evaluationPeriods: 1,
    });
    template(stack, [{ source: 'aws:cloudwatch:alarm', value: alarm.alarmArn }]);
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: only `none`', () => {
    const stack = newStack();
    template(stack, [{ source: 'none' }]);
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Experiment');
  });

  test('unresolved: the source is a parameter', () => {
    const stack = newStack();
    template(stack, [{ source: parameter(stack, 'Source'), value: 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:x' }]);
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
