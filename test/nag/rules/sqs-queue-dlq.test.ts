import { aws_events as events, aws_events_targets as targets, aws_sns as sns, aws_sns_subscriptions as subscriptions, aws_sqs as sqs } from 'aws-cdk-lib';
import { newStack, TestType, validateStack } from '../utils';

const RULE = 'SQSQueueDLQ';

describe(RULE, () => {
  test('compliant: a queue with a DLQ, and the DLQ itself', () => {
    const stack = newStack();
    const dlq = new sqs.Queue(stack, 'Dlq');
    new sqs.Queue(stack, 'Queue', { deadLetterQueue: { queue: dlq, maxReceiveCount: 5 } });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('compliant: the dead-letter queue of an SNS subscription', () => {
    const stack = newStack();
    const dlq = new sqs.Queue(stack, 'SubscriptionDlq');
    const dlqOfTarget = new sqs.Queue(stack, 'TargetDlq');
    const target = new sqs.Queue(stack, 'Target', { deadLetterQueue: { queue: dlqOfTarget, maxReceiveCount: 5 } });
    new sns.Topic(stack, 'Topic').addSubscription(new subscriptions.SqsSubscription(target, { deadLetterQueue: dlq }));
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('compliant: the dead-letter queue of an EventBridge target', () => {
    const stack = newStack();
    const dlq = new sqs.Queue(stack, 'RuleDlq');
    const dlqOfTarget = new sqs.Queue(stack, 'TargetDlq');
    const target = new sqs.Queue(stack, 'Target', { deadLetterQueue: { queue: dlqOfTarget, maxReceiveCount: 5 } });
    new events.Rule(stack, 'Rule', {
      schedule: events.Schedule.expression('rate(1 hour)'),
      targets: [new targets.SqsQueue(target, { deadLetterQueue: dlq })],
    });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: a queue without DLQ', () => {
    const stack = newStack();
    new sqs.Queue(stack, 'Queue');
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Queue/Resource');
  });

  test('unresolved: a redrive policy whose target is an intrinsic', () => {
    const stack = newStack();
    new sqs.CfnQueue(stack, 'Queue', { redrivePolicy: { 'Fn::If': ['HasDlq', { deadLetterTargetArn: 'arn', maxReceiveCount: 5 }, { Ref: 'AWS::NoValue' }] } });
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
