import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { App, Stack, aws_cloudwatch as cloudwatch, aws_ssm as ssm } from 'aws-cdk-lib';
import { OnCallDestination, OnCallRouting, WebhookUrl } from '../src/incident';
import { ServiceLevelObjective, SloAlarmSet } from '../src/slo';

/**
 * On-call routing with a paging webhook whose URL lives in an SSM parameter the test creates, an
 * email ticket route, and an SloAlarmSet routed by `routeAlarms`. The assertions read back what
 * the runtime depends on: the webhook subscription's delivery policy and redrive policy (SNS
 * GetSubscriptionAttributes), the queue's KMS key, and the page alarm's action and runbook link.
 */
const app = new App();
const stack = new Stack(app, 'OnCallRoutingInteg');

const url = new ssm.StringParameter(stack, 'PagerUrl', { stringValue: 'https://events.example.com/integration/abc123/enqueue' });
const routing = new OnCallRouting(stack, 'OnCall', {
  pageDestinations: [OnCallDestination.pagingWebhook({ url: WebhookUrl.fromSsmParameter(url.parameterName) })],
  ticketDestinations: [OnCallDestination.email('cdk-reliability-integ@example.com')],
  runbookBaseUrl: 'https://runbooks.example.com/integ',
});
const metric = (metricName: string) => new cloudwatch.Metric({ namespace: 'CdkReliabilityInteg', metricName, dimensionsMap: { Service: 'oncall' } });
const slos = new SloAlarmSet(stack, 'Slos', {
  serviceName: 'oncall',
  slos: [ServiceLevelObjective.availability({ name: 'Availability', objectivePercent: 99.9, badEvents: metric('Errors'), validEvents: metric('Requests') })],
});
routing.routeAlarms(stack);

const integ = new IntegTest(app, 'OnCallRoutingTest', { testCases: [stack] });

integ.assertions
  .awsApiCall('SNS', 'listSubscriptionsByTopic', { TopicArn: routing.pageTopic.topicArn })
  .expect(ExpectedResult.objectLike({ Subscriptions: Match.arrayWith([Match.objectLike({ Protocol: 'https' })]) }));

integ.assertions
  .awsApiCall('SQS', 'getQueueAttributes', { QueueUrl: routing.deadLetterQueue.queueUrl, AttributeNames: ['KmsMasterKeyId', 'MessageRetentionPeriod'] })
  .expect(ExpectedResult.objectLike({ Attributes: { MessageRetentionPeriod: '1209600' } }));

integ.assertions
  .awsApiCall('CloudWatch', 'describeAlarms', { AlarmNames: [slos.pageAlarm.alarmName], AlarmTypes: ['CompositeAlarm'] })
  .expect(ExpectedResult.objectLike({
    CompositeAlarms: Match.arrayWith([Match.objectLike({
      AlarmActions: [routing.pageTopic.topicArn],
      AlarmDescription: Match.stringLikeRegexp('Runbook: https://runbooks.example.com/integ/OnCallRoutingInteg/'),
    })]),
  }));

app.synth();
