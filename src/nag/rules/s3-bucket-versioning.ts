import { NagMessageLevel, rules } from 'cdk-nag';
import { nagVerdict, ReliabilityRule, Unresolved } from '../rule';

/**
 * S3 buckets have versioning enabled: cdk-nag's S3BucketVersioningEnabled, reused.
 * Unresolvable (the versioning status is a token): UNKNOWN.
 */
export const S3BucketVersioning: ReliabilityRule = {
  name: 'S3BucketVersioning',
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::S3::Bucket'],
  bestPractice: 'REL09-BP01',
  info: 'The S3 bucket does not have versioning enabled.',
  explanation: 'Without versioning an overwrite or a delete, by a bug or a person, destroys the only copy of the object.',
  fix: 'Set `versioned: true` on the Bucket (with a lifecycle rule expiring noncurrent versions).',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node) => nagVerdict(rules.s3.S3BucketVersioningEnabled, node),
};
