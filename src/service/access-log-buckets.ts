import { Duration, RemovalPolicy, Validations, aws_s3 as s3 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { logServerAccessTo } from '../common/server-access-logging';

/** Reasons for the findings an access-log bucket cannot fix; listed in docs/reliable-service.md. */
const SSE_S3_ONLY = 'Elastic Load Balancing access logs and S3 server access logs can only be delivered to buckets '
  + 'encrypted with SSE-S3 (AES-256); SSE-KMS is rejected by the log delivery services';
const NO_REPLICATION = 'Access logs are an audit trail kept in the Region of the load balancer; cross-Region '
  + 'replication needs a bucket in another Region that this construct does not own';
const LOG_SINK = 'This bucket is the terminal sink of S3 server access logs; logging it into itself would loop '
  + 'and logging it elsewhere only moves the finding to another bucket';

/** Findings of SSE-S3 and missing replication, present on both log buckets. */
const COMMON_ACKNOWLEDGEMENTS: ReadonlyArray<[string, string]> = [
  ['NIST.800.53.R5-S3DefaultEncryptionKMS', SSE_S3_ONLY],
  ['HIPAA.Security-S3DefaultEncryptionKMS', SSE_S3_ONLY],
  ['PCI.DSS.321-S3DefaultEncryptionKMS', SSE_S3_ONLY],
  ['cdk-validator-cfnguard::s3_bucket_default_encryption_kms_check', SSE_S3_ONLY],
  ['NIST.800.53.R5-S3BucketReplicationEnabled', NO_REPLICATION],
  ['HIPAA.Security-S3BucketReplicationEnabled', NO_REPLICATION],
  ['PCI.DSS.321-S3BucketReplicationEnabled', NO_REPLICATION],
];

/** Findings of the server-access-log sink only. */
const SINK_ACKNOWLEDGEMENTS: ReadonlyArray<[string, string]> = [
  ['AwsSolutions-S1', LOG_SINK],
  ['NIST.800.53.R5-S3BucketLoggingEnabled', LOG_SINK],
  ['HIPAA.Security-S3BucketLoggingEnabled', LOG_SINK],
  ['PCI.DSS.321-S3BucketLoggingEnabled', LOG_SINK],
  ['cdk-validator-cfnguard::s3_bucket_logging_enabled_check', LOG_SINK],
];

/** Options of the log buckets. */
export interface AccessLogBucketsProps {
  /** How long log objects are kept. */
  readonly retention: Duration;
}

/**
 * The bucket the load balancer writes its access logs to, and the bucket that records
 * who read or changed those logs (S3 server access logs). Both are versioned, object-locked,
 * TLS-only, private, retained, announce new objects on EventBridge and expire old logs.
 */
export class AccessLogBuckets extends Construct {
  /** Where the load balancer writes its access logs. */
  public readonly loadBalancerLogs: s3.Bucket;
  /** Where S3 records access to the load balancer logs. */
  public readonly serverAccessLogs: s3.Bucket;

  constructor(scope: Construct, id: string, props: AccessLogBucketsProps) {
    super(scope, id);
    this.serverAccessLogs = this.logBucket('ServerAccessLogs', props.retention);
    this.loadBalancerLogs = this.logBucket('LoadBalancerLogs', props.retention, this.serverAccessLogs);
    for (const [rule, reason] of [...COMMON_ACKNOWLEDGEMENTS, ...SINK_ACKNOWLEDGEMENTS]) {
      Validations.of(this.serverAccessLogs).acknowledge({ id: rule, reason });
    }
    for (const [rule, reason] of COMMON_ACKNOWLEDGEMENTS) {
      Validations.of(this.loadBalancerLogs).acknowledge({ id: rule, reason });
    }
  }

  private logBucket(id: string, retention: Duration, serverAccessLogsBucket?: s3.Bucket): s3.Bucket {
    const bucket = new s3.Bucket(this, id, {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      // Logs are evidence: versions cannot be deleted before they expire.
      objectLockEnabled: true,
      lifecycleRules: [{
        expiration: retention,
        noncurrentVersionExpiration: Duration.days(30),
        abortIncompleteMultipartUploadAfter: Duration.days(7),
      }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Set on the L1: the L2's eventBridgeEnabled deploys a custom-resource Lambda for the same setting.
    (bucket.node.defaultChild as s3.CfnBucket).notificationConfiguration = {
      eventBridgeConfiguration: { eventBridgeEnabled: true },
    };
    if (serverAccessLogsBucket) logServerAccessTo(bucket, serverAccessLogsBucket, 'load-balancer-logs/');
    return bucket;
  }
}
