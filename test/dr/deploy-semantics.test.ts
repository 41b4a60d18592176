/**
 * Deploy semantics of DrVault and DrBackupPlan: who calls what, with which permission, per the AWS documentation
 * fact cited in each test. These hold what a synth-only test cannot see: the audit control's statement shape,
 * CloudFormation's own later updates of the vault policy, the AWS Config recording the controls need, and the
 * key policies of every KMS-encrypted destination a service writes to.
 */
import { App, Annotations as CdkAnnotations, CliCredentialsStackSynthesizer, Stack, aws_kms as kms, aws_sns as sns } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { ACCOUNT, BACKUP_ONLY_ACK, compliantTable, stackIn } from './helpers';
import { CopyTarget, DrBackupPlan, DrBackupPlanProps, DrVault, DrVaultProps, ProtectedResource, RecoveryObjectives, RecoveryTier } from '../../src/dr';

const CONTROL_ACTIONS = ['backup:DeleteRecoveryPoint', 'backup:UpdateRecoveryPointLifecycle', 'backup:PutBackupVaultAccessPolicy'];
const CFN_EXEC_ROLE = { 'Fn::Sub': 'arn:${AWS::Partition}:iam::111111111111:role/cdk-hnb659fds-cfn-exec-role-111111111111-us-east-1' };

type Statement = { Sid?: string; Effect: string; Principal: unknown; Action: string | string[]; Resource: unknown; Condition?: any };

function vaultPolicy(template: Template, type = 'AWS::Backup::BackupVault'): Statement[] {
  const vaults = Object.values(template.findResources(type));
  expect(vaults).toHaveLength(1);
  return vaults[0].Properties.AccessPolicy.Statement;
}

/** The statement the Config rule looks for: Deny, Principal `*`, Resource `*`, all three actions. */
function controlStatement(statements: Statement[]): Statement | undefined {
  return statements.find((s) => s.Effect === 'Deny'
    && JSON.stringify(s.Principal) === JSON.stringify({ AWS: '*' })
    && s.Resource === '*'
    && CONTROL_ACTIONS.every((a) => ([] as string[]).concat(s.Action).includes(a)));
}

function plan(props: Partial<DrBackupPlanProps> = {}, stack = stackIn(new App(), 'Main')) {
  const drPlan = new DrBackupPlan(stack, 'Dr', {
    objectives: RecoveryObjectives.tier(RecoveryTier.CRITICAL),
    unmetRtoAcknowledgement: BACKUP_ONLY_ACK,
    resources: [ProtectedResource.dynamoDbTable(compliantTable(stack))],
    ...props,
  });
  return { stack, drPlan, template: Template.fromStack(stack) };
}

function vault(props: DrVaultProps = {}, stack: Stack = stackIn(new App(), 'DrRegion')) {
  const drVault = new DrVault(stack, 'DrVault', props);
  return { stack, drVault, template: Template.fromStack(stack) };
}

