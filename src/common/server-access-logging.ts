import { Stack, aws_iam as iam, aws_s3 as s3 } from 'aws-cdk-lib';

/**
 * S3 server access logging of `bucket` into `target` under `prefix`, granted through the target's
 * bucket policy to the logging service for this bucket and account only. The L2's own setting may
 * grant the LogDeliveryWrite ACL instead (depending on the app's feature flags), which needs ACLs
 * enabled on the target bucket; the library's buckets enforce bucket-owner ownership (no ACLs).
 */
export function logServerAccessTo(bucket: s3.Bucket, target: s3.Bucket, prefix: string): void {
  (bucket.node.defaultChild as s3.CfnBucket).loggingConfiguration = {
    destinationBucketName: target.bucketName,
    logFilePrefix: prefix,
  };
  target.addToResourcePolicy(new iam.PolicyStatement({
    principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
    actions: ['s3:PutObject'],
    resources: [target.arnForObjects(`${prefix}*`)],
    conditions: {
      ArnLike: { 'aws:SourceArn': bucket.bucketArn },
      StringEquals: { 'aws:SourceAccount': Stack.of(bucket).account },
    },
  }));
}
