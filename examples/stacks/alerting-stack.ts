import { RemovalPolicy, Stack, StackProps, aws_iam as iam, aws_kms as kms, aws_sns as sns } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { customerManagedKey } from './customer-managed-key';

/**
 * Where the example's pages and tickets go: SNS topics encrypted with a customer-managed
 * key and reachable over TLS only.
 */
export class AlertingStack extends Stack {
  public readonly pageTopic: sns.ITopic;
  public readonly ticketTopic: sns.ITopic;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const key = customerManagedKey(this, 'AlertsKey', 'Encrypts the page and ticket topics');
    // CloudWatch alarms publish to the topics, so the service principal may use the key.
    key.grant(new iam.ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.pageTopic = new sns.Topic(this, 'PageTopic', { masterKey: key, enforceSSL: true, displayName: 'Pages' });
    this.ticketTopic = new sns.Topic(this, 'TicketTopic', { masterKey: key, enforceSSL: true, displayName: 'Tickets' });
  }
}
