import { App, Stack, aws_cloudwatch as cloudwatch, aws_secretsmanager as secretsmanager } from 'aws-cdk-lib';
import { DrVault, OnCallDestination, OnCallRouting, ServiceLevelObjective, SloAlarmSet, WebhookUrl } from '../../src';

export const ENV = { account: '111111111111', region: 'us-east-1' };
export const PAGER_SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:111111111111:secret:oncall/pagerduty-AbCdEf';

/**
 * An app with the routing in an Alerting stack and, in a Service stack, an SloAlarmSet and a DrVault whose
 * alarms were created without actions; `routeAlarms(app)` attaches them. Built once per test file.
 */
export function routedApp() {
  const app = new App({ builtinCloudFormationValidation: false });
  const alerting = new Stack(app, 'Alerting', { env: ENV });
  const secret = secretsmanager.Secret.fromSecretCompleteArn(alerting, 'PagerSecret', PAGER_SECRET_ARN);
  const routing = new OnCallRouting(alerting, 'OnCall', {
    pageDestinations: [
      OnCallDestination.pagingWebhook({ url: WebhookUrl.fromSecretsManager(secret, 'url') }),
      OnCallDestination.slackChannel({ slackWorkspaceId: 'T0123ABCD', slackChannelId: 'C0123ABCD' }),
    ],
    ticketDestinations: [
      OnCallDestination.email('checkout-team@example.com'),
      OnCallDestination.slackChannel({ slackWorkspaceId: 'T0123ABCD', slackChannelId: 'C0123ABCD' }),
      OnCallDestination.teamsChannel({
        teamId: '00000000-1111-2222-3333-444444444444',
        teamsChannelId: '19%3ab6ef35dc342d4%40thread.tacv2',
        tenantId: '55555555-6666-7777-8888-999999999999',
      }),
    ],
    runbookBaseUrl: 'https://runbooks.example.com/checkout/',
  });
  const service = new Stack(app, 'Service', { env: ENV });
  const slos = new SloAlarmSet(service, 'Slos', {
    serviceName: 'checkout',
    slos: [ServiceLevelObjective.availability({
      name: 'Availability',
      objectivePercent: 99.9,
      badEvents: new cloudwatch.Metric({ namespace: 'Shop', metricName: 'Errors' }),
      validEvents: new cloudwatch.Metric({ namespace: 'Shop', metricName: 'Requests' }),
    })],
  });
  const vault = new DrVault(service, 'Vault');
  const routedCount = routing.routeAlarms(app);
  return { app, alerting, service, routing, slos, vault, routedCount };
}