describe('Backup Audit Manager: BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED', () => {
  // AWS Config Developer Guide, backup-recovery-point-manual-deletion-disabled
  // (https://docs.aws.amazon.com/config/latest/developerguide/backup-recovery-point-manual-deletion-disabled.html):
  // NON_COMPLIANT without a Deny statement with backup:DeleteRecoveryPoint, backup:UpdateRecoveryPointLifecycle and
  // backup:PutBackupVaultAccessPolicy whose "Principal" and "Resource" are wildcards.
  test.each([
    ['a DrVault', () => vaultPolicy(vault().template)],
    ['an air-gapped DrVault', () => vaultPolicy(vault({ airGapped: true }).template, 'AWS::Backup::LogicallyAirGappedBackupVault')],
    ["a DrBackupPlan's vault", () => vaultPolicy(plan().template)],
  ])('%s denies all three actions to Principal * on Resource * in one statement (Config rule backup-recovery-point-manual-deletion-disabled)', (_, policy) => {
    expect(controlStatement(policy())).toBeDefined();
  });

  // AWS CloudFormation: AWS::Backup::BackupVault AccessPolicy is set and updated by CloudFormation with the role
  // it deploys with; with the CDK DefaultStackSynthesizer that is the bootstrap's cfn-exec-role (CDK Developer
  // Guide, Bootstrapping: CloudFormationExecutionRole). A Deny on PutBackupVaultAccessPolicy for every principal
  // would make the stack's own later policy updates fail, so that role (and only it) is exempt from the
  // control's statement, and a second statement still denies it deleting recovery points.
  test('the CloudFormation execution role may update the access policy but not delete recovery points', () => {
    const statements = vaultPolicy(vault().template);
    expect(controlStatement(statements)?.Condition).toEqual({ ArnNotLike: { 'aws:PrincipalArn': [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::111111111111:role/cdk-hnb659fds-cfn-exec-role-111111111111-us-east-1' }] } });
    // Removing the policy would bypass the deny: backup:DeleteBackupVaultAccessPolicy is denied with the same exemption.
    expect(controlStatement(statements)?.Action).toContain('backup:DeleteBackupVaultAccessPolicy');
    expect(statements).toContainEqual({
      Sid: 'DenyRecoveryPointDeletionToPolicyAdmins',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: ['backup:DeleteRecoveryPoint', 'backup:UpdateRecoveryPointLifecycle'],
      Resource: '*',
    });
  });

  // AWS Backup Developer Guide, "Using AWS Backup Audit Manager with AWS CloudFormation", Exempt IAM roles from
  // control evaluation: the control takes principalArnList (up to five IAM roles it does NOT check).
  test('the control exempts exactly the principals the vault policy exempts (principalArnList)', () => {
    const { template } = plan();
    const condition = controlStatement(vaultPolicy(template))?.Condition;
    expect(condition).toEqual({ ArnNotLike: { 'aws:PrincipalArn': [CFN_EXEC_ROLE] } });
    template.hasResourceProperties('AWS::Backup::Framework', {
      FrameworkControls: Match.arrayWith([{
        ControlName: 'BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED',
        ControlInputParameters: [{ ParameterName: 'principalArnList', ParameterValue: CFN_EXEC_ROLE }],
        ControlScope: { ComplianceResourceTypes: ['AWS::Backup::BackupVault'], ComplianceResourceIds: [Match.stringLikeRegexp('^MainDrVault')] },
      }]),
    });
  });

  test('given admins replace the default, in the vault policy and in principalArnList alike', () => {
    const admins = ['arn:aws:iam::111111111111:role/Deployer', 'arn:aws:iam::111111111111:role/BreakGlass'];
    const { template } = plan({ accessPolicyAdminArns: admins });
    expect(controlStatement(vaultPolicy(template))?.Condition).toEqual({ ArnNotLike: { 'aws:PrincipalArn': admins } });
    template.hasResourceProperties('AWS::Backup::Framework', {
      FrameworkControls: Match.arrayWith([Match.objectLike({
        ControlName: 'BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED',
        ControlInputParameters: [{ ParameterName: 'principalArnList', ParameterValue: admins.join(',') }],
      })]),
    });
    // No admins: the control's statement has no condition and the control no parameter.
    const none = plan({ accessPolicyAdminArns: [] }).template;
    expect(controlStatement(vaultPolicy(none))?.Condition).toBeUndefined();
    expect(vaultPolicy(none)).toHaveLength(1);
  });

  // CDK: CliCredentialsStackSynthesizer deploys with the caller's credentials (no execution role is passed to
  // CloudFormation), so the library cannot name the principal to exempt: it says so at synth.
  test('a stack without an execution role gets no exemption and a warning naming the fix', () => {
    const stack = new Stack(new App(), 'Cli', { env: { account: ACCOUNT, region: 'us-west-2' }, synthesizer: new CliCredentialsStackSynthesizer() });
    const { template } = vault({}, stack);
    expect(controlStatement(vaultPolicy(template))?.Condition).toBeUndefined();
    Annotations.fromStack(stack).hasWarning('/Cli/DrVault', Match.stringLikeRegexp('accessPolicyAdminArns'));
  });
});

describe('Backup Audit Manager needs AWS Config recording', () => {
  // AWS Backup Developer Guide, "Choosing your controls"
  // (https://docs.aws.amazon.com/aws-backup/latest/devguide/choosing-controls.html): every control requires the
  // AWS Config recording resource type "resource compliance"; the controls record backup plans, backup
  // selections, backup vaults and recovery points.
  test('without a recorder the framework comes with a synth warning that names the prerequisite', () => {
    const { stack } = plan();
    const warnings = Annotations.fromStack(stack).findWarning('/Main/Dr', Match.stringLikeRegexp('AWS::Config::ResourceCompliance'));
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0].entry.data)).toContain('[ack: cdk-reliability:dr-audit-needs-config-recording]');
    expect(String(warnings[0].entry.data)).toContain('auditConfigRecorder');
  });

  test('no warning when the plan creates the recorder, or has no framework; a user can acknowledge it by id', () => {
    expect(Annotations.fromStack(plan({ auditConfigRecorder: true }).stack).findWarning('*', Match.stringLikeRegexp('AWS Config'))).toHaveLength(0);
    expect(Annotations.fromStack(plan({ auditFramework: false }).stack).findWarning('*', Match.stringLikeRegexp('AWS Config'))).toHaveLength(0);
    const stack = stackIn(new App(), 'Main');
    const acknowledged = plan({}, stack).drPlan;
    CdkAnnotations.of(acknowledged).acknowledgeWarning('cdk-reliability:dr-audit-needs-config-recording', 'recording set up by the landing zone');
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('AWS Config'))).toHaveLength(0);
  });

  // AWS::Config::ConfigurationRecorder reference: INCLUSION_BY_RESOURCE_TYPES records only ResourceTypes.
  // AWS::Config::DeliveryChannel reference: a delivery channel needs a recorder first, and Config does not
  // deliver to a bucket with S3 Object Lock. AWS Config Developer Guide, permissions for the S3 bucket and the
  // KMS key (IAM role): the role needs s3:GetBucketAcl, s3:PutObject under AWSLogs/<account>/Config/ and
  // kms:GenerateDataKey / kms:Decrypt on the delivery key.
  test('the opt-in recorder records resource compliance and the AWS Backup types, and can deliver', () => {
    const { template, drPlan } = plan({ auditConfigRecorder: true });
    template.hasResourceProperties('AWS::Config::ConfigurationRecorder', {
      RecordingGroup: {
        AllSupported: false,
        IncludeGlobalResourceTypes: false,
        RecordingStrategy: { UseOnly: 'INCLUSION_BY_RESOURCE_TYPES' },
        ResourceTypes: [
          'AWS::Config::ResourceCompliance', 'AWS::Backup::BackupPlan', 'AWS::Backup::BackupSelection',
          'AWS::Backup::BackupVault', 'AWS::Backup::RecoveryPoint',
        ],
      },
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'config.amazonaws.com' } })] },
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWS_ConfigRole']] }],
    });
    const channel = Object.values(template.findResources('AWS::Config::DeliveryChannel'))[0];
    const recorderId = Object.keys(template.findResources('AWS::Config::ConfigurationRecorder'))[0];
    expect(channel.DependsOn).toContain(recorderId);
    expect(channel.Properties.S3KmsKeyArn).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/ConfigRecorderKey/), 'Arn'] });
    const bucketId = channel.Properties.S3BucketName.Ref;
    const bucket = template.toJSON().Resources[bucketId];
    expect(bucket.Properties.ObjectLockEnabled).toBeUndefined();
    expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('aws:kms');
    const roleRef = { 'Fn::GetAtt': [expect.stringMatching(/ConfigRecorderRole/), 'Arn'] };
    const bucketPolicy = Object.values(template.findResources('AWS::S3::BucketPolicy')).find((p) => p.Properties.Bucket.Ref === bucketId)!;
    expect(bucketPolicy.Properties.PolicyDocument.Statement).toEqual(expect.arrayContaining([
      expect.objectContaining({ Sid: 'ConfigBucketCheck', Effect: 'Allow', Principal: { AWS: roleRef }, Action: ['s3:GetBucketAcl', 's3:ListBucket'] }),
      expect.objectContaining({ Sid: 'ConfigDelivery', Effect: 'Allow', Principal: { AWS: roleRef }, Action: 's3:PutObject' }),
    ]));
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'ConfigDeliveryEncryption', Action: ['kms:Decrypt', 'kms:GenerateDataKey'] })]) },
    });
    expect(drPlan.configRecorder?.resourceTypes).toContain('AWS::Config::ResourceCompliance');
  });
});

