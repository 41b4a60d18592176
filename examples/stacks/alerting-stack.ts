import { Stack, StackProps, aws_secretsmanager as secretsmanager, aws_sns as sns } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { customerManagedKey } from './customer-managed-key';
import { OnCallDestination, OnCallRouting, WebhookUrl } from '../../src';

/** The example's PagerDuty Events API URL, kept in Secrets Manager (a fixed ARN keeps the templates deterministic). */
export const EXAMPLE_PAGER_SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:111111111111:secret:oncall/checkout-pagerduty-AbCdEf';
/** Where the example's runbooks are published (`cdk-reliability runbook` writes them). */
export const EXAMPLE_RUNBOOK_BASE_URL = 'https://runbooks.example.com/checkout';

/**
 * The example's on-call routes: pages go to the paging service (webhook URL from Secrets Manager) and the
 * team's Slack channel; tickets go to the team's queue (the ticketing system's inbound address) and the same
 * channel. Every page and ticket alarm of the app is attached by `routing.routeAlarms(...)` in example-app.ts.
 */
export class AlertingStack extends Stack {
  public readonly routing: OnCallRouting;
  public readonly pageTopic: sns.ITopic;
  public readonly ticketTopic: sns.ITopic;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const pager = secretsmanager.Secret.fromSecretCompleteArn(this, 'PagerSecret', EXAMPLE_PAGER_SECRET_ARN);
    const teamChannel = OnCallDestination.slackChannel({ slackWorkspaceId: 'T0EXAMPLE1', slackChannelId: 'C0CHECKOUT' });
    this.routing = new OnCallRouting(this, 'OnCall', {
      pageDestinations: [OnCallDestination.pagingWebhook({ url: WebhookUrl.fromSecretsManager(pager, 'eventsUrl') }), teamChannel],
      ticketDestinations: [OnCallDestination.email('checkout-queue@tickets.example.com'), teamChannel],
      runbookBaseUrl: EXAMPLE_RUNBOOK_BASE_URL,
      encryptionKey: customerManagedKey(this, 'AlertsKey', 'Encrypts the page and ticket topics and their dead-letter queue'),
    });
    this.pageTopic = this.routing.pageTopic;
    this.ticketTopic = this.routing.ticketTopic;
  }
}

/**
 * The recovery Region's routes: an alarm action must be a topic of the alarm's Region, so the recovery
 * vault's failed-job alarms need routes there too (email destinations: the paging service's email
 * integration and the team's queue).
 */
export function recoveryRegionRouting(scope: Construct): OnCallRouting {
  return new OnCallRouting(scope, 'OnCall', {
    pageDestinations: [OnCallDestination.email('checkout-oncall@pager.example.com')],
    ticketDestinations: [OnCallDestination.email('checkout-queue@tickets.example.com')],
    runbookBaseUrl: EXAMPLE_RUNBOOK_BASE_URL,
    encryptionKey: customerManagedKey(scope, 'AlertsKey', 'Encrypts the recovery Region\'s page and ticket topics'),
  });
}
