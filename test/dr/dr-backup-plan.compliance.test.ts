import { Duration, Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { BACKUP_ONLY_ACK, compliantTable, stackIn } from './helpers';
import { formatFindings } from '../../examples/compliance/findings';
import { synthWithCompliance } from '../../examples/compliance/synth';
import { CopyTarget, DrBackupPlan, DrVault, ProtectedResource, ProtectedResourceType, RecoveryObjectives, RecoveryTier } from '../../src/dr';
import { OnCallDestination, OnCallRouting } from '../../src/incident';
import { ReliabilityChecks } from '../../src/nag';

/** The stack's on-call ticket route, to an email queue. */
function ticketRoute(scope: Construct) {
  return new OnCallRouting(scope, 'OnCall', {
    pageDestinations: [OnCallDestination.email('oncall@pager.example.com')],
    ticketDestinations: [OnCallDestination.email('team-queue@tickets.example.com')],
  }).ticketTopic;
}

describe('DrBackupPlan compliance', () => {
  test('a critical DynamoDB plan, its recovery vault and an air-gapped vault: zero unacknowledged findings under every pack', () => {
    const result = synthWithCompliance((app) => {
      Validations.of(app).addPlugins(new ReliabilityChecks(app));
      const dr = stackIn(app, 'DrRegion', 'us-west-2');
      // Vault events and failed-job alarms reach a person: each Region's ticket route (an unsubscribed topic is a finding).
      const drTickets = ticketRoute(dr);
      const drVault = new DrVault(dr, 'DrVault', { notificationTopic: drTickets });
      new DrVault(dr, 'AirGapped', { airGapped: true, notificationTopic: drTickets });
      const stack = stackIn(app, 'Main');
      new DrBackupPlan(stack, 'Dr', {
        notificationTopic: ticketRoute(stack),
        objectives: RecoveryObjectives.tier(RecoveryTier.CRITICAL),
        unmetRtoAcknowledgement: BACKUP_ONLY_ACK,
        resources: [
          ProtectedResource.dynamoDbTable(compliantTable(stack)),
          ProtectedResource.fromArn('arn:aws:s3:::orders-archive', ProtectedResourceType.S3),
        ],
        copyTo: CopyTarget.vault(drVault),
        copyRetention: Duration.days(365),
        copyMoveToColdStorageAfter: Duration.days(30),
      });
    });
    expect(formatFindings(result.findings)).toBe('');
    // The only acknowledgements: the AWS-managed backup / restore policies of the backup role, and the unmet
    // Region RTO of the policy, which carries the plan's unmetRtoAcknowledgement.
    expect(result.acknowledgements.filter((a) => a.constructPath.startsWith('Main/Dr')).map((a) => a.rule).sort()).toEqual([
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup]',
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AWSBackupServiceRolePolicyForS3Restore]',
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores]',
      'Reliability-ResiliencyPolicyStrategy',
    ]);
    expect(result.acknowledgements.every((a) => a.reason.length > 40)).toBe(true);
  });

  test('a plan with the opt-in AWS Config recorder: zero unacknowledged findings, each recorder acknowledgement with its reason', () => {
    const result = synthWithCompliance((app) => {
      Validations.of(app).addPlugins(new ReliabilityChecks(app));
      const stack = stackIn(app, 'Main');
      new DrBackupPlan(stack, 'Dr', {
        notificationTopic: ticketRoute(stack),
        objectives: RecoveryObjectives.tier(RecoveryTier.STANDARD),
        resources: [ProtectedResource.dynamoDbTable(compliantTable(stack))],
        copyTo: CopyTarget.vaultArn('arn:aws:backup:us-west-2:111111111111:backup-vault:orders-recovery'),
        auditConfigRecorder: true,
      });
    });
    expect(formatFindings(result.findings)).toBe('');
    const recorderAcks = result.acknowledgements.filter((a) => a.constructPath.startsWith('Main/Dr/ConfigRecorder'));
    expect(recorderAcks.map((a) => `${a.constructPath.replace('Main/Dr/ConfigRecorder/', '')} ${a.rule}`).sort()).toEqual([
      'AccessLogs AwsSolutions-S1',
      'AccessLogs HIPAA.Security-S3BucketLoggingEnabled',
      'AccessLogs HIPAA.Security-S3BucketReplicationEnabled',
      'AccessLogs HIPAA.Security-S3DefaultEncryptionKMS',
      'AccessLogs NIST.800.53.R5-S3BucketLoggingEnabled',
      'AccessLogs NIST.800.53.R5-S3BucketReplicationEnabled',
      'AccessLogs NIST.800.53.R5-S3DefaultEncryptionKMS',
      'AccessLogs PCI.DSS.321-S3BucketLoggingEnabled',
      'AccessLogs PCI.DSS.321-S3BucketReplicationEnabled',
      'AccessLogs PCI.DSS.321-S3DefaultEncryptionKMS',
      'AccessLogs cdk-validator-cfnguard::s3_bucket_default_encryption_kms_check',
      'AccessLogs cdk-validator-cfnguard::s3_bucket_logging_enabled_check',
      'Bucket HIPAA.Security-S3BucketReplicationEnabled',
      'Bucket NIST.800.53.R5-S3BucketReplicationEnabled',
      'Bucket PCI.DSS.321-S3BucketReplicationEnabled',
      'Bucket cdk-validator-cfnguard::s3_bucket_object_lock_enabled_check',
      'Role AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWS_ConfigRole]',
    ]);
    expect(recorderAcks.every((a) => a.reason.length > 40)).toBe(true);
  });

  // The example's disaster recovery (orders table, recovery vault, warm standby) is checked with the whole example
  // app in test/examples/compliance.test.ts: it now needs the Checkout service it protects.
});
