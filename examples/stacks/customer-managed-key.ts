import { RemovalPolicy, aws_kms as kms } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { denyGrantsToNonAwsServices } from '../../src/common/kms-grant-guard';

/**
 * A key the way every pack accepts it: rotated, retained, and (Control Tower CT.KMS.PR.3) with
 * grants that only AWS services may create, the same guard the library puts on its own keys.
 * The example's stacks make their own keys with it.
 */
export function customerManagedKey(scope: Construct, id: string, description: string): kms.Key {
  const key = new kms.Key(scope, id, { enableKeyRotation: true, removalPolicy: RemovalPolicy.RETAIN, description });
  denyGrantsToNonAwsServices(key);
  return key;
}
