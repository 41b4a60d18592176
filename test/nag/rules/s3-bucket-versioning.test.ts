import { aws_s3 as s3 } from 'aws-cdk-lib';
import { newStack, parameter, TestType, validateStack } from '../utils';

const RULE = 'S3BucketVersioning';

describe(RULE, () => {
  test('compliant: versioned', () => {
    const stack = newStack();
    new s3.Bucket(stack, 'Bucket', { versioned: true });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: the default', () => {
    const stack = newStack();
    new s3.Bucket(stack, 'Bucket');
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Bucket/Resource');
  });

  test('unresolved: the status is a parameter', () => {
    const stack = newStack();
    new s3.CfnBucket(stack, 'Bucket', { versioningConfiguration: { status: parameter(stack, 'Status') } });
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
