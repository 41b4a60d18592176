import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, RemovalPolicy, Stack, aws_dynamodb as dynamodb } from 'aws-cdk-lib';
import { DrBackupPlan, ProtectedResource, RecoveryObjectives, RecoveryTier, VaultLockMode } from '../src/dr';

/**
 * A DynamoDB table with PITR protected at the critical tier: hourly, daily, weekly and monthly rules,
 * a locked vault, alarms, restore tests, an audit framework and a resiliency policy. The lock is in
 * governance mode and everything is destroyable so the test can clean up after itself. The assertion
 * reads the vault back from AWS Backup and checks that it is locked at the derived minimum retention.
 */
const app = new App();
const stack = new Stack(app, 'DrBackupPlanInteg');

const table = new dynamodb.Table(stack, 'Orders', {
  partitionKey: { name: 'orderId', type: dynamodb.AttributeType.STRING },
  billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
  pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
  removalPolicy: RemovalPolicy.DESTROY,
});

const plan = new DrBackupPlan(stack, 'OrdersBackup', {
  objectives: RecoveryObjectives.tier(RecoveryTier.CRITICAL),
  // The integ test deploys the backup mechanics in one Region; a Regional recovery is integ.multi-region-recovery's.
  unmetRtoAcknowledgement: 'Integration test of the backup plan alone, deployed in one Region and destroyed after',
  resources: [ProtectedResource.dynamoDbTable(table)],
  vaultLock: { mode: VaultLockMode.GOVERNANCE },
  removalPolicy: RemovalPolicy.DESTROY,
});

const integ = new IntegTest(app, 'DrBackupPlanTest', { testCases: [stack] });
integ.assertions
  .awsApiCall('Backup', 'describeBackupVault', { BackupVaultName: plan.vault.vaultName })
  .expect(ExpectedResult.objectLike({ Locked: true, MinRetentionDays: 7 }));
