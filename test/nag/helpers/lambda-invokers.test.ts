import { Stack, aws_apigateway as apigateway, aws_lambda as lambda, aws_sns as sns, aws_sns_subscriptions as subscriptions } from 'aws-cdk-lib';
import { asyncInvokedFunctions } from '../../../src/nag/helpers/lambda-invokers';
import { StackIndex } from '../../../src/nag/stack-index';
import { newStack } from '../utils';

function fn(stack: Stack, id: string): lambda.Function {
  return new lambda.Function(stack, id, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => {};'),
  });
}

describe('asyncInvokedFunctions', () => {
  test('an SNS subscriber is asynchronous, an API Gateway backend is not', () => {
    const stack = newStack();
    const subscriber = fn(stack, 'Subscriber');
    const backend = fn(stack, 'Backend');
    new sns.Topic(stack, 'Topic').addSubscription(new subscriptions.LambdaSubscription(subscriber));
    new apigateway.LambdaRestApi(stack, 'Api', { handler: backend });
    const index = new StackIndex(stack);
    const ids = asyncInvokedFunctions(index);
    expect(ids.has(index.logicalId(subscriber.node.defaultChild as lambda.CfnFunction))).toBe(true);
    expect(ids.has(index.logicalId(backend.node.defaultChild as lambda.CfnFunction))).toBe(false);
  });
});
