import { RemovalPolicy, Stack, StackProps, aws_iam as iam, aws_kms as kms, aws_sns as sns } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/**
 * Where the example's pages and tickets go: SNS topics encrypted with a customer-managed
 * key and reachable over TLS only.
 */
export class AlertingStack extends Stack {
  public readonly pageTopic: sns.ITopic;
  public readonly ticketTopic: sns.ITopic;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const key = new kms.Key(this, 'AlertsKey', {
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
      description: 'Encrypts the page and ticket topics',
    });
    // Control Tower CT.KMS.PR.3: grants on this key may only be created for AWS services.
    key.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'DenyGrantsToNonAwsServices',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['kms:CreateGrant'],
      resources: ['*'],
      conditions: {
        BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' },
      },
    }));
    // CloudWatch alarms publish to the topics, so the service principal may use the key.
    key.grant(new iam.ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.pageTopic = new sns.Topic(this, 'PageTopic', { masterKey: key, enforceSSL: true, displayName: 'Pages' });
    this.ticketTopic = new sns.Topic(this, 'TicketTopic', { masterKey: key, enforceSSL: true, displayName: 'Tickets' });
  }
}
