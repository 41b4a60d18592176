import { App, Stack, aws_chatbot as chatbot, aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as actions, aws_sns as sns } from 'aws-cdk-lib';
import { ReliabilityChecks } from '../../../src/nag';
import { newStack, TestType, validateStack } from '../utils';

const RULE = 'AlarmTopicSubscriber';

function alarm(stack: Stack, id = 'Alarm'): cloudwatch.Alarm {
  return new cloudwatch.Alarm(stack, id, {
    metric: new cloudwatch.Metric({ namespace: 'Shop', metricName: 'Errors' }),
    threshold: 1,
    evaluationPeriods: 1,
  });
}

describe(RULE, () => {
  test('compliant: the topic has an email subscription', () => {
    const stack = newStack();
    const topic = new sns.Topic(stack, 'Topic');
    new sns.Subscription(stack, 'Sub', { topic, protocol: sns.SubscriptionProtocol.EMAIL, endpoint: 'oncall@example.com' });
    alarm(stack).addAlarmAction(new actions.SnsAction(topic));
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('compliant: a Slack channel configuration lists the topic (the service subscribes itself)', () => {
    const stack = newStack();
    const topic = new sns.Topic(stack, 'Topic');
    new chatbot.CfnSlackChannelConfiguration(stack, 'Slack', {
      configurationName: 'pages',
      iamRoleArn: 'arn:aws:iam::111111111111:role/chat',
      slackChannelId: 'C0123ABCD',
      slackWorkspaceId: 'T0123ABCD',
      snsTopicArns: [topic.topicArn],
    });
    alarm(stack).addAlarmAction(new actions.SnsAction(topic));
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('compliant: a topic imported by ARN is outside the app and not judged', () => {
    const stack = newStack();
    alarm(stack).addAlarmAction(new actions.SnsAction(sns.Topic.fromTopicArn(stack, 'Topic', 'arn:aws:sns:us-east-1:111111111111:pages')));
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: the page topic has no subscriber (a page into the void)', () => {
    const stack = newStack();
    alarm(stack).addAlarmAction(new actions.SnsAction(new sns.Topic(stack, 'Topic')));
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Alarm/Resource');
  });

  test('non-compliant: a composite alarm, one of whose two topics has no subscriber', () => {
    const stack = newStack();
    const heard = new sns.Topic(stack, 'Heard');
    heard.addSubscription({ bind: () => ({ subscriberId: 'Mail', protocol: sns.SubscriptionProtocol.EMAIL, endpoint: 'a@example.com' }) });
    const composite = new cloudwatch.CompositeAlarm(stack, 'Composite', { alarmRule: cloudwatch.AlarmRule.anyOf(alarm(stack)) });
    composite.addAlarmAction(new actions.SnsAction(heard), new actions.SnsAction(new sns.Topic(stack, 'Void')));
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Composite/Resource');
  });

  test('across stacks: the subscription in the topic\'s stack counts, its absence is found', () => {
    const app = new App({ builtinCloudFormationValidation: false });
    const env = { account: '111111111111', region: 'us-east-1' };
    const alerting = new Stack(app, 'Alerting', { env });
    const heard = new sns.Topic(alerting, 'Heard');
    new sns.Subscription(alerting, 'Sub', { topic: heard, protocol: sns.SubscriptionProtocol.EMAIL, endpoint: 'oncall@example.com' });
    const unheard = new sns.Topic(alerting, 'Unheard');
    const service = new Stack(app, 'Service', { env });
    alarm(service, 'Heard').addAlarmAction(new actions.SnsAction(heard));
    alarm(service, 'Unheard').addAlarmAction(new actions.SnsAction(unheard));
    app.synth();
    const report = new ReliabilityChecks().validateScope(app);
    const paths = report.violations.filter((v) => v.ruleName === `Reliability-${RULE}`)
      .flatMap((v) => v.violatingResources.map((r) => r.constructPath));
    expect(paths).toEqual(['Service/Unheard/Resource']);
  });
});
