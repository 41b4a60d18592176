import { App, RemovalPolicy, Stack, aws_dynamodb as dynamodb, aws_kms as kms } from 'aws-cdk-lib';
import { denyGrantsToNonAwsServices } from '../../src/common/kms-grant-guard';

export const ACCOUNT = '111111111111';

/** A stack in a fixed Region, so cross-Region checks can run. */
export function stackIn(app: App, id: string, region = 'us-east-1'): Stack {
  return new Stack(app, id, { env: { account: ACCOUNT, region } });
}

/** The table an example service would use: CMK, PITR, deletion protection, retained. */
export function compliantTable(stack: Stack, id = 'Orders', pitr = true): dynamodb.Table {
  const key = new kms.Key(stack, `${id}Key`, { enableKeyRotation: true, removalPolicy: RemovalPolicy.RETAIN });
  denyGrantsToNonAwsServices(key);
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

/**
 * The acknowledgement tests of backup mechanics give when they declare the critical tier without a standby:
 * backup and restore cannot meet its one-hour RTO after the loss of a Region (test/dr/recovery-strategy.test.ts).
 */
export const BACKUP_ONLY_ACK = 'Test of the backup mechanics alone; Regional recovery is covered by MultiRegionRecovery tests';