describe('KMS-encrypted destinations and the principals that write to them', () => {
  // Amazon SNS Developer Guide, "Encryption at rest", compatibility between event sources from AWS services and
  // encrypted topics (https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services):
  // the service principal must be allowed kms:GenerateDataKey* and kms:Decrypt in the key policy. AWS Backup
  // Developer Guide, "Backup vault notifications": the topic policy must let backup.amazonaws.com sns:Publish.
  function publishers(template: Template) {
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Allow', Principal: { Service: 'backup.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] }),
          Match.objectLike({ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Allow', Principal: { Service: 'backup.amazonaws.com' }, Action: 'sns:Publish' }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
            Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } },
          }),
        ]),
      },
    });
  }

  test('the vault key lets AWS Backup (vault events) and CloudWatch (failed-job alarms) publish to the topic', () => {
    publishers(vault().template);
  });

  test('a key given by the user gets the same grants (the topic is encrypted with it)', () => {
    const stack = stackIn(new App(), 'DrRegion');
    const key = new kms.Key(stack, 'UserKey', { enableKeyRotation: true });
    const { template } = vault({ encryptionKey: key }, stack);
    template.resourceCountIs('AWS::KMS::Key', 1);
    publishers(template);
  });

  test('a given topic encrypted with an in-app key: its key gets the grants', () => {
    const stack = stackIn(new App(), 'DrRegion');
    const topicKey = new kms.Key(stack, 'TopicKey', { enableKeyRotation: true });
    const topic = new sns.Topic(stack, 'Pages', { masterKey: topicKey, enforceSSL: true });
    const { template } = vault({ notificationTopic: topic }, stack);
    const keys = template.findResources('AWS::KMS::Key');
    const topicKeyPolicy = Object.entries(keys).find(([id]) => id.startsWith('TopicKey'))![1].Properties.KeyPolicy.Statement;
    expect(topicKeyPolicy).toEqual(expect.arrayContaining([
      expect.objectContaining({ Principal: { Service: 'backup.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] }),
      expect.objectContaining({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] }),
    ]));
  });

  test('an imported key whose policy the app cannot change: a warning says which statements to add', () => {
    const stack = stackIn(new App(), 'DrRegion');
    const key = kms.Key.fromKeyArn(stack, 'Imported', 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    vault({ encryptionKey: key }, stack);
    Annotations.fromStack(stack).hasWarning('/DrRegion/DrVault', Match.stringLikeRegexp('key policy of the topic\'s KMS key must allow backup.amazonaws.com and cloudwatch.amazonaws.com kms:Decrypt and kms:GenerateDataKey\\*'));
  });

  test('an imported topic: a warning says the topic policy must let AWS Backup and CloudWatch publish', () => {
    const stack = stackIn(new App(), 'DrRegion');
    vault({ notificationTopic: sns.Topic.fromTopicArn(stack, 'Pages', 'arn:aws:sns:us-east-1:111111111111:pages') }, stack);
    Annotations.fromStack(stack).hasWarning('/DrRegion/DrVault', Match.stringLikeRegexp('topic policy must allow backup.amazonaws.com and cloudwatch.amazonaws.com sns:Publish'));
  });

  // AWS Backup Developer Guide, "Creating backup copies across AWS Regions" / "Encryption for backups in AWS
  // Backup": a copy is re-encrypted with the destination vault's key, used by AWS Backup through grants. The
  // destination key keeps the account-root statement (so the backup role's IAM policy applies) and its
  // CreateGrant deny spares grants for AWS resources.
  test('the copy target vault key lets AWS Backup create its grants for the copy', () => {
    const app = new App();
    const drVault = new DrVault(stackIn(app, 'DrRegion', 'us-west-2'), 'DrVault');
    plan({ copyTo: CopyTarget.vault(drVault) }, stackIn(app, 'Main'));
    const keyPolicy = Object.values(Template.fromStack(drVault.node.scope as Stack).findResources('AWS::KMS::Key'))[0].Properties.KeyPolicy.Statement;
    expect(keyPolicy).toEqual(expect.arrayContaining([
      expect.objectContaining({ Effect: 'Allow', Action: 'kms:*', Principal: { AWS: expect.anything() } }),
      expect.objectContaining({
        Sid: 'DenyGrantsToNonAwsServices',
        Effect: 'Deny',
        Action: 'kms:CreateGrant',
        Condition: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
      }),
    ]));
  });

  // AWS Backup Developer Guide, "Restore testing": restore tests run with the selection's IAM role, which must
  // be assumable by backup.amazonaws.com and hold the restore permissions (AWSBackupServiceRolePolicyForRestores).
  test('restore tests run with the backup role that AWS Backup assumes and that holds the restore policy', () => {
    const { template } = plan();
    const selection = Object.values(template.findResources('AWS::Backup::RestoreTestingSelection'))[0];
    const roleId = selection.Properties.IamRoleArn['Fn::GetAtt'][0];
    const role = template.toJSON().Resources[roleId];
    expect(role.Properties.AssumeRolePolicyDocument.Statement[0].Principal).toEqual({ Service: 'backup.amazonaws.com' });
    expect(JSON.stringify(role.Properties.ManagedPolicyArns)).toContain('AWSBackupServiceRolePolicyForRestores');
  });
});
