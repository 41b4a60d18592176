import { Validations, aws_sqs as sqs } from 'aws-cdk-lib';

/** The rules that want every queue to have a dead-letter queue, which a dead-letter queue cannot usefully have. */
const DLQ_RULES = ['Serverless-SQSRedrivePolicy', 'AwsSolutions-SQS3', 'cdk-validator-cfnguard::sqs_dlq_check'];

/**
 * Acknowledges those rules on a queue that is itself a dead-letter queue of something the rules do not
 * recognize as a source (a Lambda hook, SNS subscriptions): a dead-letter queue of a dead-letter queue
 * has nothing to catch. `reason` names whose dead-letter queue it is, so a reviewer can check it.
 */
export function acknowledgeDeadLetterQueue(queue: sqs.IQueue, reason: string): void {
  for (const rule of DLQ_RULES) Validations.of(queue).acknowledge({ id: rule, reason });
}
