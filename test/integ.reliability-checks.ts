import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import {
  App, Duration, RemovalPolicy, Stack, Validations, aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as actions,
  aws_s3 as s3, aws_sns as sns, aws_sqs as sqs,
} from 'aws-cdk-lib';
import { ReliabilityChecks } from '../src/nag';

/**
 * A small stack that passes the ReliabilityChecks pack: a versioned bucket, a queue that redrives to
 * a dead-letter queue (which is exempt as a DLQ target), and an alarm on the dead-letter queue with
 * an SNS action whose topic has a subscriber. The pack is registered on the app, so the synth itself fails if any of it regresses.
 * The assertions read the deployed configuration back: bucket versioning and the queue's redrive policy.
 */
const app = new App();
Validations.of(app).addPlugins(new ReliabilityChecks(app));
const stack = new Stack(app, 'ReliabilityChecksInteg');

const bucket = new s3.Bucket(stack, 'Data', {
  versioned: true,
  lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
  enforceSSL: true,
  removalPolicy: RemovalPolicy.DESTROY,
});

const deadLetters = new sqs.Queue(stack, 'OrdersDlq', { retentionPeriod: Duration.days(14), enforceSSL: true });
const orders = new sqs.Queue(stack, 'Orders', { deadLetterQueue: { queue: deadLetters, maxReceiveCount: 5 }, enforceSSL: true });

const topic = new sns.Topic(stack, 'Alerts', { enforceSSL: true });
// Someone hears the alarm (Reliability-AlarmTopicSubscriber).
new sns.Subscription(stack, 'OnCall', { topic, protocol: sns.SubscriptionProtocol.EMAIL, endpoint: 'cdk-reliability-integ@example.com' });
new cloudwatch.Alarm(stack, 'DeadLettersWaiting', {
  metric: deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
  threshold: 1,
  evaluationPeriods: 1,
  comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
  treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
}).addAlarmAction(new actions.SnsAction(topic));

const integ = new IntegTest(app, 'ReliabilityChecksTest', { testCases: [stack] });

integ.assertions
  .awsApiCall('S3', 'getBucketVersioning', { Bucket: bucket.bucketName })
  .expect(ExpectedResult.objectLike({ Status: 'Enabled' }));

integ.assertions
  .awsApiCall('SQS', 'getQueueAttributes', { QueueUrl: orders.queueUrl, AttributeNames: ['RedrivePolicy'] })
  .expect(ExpectedResult.objectLike({
    Attributes: { RedrivePolicy: Match.stringLikeRegexp('"maxReceiveCount":5') },
  }));
