import { App, RemovalPolicy, Stack, aws_dynamodb as dynamodb, aws_iam as iam, aws_kms as kms } from 'aws-cdk-lib';

export const ACCOUNT = '111111111111';

/** A stack in a fixed Region, so cross-Region checks can run. */
export function stackIn(app: App, id: string, region = 'us-east-1'): Stack {
  return new Stack(app, id, { env: { account: ACCOUNT, region } });
}

/** The table an example service would use: CMK, PITR, deletion protection, retained. */
export function compliantTable(stack: Stack, id = 'Orders', pitr = true): dynamodb.Table {
  const key = new kms.Key(stack, `${id}Key`, { enableKeyRotation: true, removalPolicy: RemovalPolicy.RETAIN });
  // Control Tower CT.KMS.PR.3: grants only for AWS services.
  key.addToResourcePolicy(new iam.PolicyStatement({
    effect: iam.Effect.DENY,
    principals: [new iam.AnyPrincipal()],
    actions: ['kms:CreateGrant'],
    resources: ['*'],
    conditions: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
  }));
  return new dynamodb.Table(stack, id, {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
    encryptionKey: key,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: pitr },
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
}
