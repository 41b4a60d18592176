import { CfnEventSourceMapping } from 'aws-cdk-lib/aws-lambda';
import { NagMessageLevel } from 'cdk-nag';
import { field, isIntrinsic, refsIn, resolve, UnresolvableValue } from '../resolve';
import { ReliabilityRule, Unresolved, verdict, Verdict } from '../rule';
import { StackIndex } from '../stack-index';

const STREAM_TYPES = ['AWS::Kinesis::Stream', 'AWS::Kinesis::StreamConsumer', 'AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'AWS::MSK::Cluster'];

/**
 * Event source mappings that read a stream (Kinesis, DynamoDB Streams, Kafka) have an on-failure
 * destination. SQS sources are not applicable (the queue's own redrive policy handles failures, see
 * SQSQueueDLQ), nor are MQ and DocumentDB sources. Unresolvable (a source that is neither a resource
 * of the stack nor an ARN naming its service): UNKNOWN.
 */
export const LambdaStreamFailureDestination: ReliabilityRule = {
  name: 'LambdaStreamFailureDestination',
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::Lambda::EventSourceMapping'],
  bestPractice: 'REL05-BP04',
  info: 'The stream event source mapping has no on-failure destination.',
  explanation: 'A record the function keeps failing on blocks its shard until the record expires, then is dropped; a failure destination (with bounded retries) keeps the shard moving and the record recoverable.',
  fix: 'Set `onFailure: new SqsDlq(queue)` with `retryAttempts` and `bisectBatchOnError: true` on the Kinesis / DynamoDB event source.',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node, index) => {
    if (!(node instanceof CfnEventSourceMapping) || !readsStream(node, index)) return Verdict.NOT_APPLICABLE;
    const destination = field(field(resolve(node, node.destinationConfig), 'onFailure'), 'destination');
    return verdict(destination !== undefined);
  },
};

function readsStream(node: CfnEventSourceMapping, index: StackIndex): boolean {
  const source = resolve(node, node.eventSourceArn);
  if (source === undefined) return resolve(node, node.selfManagedEventSource) !== undefined;
  for (const id of refsIn(source)) {
    if (index.resource(id, 'AWS::SQS::Queue')) return false;
    if (STREAM_TYPES.some((type) => index.resource(id, type))) return true;
  }
  const text = JSON.stringify(source);
  if (/:(kinesis|dynamodb|kafka):/.test(text)) return true;
  if (/:(sqs|mq|rds):/.test(text)) return false;
  if (isIntrinsic(source) || typeof source !== 'string') throw new UnresolvableValue('EventSourceArn');
  throw new UnresolvableValue('the service of EventSourceArn');
}
