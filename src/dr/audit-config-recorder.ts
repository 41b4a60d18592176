import {
  Duration, RemovalPolicy, Stack, Validations,
  aws_config as config,
  aws_iam as iam,
  aws_kms as kms,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { AUDIT_RECORDING_TYPES } from './audit-controls';
import { denyGrantsToNonAwsServices } from '../common/kms-grant-guard';
import { logServerAccessTo } from '../common/server-access-logging';

/** Properties of an AuditConfigRecorder. */
export interface AuditConfigRecorderProps {
  /**
   * What happens to the key and the buckets when removed from the stack.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

const NO_REPLICATION = 'AWS Config delivers its history and snapshots to a bucket of the recorder\'s own Region; '
  + 'Config keeps the configuration history itself, and a replica needs a bucket in another Region this construct does not own';
const SSE_S3_ONLY = 'S3 server access logs can only be delivered to buckets encrypted with SSE-S3; SSE-KMS is rejected by the log delivery service';
const LOG_SINK = 'This bucket is the terminal sink of the Config bucket\'s server access logs; logging it into itself would loop';
const NO_OBJECT_LOCK = 'AWS Config does not deliver to a bucket with S3 Object Lock (AWS::Config::DeliveryChannel reference); '
  + 'versioning keeps every delivered configuration history and snapshot instead';
const CONFIG_ROLE_POLICY = 'AWS_ConfigRole is the AWS-maintained policy AWS Config documents for recorder roles; it follows '
  + 'the resource types Config can record, a hand-written copy would drift and leave types unrecorded';

const REPLICATION_ACKNOWLEDGEMENTS: ReadonlyArray<[string, string]> = [
  ['NIST.800.53.R5-S3BucketReplicationEnabled', NO_REPLICATION],
  ['HIPAA.Security-S3BucketReplicationEnabled', NO_REPLICATION],
  ['PCI.DSS.321-S3BucketReplicationEnabled', NO_REPLICATION],
];
const BUCKET_ACKNOWLEDGEMENTS: ReadonlyArray<[string, string]> = [
  ...REPLICATION_ACKNOWLEDGEMENTS,
  ['cdk-validator-cfnguard::s3_bucket_object_lock_enabled_check', NO_OBJECT_LOCK],
];
const SINK_ACKNOWLEDGEMENTS: ReadonlyArray<[string, string]> = [
  ...REPLICATION_ACKNOWLEDGEMENTS,
  ['NIST.800.53.R5-S3DefaultEncryptionKMS', SSE_S3_ONLY],
  ['HIPAA.Security-S3DefaultEncryptionKMS', SSE_S3_ONLY],
  ['PCI.DSS.321-S3DefaultEncryptionKMS', SSE_S3_ONLY],
  ['cdk-validator-cfnguard::s3_bucket_default_encryption_kms_check', SSE_S3_ONLY],
  ['AwsSolutions-S1', LOG_SINK],
  ['NIST.800.53.R5-S3BucketLoggingEnabled', LOG_SINK],
  ['HIPAA.Security-S3BucketLoggingEnabled', LOG_SINK],
  ['PCI.DSS.321-S3BucketLoggingEnabled', LOG_SINK],
  ['cdk-validator-cfnguard::s3_bucket_logging_enabled_check', LOG_SINK],
];

const ACCESS_LOG_PREFIX = 'config-bucket/';

/**
 * The AWS Config recording that Backup Audit Manager needs (AWS Backup Developer Guide, "Choosing your controls":
 * every control needs the resource compliance type): a configuration recorder of AWS::Config::ResourceCompliance
 * and the AWS Backup types the controls evaluate, with a role using the AWS_ConfigRole managed policy and a
 * delivery channel to a KMS-encrypted, versioned, TLS-only bucket whose server access logs go to a second bucket.
 *
 * An account holds ONE configuration recorder and ONE delivery channel per Region: create this only in an
 * account and Region that has no AWS Config recording yet (Control Tower and Organizations setups usually
 * have one; extend that recorder with the types above instead).
 */
export class AuditConfigRecorder extends Construct {
  /** The configuration recorder. */
  public readonly recorder: config.CfnConfigurationRecorder;
  /** The delivery channel. */
  public readonly deliveryChannel: config.CfnDeliveryChannel;
  /** The bucket AWS Config delivers to. */
  public readonly bucket: s3.Bucket;
  /** The role AWS Config records with. */
  public readonly role: iam.Role;
  /** The resource types recorded. */
  public readonly resourceTypes: string[];

  constructor(scope: Construct, id: string, props: AuditConfigRecorderProps = {}) {
    super(scope, id);
    const removalPolicy = props?.removalPolicy ?? RemovalPolicy.RETAIN;
    const stack = Stack.of(this);
    this.resourceTypes = [...AUDIT_RECORDING_TYPES];

    const key = new kms.Key(this, 'Key', {
      description: 'Encrypts the AWS Config configuration history and snapshots',
      enableKeyRotation: true,
      removalPolicy,
    });
    denyGrantsToNonAwsServices(key);
    // Access logs are evidence: object lock keeps their versions until they expire.
    const accessLogs = this.makeBucket('AccessLogs', removalPolicy, { encryption: s3.BucketEncryption.S3_MANAGED, objectLockEnabled: true });
    // AWS Config does not deliver to buckets with S3 Object Lock (AWS::Config::DeliveryChannel reference).
    this.bucket = this.makeBucket('Bucket', removalPolicy, {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: key,
      bucketKeyEnabled: true,
    });
    logServerAccessTo(this.bucket, accessLogs, ACCESS_LOG_PREFIX);
    for (const [rule, reason] of SINK_ACKNOWLEDGEMENTS) Validations.of(accessLogs).acknowledge({ id: rule, reason });
    for (const [rule, reason] of BUCKET_ACKNOWLEDGEMENTS) Validations.of(this.bucket).acknowledge({ id: rule, reason });

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('config.amazonaws.com'),
      description: 'AWS Config records the resource types Backup Audit Manager evaluates',
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWS_ConfigRole')],
    });
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWS_ConfigRole]',
      reason: CONFIG_ROLE_POLICY,
    });
    // AWS Config Developer Guide, "Permissions for the Amazon S3 bucket" (IAM role): the recorder's role
    // checks the bucket ACL and writes under AWSLogs/<account>/Config/; with SSE-KMS it also uses the key.
    this.bucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'ConfigBucketCheck',
      principals: [new iam.ArnPrincipal(this.role.roleArn)],
      actions: ['s3:GetBucketAcl', 's3:ListBucket'],
      resources: [this.bucket.bucketArn],
    }));
    this.bucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'ConfigDelivery',
      principals: [new iam.ArnPrincipal(this.role.roleArn)],
      actions: ['s3:PutObject'],
      resources: [this.bucket.arnForObjects(`AWSLogs/${stack.account}/Config/*`)],
    }));
    key.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'ConfigDeliveryEncryption',
      principals: [new iam.ArnPrincipal(this.role.roleArn)],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
      resources: ['*'],
    }));

    this.recorder = new config.CfnConfigurationRecorder(this, 'Recorder', {
      roleArn: this.role.roleArn,
      recordingGroup: {
        allSupported: false,
        includeGlobalResourceTypes: false,
        resourceTypes: this.resourceTypes,
        recordingStrategy: { useOnly: 'INCLUSION_BY_RESOURCE_TYPES' },
      },
    });
    this.deliveryChannel = new config.CfnDeliveryChannel(this, 'DeliveryChannel', {
      s3BucketName: this.bucket.bucketName,
      s3KmsKeyArn: key.keyArn,
      configSnapshotDeliveryProperties: { deliveryFrequency: 'TwentyFour_Hours' },
    });
    // A delivery channel needs a recorder first; delivery needs the bucket and key policies in place.
    this.deliveryChannel.addResourceDependency(this.recorder);
    this.deliveryChannel.node.addDependency(this.bucket.policy!, key);
  }

  private makeBucket(id: string, removalPolicy: RemovalPolicy, encryption: Partial<s3.BucketProps>): s3.Bucket {
    const bucket = new s3.Bucket(this, id, {
      ...encryption,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      removalPolicy,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30), abortIncompleteMultipartUploadAfter: Duration.days(7) }],
    });
    // On the L1: the L2's eventBridgeEnabled deploys a custom-resource Lambda for the same setting.
    (bucket.node.defaultChild as s3.CfnBucket).notificationConfiguration = { eventBridgeConfiguration: { eventBridgeEnabled: true } };
    return bucket;
  }
}
