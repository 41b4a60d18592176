import { Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AccessLogBuckets } from '../../src/service/access-log-buckets';

describe('AccessLogBuckets', () => {
  const stack = new Stack(undefined, 'S', { env: { account: '111111111111', region: 'eu-west-1' } });
  const buckets = new AccessLogBuckets(stack, 'Logs', { retention: Duration.days(90) });
  const template = Template.fromStack(stack);

  test('the load balancer bucket logs into the server-access-log bucket through a bucket policy, not an ACL', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: { DestinationBucketName: { Ref: stack.getLogicalId(buckets.serverAccessLogs.node.defaultChild as never) } },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: stack.getLogicalId(buckets.serverAccessLogs.node.defaultChild as never) },
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Principal: { Service: 'logging.s3.amazonaws.com' },
          Action: 's3:PutObject',
          Condition: Match.objectLike({ StringEquals: { 'aws:SourceAccount': '111111111111' } }),
        })]),
      },
    });
    const withAcl = Object.values(template.findResources('AWS::S3::Bucket')).filter((b) => b.Properties.AccessControl);
    expect(withAcl).toEqual([]);
  });

  test('both buckets: retained, private, bucket-owner-enforced, expire after the retention', () => {
    template.allResources('AWS::S3::Bucket', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    template.allResourcesProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 90, NoncurrentVersionExpiration: { NoncurrentDays: 30 } })] },
    });
  });

  test('both buckets deny plain HTTP', () => {
    const policies = Object.values(template.findResources('AWS::S3::BucketPolicy'));
    expect(policies).toHaveLength(2);
    for (const p of policies) {
      expect(JSON.stringify(p.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    }
  });

  test('the SSE-S3 and log-sink findings are acknowledged with reasons', () => {
    const acks = (path: string) => stack.node.findChild('Logs').node.findChild(path).node.metadata
      .filter((m) => m.type === 'aws:cdk:acknowledged-rules');
    expect(acks('LoadBalancerLogs').length).toBe(7);
    expect(acks('ServerAccessLogs').length).toBe(12);
  });
});
