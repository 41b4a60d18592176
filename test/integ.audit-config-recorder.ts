import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { App, RemovalPolicy, Stack, aws_dynamodb as dynamodb } from 'aws-cdk-lib';
import { DrBackupPlan, ProtectedResource, RecoveryObjectives, RecoveryTier } from '../src/dr';

/**
 * The opt-in AWS Config recording of a DrBackupPlan's audit framework (`auditConfigRecorder`). AWS Config
 * allows one recorder per account and Region, so run it where none exists. The assertions read the
 * recorder back: it records the resource-compliance type every Backup Audit Manager control needs,
 * and the vault's access policy denies the three actions of BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED.
 */
const app = new App();
const stack = new Stack(app, 'AuditConfigRecorderInteg');

const table = new dynamodb.Table(stack, 'Orders', {
  partitionKey: { name: 'orderId', type: dynamodb.AttributeType.STRING },
  billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
  pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
  removalPolicy: RemovalPolicy.DESTROY,
});

const plan = new DrBackupPlan(stack, 'OrdersBackup', {
  objectives: RecoveryObjectives.tier(RecoveryTier.STANDARD),
  resources: [ProtectedResource.dynamoDbTable(table)],
  auditConfigRecorder: true,
  removalPolicy: RemovalPolicy.DESTROY,
});

const integ = new IntegTest(app, 'AuditConfigRecorderTest', { testCases: [stack] });
integ.assertions
  .awsApiCall('ConfigService', 'describeConfigurationRecorders', {
    ConfigurationRecorderNames: [plan.configRecorder!.recorder.ref],
  })
  .expect(ExpectedResult.objectLike({
    ConfigurationRecorders: [Match.objectLike({
      recordingGroup: Match.objectLike({ resourceTypes: Match.arrayWith(['AWS::Config::ResourceCompliance']) }),
    })],
  }));
integ.assertions
  .awsApiCall('Backup', 'getBackupVaultAccessPolicy', { BackupVaultName: plan.vault.vaultName })
  .assertAtPath('Policy', ExpectedResult.stringLikeRegexp('backup:PutBackupVaultAccessPolicy'));
