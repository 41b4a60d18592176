import {
  Stack, aws_dynamodb as dynamodb, aws_kinesis as kinesis, aws_lambda as lambda,
  aws_lambda_event_sources as sources, aws_sqs as sqs,
} from 'aws-cdk-lib';
import { newStack, parameter, TestType, validateStack } from '../utils';

const RULE = 'LambdaStreamFailureDestination';

function fn(stack: Stack): lambda.Function {
  return new lambda.Function(stack, 'Fn', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => {};'),
  });
}

describe(RULE, () => {
  test('compliant: Kinesis source with an on-failure destination', () => {
    const stack = newStack();
    fn(stack).addEventSource(new sources.KinesisEventSource(new kinesis.Stream(stack, 'Stream'), {
      startingPosition: lambda.StartingPosition.LATEST,
      onFailure: new sources.SqsDlq(new sqs.Queue(stack, 'Failures')),
      retryAttempts: 3,
    }));
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('not applicable: SQS source', () => {
    const stack = newStack();
    fn(stack).addEventSource(new sources.SqsEventSource(new sqs.Queue(stack, 'Queue')));
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: DynamoDB stream without destination', () => {
    const stack = newStack();
    const table = new dynamodb.Table(stack, 'Table', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      stream: dynamodb.StreamViewType.NEW_IMAGE,
    });
    fn(stack).addEventSource(new sources.DynamoEventSource(table, { startingPosition: lambda.StartingPosition.LATEST }));
    validateStack(stack, RULE, TestType.NON_COMPLIANCE);
  });

  test('non-compliant: imported Kinesis stream ARN without destination', () => {
    const stack = newStack();
    new lambda.EventSourceMapping(stack, 'Mapping', {
      target: fn(stack),
      eventSourceArn: 'arn:aws:kinesis:eu-west-1:123456789012:stream/orders',
      startingPosition: lambda.StartingPosition.LATEST,
    });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Mapping/Resource');
  });

  test('unresolved: the source ARN is a parameter', () => {
    const stack = newStack();
    new lambda.EventSourceMapping(stack, 'Mapping', { target: fn(stack), eventSourceArn: parameter(stack, 'Source') });
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
