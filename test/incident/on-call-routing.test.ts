import { App, Stack, aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as actions, aws_kms as kms } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { ENV, routedApp } from './fixtures';
import { OnCallDestination, OnCallRouting, OnCallRoutingProps, WebhookUrl } from '../../src';

describe('OnCallRouting', () => {
  let built: ReturnType<typeof routedApp>;
  let alerting: Template;
  let service: Template;
  beforeAll(() => {
    built = routedApp();
    alerting = Template.fromStack(built.alerting);
    service = Template.fromStack(built.service);
  });

  test('two KMS-encrypted topics with the routing key, a rotated retained key, TLS-only topic policies', () => {
    alerting.resourceCountIs('AWS::SNS::Topic', 2);
    for (const topic of Object.values(alerting.findResources('AWS::SNS::Topic'))) {
      expect(topic.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^OnCallKey/), 'Arn'] });
    }
    alerting.hasResource('AWS::KMS::Key', { Properties: { EnableKeyRotation: true }, DeletionPolicy: 'Retain' });
    alerting.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  test('the paging webhook URL is a Secrets Manager dynamic reference, never the URL', () => {
    const [webhook] = Object.values(alerting.findResources('AWS::SNS::Subscription', { Properties: { Protocol: 'https' } }));
    expect(JSON.stringify(webhook.Properties.Endpoint)).toMatch(/\{\{resolve:secretsmanager:.*oncall\/pagerduty-AbCdEf:SecretString:url::\}\}/);
  });

  test('one chat configuration per channel, listing every topic routed to it', () => {
    alerting.resourceCountIs('AWS::Chatbot::SlackChannelConfiguration', 1);
    const [slack] = Object.values(alerting.findResources('AWS::Chatbot::SlackChannelConfiguration'));
    expect(slack.Properties.SnsTopicArns).toEqual([{ Ref: expect.stringMatching(/^OnCallPageTopic/) }, { Ref: expect.stringMatching(/^OnCallTicketTopic/) }]);
    expect(JSON.stringify(slack.Properties.GuardrailPolicies)).toContain(':iam::aws:policy/CloudWatchReadOnlyAccess');
    alerting.hasResourceProperties('AWS::Chatbot::MicrosoftTeamsChannelConfiguration', {
      TeamId: '00000000-1111-2222-3333-444444444444',
      SnsTopicArns: [{ Ref: Match.stringLikeRegexp('^OnCallTicketTopic') }],
    });
  });

  test('routeAlarms(app) sends the SLO page alarm to pages and the ticket and failed-job alarms to tickets, across stacks', () => {
    // SloAlarmSet: page + ticket; DrVault: 3 failed-job alarms.
    expect(built.routedCount).toBe(5);
    const actionsOf = (idPrefix: string) => Object.entries({
      ...service.findResources('AWS::CloudWatch::Alarm'), ...service.findResources('AWS::CloudWatch::CompositeAlarm'),
    }).filter(([id]) => id.startsWith(idPrefix)).map(([, r]) => JSON.stringify(r.Properties.AlarmActions));
    expect(actionsOf('SlosPageAlarm')[0]).toMatch(/OnCallPageTopic/);
    expect(actionsOf('SlosTicketAlarm')[0]).toMatch(/OnCallTicketTopic/);
    expect(actionsOf('VaultBackupJobsFailed')[0]).toMatch(/OnCallTicketTopic/);
    expect(actionsOf('SlosPageAlarm')[0]).not.toMatch(/OnCallTicketTopic/);
  });

  test('routing twice adds nothing', () => {
    expect(built.routing.routeAlarms(built.app)).toBe(0);
  });

  test('the paging alarm description carries its runbook link, the ticket alarm none', () => {
    const [page] = Object.entries(service.findResources('AWS::CloudWatch::CompositeAlarm')).filter(([id]) => id.startsWith('SlosPageAlarm'));
    expect(page[1].Properties.AlarmDescription).toMatch(new RegExp(`Runbook: https://runbooks\\.example\\.com/checkout/Service/${page[0]}\\.md$`));
    const [ticket] = Object.entries(service.findResources('AWS::CloudWatch::CompositeAlarm')).filter(([id]) => id.startsWith('SlosTicketAlarm'));
    expect(ticket[1].Properties.AlarmDescription).not.toContain('Runbook:');
  });

  test('the marks are in the template, where the CLI finds the paging alarms', () => {
    const marked = Object.values(service.toJSON().Resources as Record<string, any>)
      .map((r) => r.Metadata?.['cdk-reliability:alert']).filter(Boolean).sort();
    expect(marked).toEqual(['PAGE', 'TICKET', 'TICKET', 'TICKET', 'TICKET']);
  });

  test('the dead-letter alarm fires on one visible message and notifies both routes', () => {
    alerting.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [{ Ref: Match.stringLikeRegexp('^OnCallPageTopic') }, { Ref: Match.stringLikeRegexp('^OnCallTicketTopic') }],
    });
  });

  test('routePage takes an alarm of your own; routeAlarms leaves another Region\'s alarms, routeTicket refuses one', () => {
    const app = new App({ builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'S', { env: ENV });
    const routing = new OnCallRouting(stack, 'OnCall', minimal());
    const alarm = new cloudwatch.Alarm(stack, 'Mine', { metric: new cloudwatch.Metric({ namespace: 'A', metricName: 'B' }), threshold: 1, evaluationPeriods: 1 });
    routing.routePage(alarm);
    routing.routePage(alarm);
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmActions: [{ Ref: Match.stringLikeRegexp('^OnCallPageTopic') }], MetricName: 'B' });
    const west = new Stack(app, 'West', { env: { ...ENV, region: 'us-west-2' } });
    const far = new cloudwatch.Alarm(west, 'Far', { metric: new cloudwatch.Metric({ namespace: 'A', metricName: 'B' }), threshold: 1, evaluationPeriods: 1 });
    new OnCallRouting(west, 'WestOnCall', minimal()).routeTicket(far);
    expect(routing.routeAlarms(app)).toBe(0);
    expect(() => routing.routeTicket(far)).toThrow(/routeTicket\(alarm\) must be an alarm of the routing's Region us-east-1 .*got "West\/Far in us-west-2"/);
  });

  test('an alarm that already publishes to the route\'s topic does not get it twice', () => {
    const stack = new Stack(new App({ builtinCloudFormationValidation: false }), 'S', { env: ENV });
    const routing = new OnCallRouting(stack, 'OnCall', minimal());
    const alarm = new cloudwatch.Alarm(stack, 'Mine', { metric: new cloudwatch.Metric({ namespace: 'A', metricName: 'B' }), threshold: 1, evaluationPeriods: 1 });
    alarm.addAlarmAction(new actions.SnsAction(routing.ticketTopic));
    routing.routeTicket(alarm);
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmActions: [{ Ref: Match.stringLikeRegexp('^OnCallTicketTopic') }], MetricName: 'B' });
  });

  test('an imported key: a warning names the key policy statements to add', () => {
    const stack = new Stack(new App({ builtinCloudFormationValidation: false }), 'S', { env: ENV });
    const key = kms.Key.fromKeyArn(stack, 'Key', 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    new OnCallRouting(stack, 'OnCall', { ...minimal(), encryptionKey: key });
    Annotations.fromStack(stack).hasWarning('/S/OnCall', Match.stringLikeRegexp('must allow cloudwatch.amazonaws.com and sns.amazonaws.com'));
  });

  describe('bad input gets a clear error naming the construct, the prop and the value', () => {
    const cases: Array<[string, () => Partial<OnCallRoutingProps> | undefined, RegExp]> = [
      ['no props', () => undefined, /\[S\/OnCall\] OnCallRouting 'OnCall': props must be given/],
      ['no page destination', () => ({ pageDestinations: [] }), /pageDestinations must hold at least one destination \(a page must reach a person\), got an array of 0/],
      ['a string as destination', () => ({ ticketDestinations: ['oncall@example.com' as any] }), /ticketDestinations\[0\] must be an OnCallDestination/],
      ['a bad email', () => ({ ticketDestinations: [OnCallDestination.email('oncall')] }), /ticketDestinations\[0\]\.address must be an email address .*got "oncall"/],
      ['a Slack channel id with a space', () => ({ pageDestinations: [OnCallDestination.slackChannel({ slackWorkspaceId: 'T0123', slackChannelId: 'C 1' })] }),
        /pageDestinations\[0\]\.slackChannelId must be a Slack channel id/],
      ['a Teams tenant that is no GUID', () => ({
        pageDestinations: [OnCallDestination.teamsChannel({ teamId: '00000000-1111-2222-3333-444444444444', teamsChannelId: '19%3aab%40thread.tacv2', tenantId: 'contoso' })],
      }), /pageDestinations\[0\]\.tenantId must be a Microsoft Entra tenant id \(a GUID\), got "contoso"/],
      ['a webhook without a WebhookUrl', () => ({ pageDestinations: [OnCallDestination.pagingWebhook({ url: 'https://events.pagerduty.com/x' as any })] }),
        /pageDestinations\[0\]\.url must be a WebhookUrl/],
      ['a bad SSM parameter name', () => ({ pageDestinations: [OnCallDestination.pagingWebhook({ url: WebhookUrl.fromSsmParameter('my param') })] }),
        /pageDestinations\[0\]\.url\.parameterName must be an SSM parameter name/],
      ['a retry policy over SNS\'s 3,600 s', () => ({
        pageDestinations: [OnCallDestination.pagingWebhook({ url: WebhookUrl.fromSsmParameter('/oncall/url'), retry: { numRetries: 100, numMaxDelayRetries: 90 } })],
      }), /pageDestinations\[0\]\.retry must retry for at most 3600 s in total \(an SNS limit\), but can take up to 5702 s/],
      ['more retries in the phases than in total', () => ({
        pageDestinations: [OnCallDestination.pagingWebhook({ url: WebhookUrl.fromSsmParameter('/oncall/url'), retry: { numRetries: 5 } })],
      }), /retry must have numRetries of at least numNoDelayRetries \+ numMinDelayRetries \+ numMaxDelayRetries/],
      ['an http runbook URL', () => ({ runbookBaseUrl: 'http://runbooks.example.com' }), /runbookBaseUrl must be an https:\/\/ URL .*got "http:\/\/runbooks.example.com"/],
    ];
    test.each(cases)('%s', (_name, props, message) => {
      const stack = new Stack(new App({ builtinCloudFormationValidation: false }), 'S', { env: ENV });
      const given = props();
      expect(() => new OnCallRouting(stack, 'OnCall', given === undefined ? undefined as any : { ...minimal(), ...given }))
        .toThrow(message);
    });
  });
});

function minimal(): OnCallRoutingProps {
  return {
    pageDestinations: [OnCallDestination.email('oncall@example.com')],
    ticketDestinations: [OnCallDestination.email('team@example.com')],
  };
}
