import { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { NagMessageLevel, rules } from 'cdk-nag';
import { asyncInvokedFunctions, invokeConfigsOf } from '../helpers/lambda-invokers';
import { field, resolve } from '../resolve';
import { nagVerdict, ReliabilityRule, Unresolved, verdict, Verdict } from '../rule';

/**
 * Lambda functions invoked asynchronously have an on-failure destination (EventInvokeConfig) or a
 * dead-letter queue (cdk-nag's LambdaDLQ). The rule only applies where the stack shows an
 * asynchronous invocation: an EventInvokeConfig, a Permission for S3, SNS, EventBridge, SES, IoT,
 * CloudWatch Logs, CodeCommit or Config, an SNS `lambda` subscription or an EventBridge rule target.
 * Synchronously invoked functions (API Gateway, ALB, custom resources) and functions fed by event
 * source mappings (see LambdaStreamFailureDestination) are not applicable: requiring a DLQ there
 * would only add unused queues. Unresolvable: UNKNOWN.
 */
export const LambdaAsyncFailureDestination: ReliabilityRule = {
  name: 'LambdaAsyncFailureDestination',
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::Lambda::Function'],
  bestPractice: 'REL05-BP04',
  info: 'The asynchronously invoked Lambda function has neither an on-failure destination nor a dead-letter queue.',
  explanation: 'Lambda retries a failed asynchronous event twice and then drops it: without a destination the event is lost without a trace.',
  fix: 'Set `onFailure: new SqsDestination(queue)` (or `deadLetterQueueEnabled: true`) on the Function.',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node, index) => {
    if (!(node instanceof CfnFunction)) return Verdict.NOT_APPLICABLE;
    const functionId = index.logicalId(node);
    if (!asyncInvokedFunctions(index).has(functionId)) return Verdict.NOT_APPLICABLE;
    if (nagVerdict(rules.lambda.LambdaDLQ, node) === Verdict.COMPLIANT) return Verdict.COMPLIANT;
    return verdict(invokeConfigsOf(index, functionId).some((config) =>
      field(field(resolve(config, config.destinationConfig), 'onFailure'), 'destination') !== undefined));
  },
};
