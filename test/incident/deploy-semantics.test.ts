import { Template } from 'aws-cdk-lib/assertions';
import { routedApp } from './fixtures';
import { MAX_RETRIES, MAX_TOTAL_RETRY_SECONDS, worstCaseRetrySeconds } from '../../src/incident/delivery-retry';

/**
 * The runtime paths of on-call routing, each read from the template the way the service reads it.
 * Sources are cited by page title (docs/deploy-semantics.md has the links).
 */
describe('on-call routing deploy semantics', () => {
  let template: Template;
  let resources: Record<string, any>;
  const byPrefix = (type: string, prefix: string) => Object.entries(template.findResources(type)).find(([id]) => id.startsWith(prefix))!;
  beforeAll(() => {
    template = Template.fromStack(routedApp().alerting);
    resources = template.toJSON().Resources;
  });

  // Amazon SNS Developer Guide, "Key management" (Enable compatibility between event sources from AWS services and
  // encrypted topics): CloudWatch publishes to a topic encrypted with a customer-managed key only when the key policy
  // lets cloudwatch.amazonaws.com use kms:Decrypt and kms:GenerateDataKey*, and the topic policy lets it sns:Publish.
  test('SNS key management: CloudWatch alarms may use the topic key and publish to both topics (this account only)', () => {
    const [, key] = byPrefix('AWS::KMS::Key', 'OnCallKey');
    expect(key.Properties.KeyPolicy.Statement).toEqual(expect.arrayContaining([
      expect.objectContaining({ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] }),
    ]));
    for (const prefix of ['OnCallPageTopicPolicy', 'OnCallTicketTopicPolicy']) {
      const [, policy] = byPrefix('AWS::SNS::TopicPolicy', prefix);
      expect(policy.Properties.PolicyDocument.Statement).toEqual(expect.arrayContaining([expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: 'sns:Publish',
        Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } },
      })]));
    }
  });

  // Amazon SNS Developer Guide, "Amazon SNS message delivery retries": only HTTP/S subscriptions take a custom delivery
  // policy; the total retry time cannot exceed 3,600 s and numRetries 100. Our worst case bounds SNS's own total.
  test('SNS delivery retries: the paging webhook is HTTPS with a retry policy inside SNS\'s limits', () => {
    const [, webhook] = Object.entries(template.findResources('AWS::SNS::Subscription', { Properties: { Protocol: 'https' } }))[0];
    const retry = webhook.Properties.DeliveryPolicy.healthyRetryPolicy;
    expect(retry.numRetries).toBeLessThanOrEqual(MAX_RETRIES);
    const worst = worstCaseRetrySeconds({
      numRetries: retry.numRetries,
      numNoDelayRetries: retry.numNoDelayRetries,
      numMinDelayRetries: retry.numMinDelayRetries,
      numMaxDelayRetries: retry.numMaxDelayRetries,
      minDelaySeconds: retry.minDelayTarget,
      maxDelaySeconds: retry.maxDelayTarget,
    });
    expect(worst).toBeLessThanOrEqual(MAX_TOTAL_RETRY_SECONDS);
    expect(worst).toBe(1082);
  });

  // Amazon SNS Developer Guide, "Amazon SNS dead-letter queues": the DLQ is an SQS queue of the subscription's account
  // and Region, set in the subscription's RedrivePolicy; the queue policy must let sns.amazonaws.com send from the topic;
  // an encrypted DLQ needs a customer-managed key whose policy lets the SNS service principal use it.
  test('SNS dead-letter queues: every subscription redrives to the queue, which SNS may write and whose key SNS may use', () => {
    const [queueId] = byPrefix('AWS::SQS::Queue', 'OnCallDeadLetterQueue');
    const subscriptions = Object.values(template.findResources('AWS::SNS::Subscription'));
    expect(subscriptions.length).toBe(2);
    for (const sub of subscriptions) {
      expect(sub.Properties.RedrivePolicy).toEqual({ deadLetterTargetArn: { 'Fn::GetAtt': [queueId, 'Arn'] } });
      const topic = sub.Properties.TopicArn.Ref;
      const [, queuePolicy] = byPrefix('AWS::SQS::QueuePolicy', 'OnCallDeadLetterQueuePolicy');
      expect(queuePolicy.Properties.PolicyDocument.Statement).toEqual(expect.arrayContaining([expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'sns.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Condition: { ArnEquals: { 'aws:SourceArn': { Ref: topic } } },
      })]));
    }
    const [, queue] = byPrefix('AWS::SQS::Queue', 'OnCallDeadLetterQueue');
    const [keyId, key] = byPrefix('AWS::KMS::Key', 'OnCallKey');
    expect(queue.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    expect(key.Properties.KeyPolicy.Statement).toEqual(expect.arrayContaining([
      expect.objectContaining({ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] }),
    ]));
    // The DLQ lives with the subscriptions (same stack: same account and Region).
    expect(Object.keys(resources)).toEqual(expect.arrayContaining([queueId]));
  });

  // AWS Chatbot API Reference, SlackChannelConfiguration (SnsTopicArns, IamRoleArn): the configuration lists the topics
  // it receives and names a role the service assumes; Amazon SNS decrypts a message before it delivers it to an
  // endpoint (SNS Developer Guide, "Encryption at rest"), so the chat service needs no permission on the topic key.
  test('Chatbot SnsTopicArns: the chat channels receive the topics; their role trusts chatbot.amazonaws.com and holds nothing', () => {
    const [, slack] = byPrefix('AWS::Chatbot::SlackChannelConfiguration', 'OnCallChatChannel');
    const roleId = slack.Properties.IamRoleArn['Fn::GetAtt'][0];
    expect(resources[roleId].Properties.AssumeRolePolicyDocument.Statement).toEqual([
      expect.objectContaining({ Effect: 'Allow', Principal: { Service: 'chatbot.amazonaws.com' }, Action: 'sts:AssumeRole' }),
    ]);
    expect(resources[roleId].Properties.Policies).toBeUndefined();
    expect(resources[roleId].Properties.ManagedPolicyArns).toBeUndefined();
    const [, key] = byPrefix('AWS::KMS::Key', 'OnCallKey');
    expect(JSON.stringify(key.Properties.KeyPolicy)).not.toContain('chatbot.amazonaws.com');
  });

  // AWS CloudFormation User Guide, "Get a secret or secret value from Secrets Manager": a secretsmanager dynamic
  // reference can be used in all resource properties; CloudFormation resolves it at deploy time and does not log it.
  test('CloudFormation secretsmanager dynamic reference: the subscription endpoint holds the reference, the template no URL', () => {
    const [, webhook] = Object.entries(template.findResources('AWS::SNS::Subscription', { Properties: { Protocol: 'https' } }))[0];
    const endpoint = JSON.stringify(webhook.Properties.Endpoint);
    expect(endpoint).toContain('{{resolve:secretsmanager:');
    expect(JSON.stringify(resources)).not.toMatch(/https:\/\/events\.|hooks\./);
  });
});
