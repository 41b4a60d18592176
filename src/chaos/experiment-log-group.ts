import { RemovalPolicy, Stack, aws_iam as iam, aws_kms as kms, aws_logs as logs } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { denyGrantsToNonAwsServices } from '../common/kms-grant-guard';

/**
 * The default home of the experiment log: a log group encrypted with its own customer-managed
 * key (rotated), both retained, because the log is the audit trail of what a chaos run did.
 */
export function createExperimentLogGroup(scope: Construct, retention: logs.RetentionDays): logs.LogGroup {
  const key = new kms.Key(scope, 'LogKey', {
    enableKeyRotation: true,
    removalPolicy: RemovalPolicy.RETAIN,
    description: `Encrypts the FIS experiment log of ${scope.node.path}`,
  });
  denyGrantsToNonAwsServices(key);
  // CloudWatch Logs encrypts the group's data with the key, and only for log groups of this account.
  const stack = Stack.of(scope);
  key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'AllowCloudWatchLogs',
    principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
    actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
    resources: ['*'],
    conditions: {
      ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${stack.partition}:logs:${stack.region}:${stack.account}:log-group:*` },
    },
  }));
  return new logs.LogGroup(scope, 'LogGroup', {
    encryptionKey: key,
    retention,
    removalPolicy: RemovalPolicy.RETAIN,
  });
}
