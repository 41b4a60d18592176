import { aws_iam as iam, aws_kms as kms } from 'aws-cdk-lib';

/**
 * Control Tower CT.KMS.PR.3 (cfn-guard): grants on a key may only be created for AWS services.
 * Every key the library makes carries this statement in its key policy.
 */
export function denyGrantsToNonAwsServices(key: kms.Key): void {
  key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'DenyGrantsToNonAwsServices',
    effect: iam.Effect.DENY,
    principals: [new iam.AnyPrincipal()],
    actions: ['kms:CreateGrant'],
    resources: ['*'],
    conditions: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
  }));
}
