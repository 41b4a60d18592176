import {
  Duration, RemovalPolicy, Stack, Validations,
  aws_iam as iam, aws_kms as kms, aws_logs as logs, aws_s3 as s3,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { denyGrantsToNonAwsServices } from '../common/kms-grant-guard';

const NO_REPLICATION = 'Pipeline artifacts and their access logs are rebuilt by the next pipeline run from the source; '
  + 'a replica in another Region would restore nothing the source does not already hold';
const SSE_S3_ONLY = 'S3 server access logs can only be delivered to buckets encrypted with SSE-S3; SSE-KMS is rejected by the log delivery service';
const LOG_SINK = 'This bucket is the terminal sink of the artifact bucket\'s server access logs; logging it into itself would loop';
const NO_CONSUMER = 'Nothing consumes object events of this bucket: the pipeline reports every execution and stage change on EventBridge itself';

/** Findings each bucket cannot fix, with the reason (listed in docs/blue-green-pipeline.md). */
const ARTIFACT_ACKNOWLEDGEMENTS: ReadonlyArray<[string, string]> = [
  ['NIST.800.53.R5-S3BucketReplicationEnabled', NO_REPLICATION],
  ['HIPAA.Security-S3BucketReplicationEnabled', NO_REPLICATION],
  ['PCI.DSS.321-S3BucketReplicationEnabled', NO_REPLICATION],
  ['cdk-validator-cfnguard::s3_event_notifications_enabled_check', NO_CONSUMER],
];
const ACCESS_LOG_ACKNOWLEDGEMENTS: ReadonlyArray<[string, string]> = [
  ...ARTIFACT_ACKNOWLEDGEMENTS,
  ['NIST.800.53.R5-S3DefaultEncryptionKMS', SSE_S3_ONLY],
  ['HIPAA.Security-S3DefaultEncryptionKMS', SSE_S3_ONLY],
  ['PCI.DSS.321-S3DefaultEncryptionKMS', SSE_S3_ONLY],
  ['cdk-validator-cfnguard::s3_bucket_default_encryption_kms_check', SSE_S3_ONLY],
  ['cdk-validator-cfnguard::s3_bucket_logging_enabled_check', LOG_SINK],
];

/** What every encrypted thing of one pipeline shares. */
export interface PipelineStorageProps {
  readonly removalPolicy: RemovalPolicy;
  readonly logRetention: logs.RetentionDays;
}

/**
 * The pipeline's customer-managed key, its artifact bucket and the bucket that receives
 * the artifact bucket's access logs. Internal: built once per `BlueGreenPipeline`.
 */
export class PipelineStorage extends Construct {
  public readonly key: kms.Key;
  public readonly artifactBucket: s3.Bucket;
  public readonly accessLogBucket: s3.Bucket;
  private readonly props: PipelineStorageProps;

  constructor(scope: Construct, id: string, props: PipelineStorageProps) {
    super(scope, id);
    // Server access logs are delivered through a bucket policy, not an ACL, so the log bucket can
    // enforce bucket-owner object ownership (no ACLs at all).
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    this.props = props;
    const stack = Stack.of(this);
    this.key = new kms.Key(this, 'Key', {
      description: `Encrypts the artifacts, build logs and hook of ${scope.node.path}`,
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
    });
    denyGrantsToNonAwsServices(this.key);
    // CloudWatch Logs encrypts the build and hook log groups of this account and region only.
    this.key.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowCloudWatchLogs',
      principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
      actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKey', 'kms:DescribeKey'],
      resources: ['*'],
      conditions: {
        ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${stack.partition}:logs:${stack.region}:${stack.account}:log-group:*` },
      },
    }));

    this.accessLogBucket = new s3.Bucket(this, 'AccessLogs', {
      // S3 server access logging writes only to SSE-S3 buckets.
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      objectLockEnabled: true,
      removalPolicy: props.removalPolicy,
      lifecycleRules: [{ expiration: Duration.days(365), noncurrentVersionExpiration: Duration.days(30) }],
    });
    this.artifactBucket = new s3.Bucket(this, 'Artifacts', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'artifacts/',
      objectLockEnabled: true,
      removalPolicy: props.removalPolicy,
      // Artifacts matter for a rollback only as long as the revision they built can run.
      lifecycleRules: [{ expiration: Duration.days(90), noncurrentVersionExpiration: Duration.days(30) }],
    });
    for (const [rule, reason] of ARTIFACT_ACKNOWLEDGEMENTS) Validations.of(this.artifactBucket).acknowledge({ id: rule, reason });
    for (const [rule, reason] of ACCESS_LOG_ACKNOWLEDGEMENTS) Validations.of(this.accessLogBucket).acknowledge({ id: rule, reason });
  }

  /** A log group encrypted with the pipeline key and kept `logRetention`. */
  public logGroup(scope: Construct, id: string): logs.LogGroup {
    return new logs.LogGroup(scope, id, {
      encryptionKey: this.key,
      retention: this.props.logRetention,
      removalPolicy: this.props.removalPolicy,
    });
  }
}
