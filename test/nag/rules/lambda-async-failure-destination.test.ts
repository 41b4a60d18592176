import {
  Stack, aws_events as events, aws_events_targets as targets, aws_lambda as lambda,
  aws_lambda_destinations as destinations, aws_s3 as s3, aws_s3_notifications as s3n, aws_sqs as sqs,
} from 'aws-cdk-lib';
import { newStack, TestType, validateStack } from '../utils';

const RULE = 'LambdaAsyncFailureDestination';

function fn(stack: Stack, props: Partial<lambda.FunctionProps> = {}): lambda.Function {
  return new lambda.Function(stack, 'Fn', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => {};'),
    ...props,
  });
}

function invokedByEventBridge(stack: Stack, target: lambda.IFunction): void {
  new events.Rule(stack, 'Rule', { schedule: events.Schedule.expression('rate(1 hour)'), targets: [new targets.LambdaFunction(target)] });
}

describe(RULE, () => {
  test('compliant: EventBridge target with an on-failure destination', () => {
    const stack = newStack();
    invokedByEventBridge(stack, fn(stack, { onFailure: new destinations.SqsDestination(new sqs.Queue(stack, 'Failures')) }));
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('compliant: S3 notification target with a dead-letter queue', () => {
    const stack = newStack();
    const handler = fn(stack, { deadLetterQueueEnabled: true });
    new s3.Bucket(stack, 'Bucket').addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(handler));
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('not applicable: a function nothing invokes asynchronously', () => {
    const stack = newStack();
    fn(stack);
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: EventBridge target without destination or DLQ', () => {
    const stack = newStack();
    invokedByEventBridge(stack, fn(stack));
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Fn/Resource');
  });

  test('non-compliant: an async invoke config without a failure destination', () => {
    const stack = newStack();
    fn(stack, { retryAttempts: 1 });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Fn/Resource');
  });

  test('non-compliant: invoked through an alias', () => {
    const stack = newStack();
    const handler = fn(stack);
    invokedByEventBridge(stack, new lambda.Alias(stack, 'Live', { aliasName: 'live', version: handler.currentVersion }));
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Fn/Resource');
  });
});
