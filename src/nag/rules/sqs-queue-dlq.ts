import { CfnRule } from 'aws-cdk-lib/aws-events';
import { CfnEventInvokeConfig, CfnEventSourceMapping } from 'aws-cdk-lib/aws-lambda';
import { CfnSubscription } from 'aws-cdk-lib/aws-sns';
import { CfnQueue } from 'aws-cdk-lib/aws-sqs';
import { NagMessageLevel, rules } from 'cdk-nag';
import { field, known, refsIn, resolve } from '../resolve';
import { nagVerdict, ReliabilityRule, Unresolved, verdict, Verdict } from '../rule';
import { StackIndex } from '../stack-index';

/**
 * SQS queues redrive to a dead-letter queue, unless they are themselves a dead-letter or failure
 * target in the stack: cdk-nag's SQSQueueDLQ (DLQ of another queue or of a Lambda function),
 * extended to SNS subscription redrive policies, EventBridge target dead-letter configs, Lambda
 * on-failure destinations and event source mapping failure destinations.
 * Unresolvable (a redrive policy without a resolvable target): UNKNOWN.
 */
export const SQSQueueDLQ: ReliabilityRule = {
  name: 'SQSQueueDLQ',
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::SQS::Queue'],
  bestPractice: 'REL05-BP04',
  info: 'The SQS queue has no redrive policy to a dead-letter queue (and is not one itself).',
  explanation: 'A message its consumer can never process (a poison message) is retried until its retention period ends and is then silently deleted; a dead-letter queue keeps it for inspection and redrive.',
  fix: 'Set `deadLetterQueue: { queue: dlq, maxReceiveCount: 5 }` on the Queue.',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node, index) => {
    if (!(node instanceof CfnQueue)) return Verdict.NOT_APPLICABLE;
    const redrive = known(node, node.redrivePolicy, 'RedrivePolicy');
    if (redrive !== undefined) {
      return verdict(field(redrive, 'deadLetterTargetArn') !== undefined);
    }
    if (nagVerdict(rules.sqs.SQSQueueDLQ, node) === Verdict.COMPLIANT) return Verdict.COMPLIANT;
    return verdict(failureTargets(index).has(index.logicalId(node)));
  },
};

/** Logical ids used as a dead-letter or on-failure target by SNS, EventBridge and Lambda resources of the stack. */
function failureTargets(index: StackIndex): Set<string> {
  return index.memo('sqs-failure-targets', () => {
    const targets = new Set<string>();
    for (const subscription of index.resources('AWS::SNS::Subscription') as CfnSubscription[]) {
      refsIn(resolve(subscription, subscription.redrivePolicy), targets);
    }
    for (const rule of index.resources('AWS::Events::Rule') as CfnRule[]) {
      const eventTargets = resolve(rule, rule.targets);
      if (Array.isArray(eventTargets)) {
        for (const target of eventTargets) refsIn(field(target, 'deadLetterConfig'), targets);
      }
    }
    for (const config of index.resources('AWS::Lambda::EventInvokeConfig') as CfnEventInvokeConfig[]) {
      refsIn(field(field(resolve(config, config.destinationConfig), 'onFailure'), 'destination'), targets);
    }
    for (const mapping of index.resources('AWS::Lambda::EventSourceMapping') as CfnEventSourceMapping[]) {
      refsIn(field(field(resolve(mapping, mapping.destinationConfig), 'onFailure'), 'destination'), targets);
    }
    return targets;
  });
}
