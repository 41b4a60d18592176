import { DefaultStackSynthesizer, Fn, Stack, Token, aws_iam as iam } from 'aws-cdk-lib';
import { propError } from '../common/errors';

/**
 * The actions the AWS Config rule backup-recovery-point-manual-deletion-disabled (Backup Audit Manager control
 * BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED) wants denied in one statement whose Principal and Resource
 * are wildcards. Without PutBackupVaultAccessPolicy anyone could first rewrite the policy, then delete.
 */
export const MANUAL_DELETION_ACTIONS = [
  'backup:DeleteRecoveryPoint',
  'backup:UpdateRecoveryPointLifecycle',
  'backup:PutBackupVaultAccessPolicy',
] as const;

/**
 * Removing the policy is the other way around the deny; it is not part of the Config rule but
 * denied with the same exemptions so that PutBackupVaultAccessPolicy cannot be bypassed.
 */
export const POLICY_REMOVAL_ACTION = 'backup:DeleteBackupVaultAccessPolicy';

/** The control's principalArnList takes up to five IAM roles (AWS Backup, "Choosing your controls"). */
export const MAX_POLICY_ADMINS = 5;

const IAM_PRINCIPAL_ARN = /^arn:[a-z-]+:iam::(\d{12}|\*):(role|user)\/\S+$/;

/**
 * The vault's access policy statements.
 *
 * - `DenyManualDeletion`: the control's statement (Principal `*`, Resource `*`, the three actions and the policy
 *   removal), except for `policyAdminArns`: the role CloudFormation deploys with must stay able to update the
 *   vault's AccessPolicy, or every later stack update that touches it fails with AccessDenied.
 * - `DenyRecoveryPointDeletionToPolicyAdmins`: the admins still cannot delete recovery points or shorten their
 *   lifecycle; their exemption is only for the policy itself.
 */
export function recoveryPointProtection(policyAdminArns: readonly string[]): iam.PolicyStatement[] {
  const exempt = policyAdminArns.length > 0 ? { ArnNotLike: { 'aws:PrincipalArn': [...policyAdminArns] } } : undefined;
  const statements = [new iam.PolicyStatement({
    sid: 'DenyManualDeletion',
    effect: iam.Effect.DENY,
    principals: [new iam.AnyPrincipal()],
    actions: [...MANUAL_DELETION_ACTIONS, POLICY_REMOVAL_ACTION],
    resources: ['*'],
    conditions: exempt,
  })];
  if (exempt) {
    statements.push(new iam.PolicyStatement({
      sid: 'DenyRecoveryPointDeletionToPolicyAdmins',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: [MANUAL_DELETION_ACTIONS[0], MANUAL_DELETION_ACTIONS[1]],
      resources: ['*'],
    }));
  }
  return statements;
}

/**
 * Who may still change the vault's access policy: the given ARNs (checked), else the CloudFormation execution
 * role of the stack's DefaultStackSynthesizer. Other synthesizers deploy with the caller's credentials, which
 * the library cannot name: then nobody is exempt (the caller is told by a synth warning).
 */
export function resolvePolicyAdmins(owner: string, prop: string, stack: Stack, given: readonly string[] | undefined): string[] {
  if (given === undefined) {
    const synthesizer = stack.synthesizer;
    return synthesizer instanceof DefaultStackSynthesizer ? [Fn.sub(synthesizer.cloudFormationExecutionRoleArn)] : [];
  }
  if (!Array.isArray(given) || given.length > MAX_POLICY_ADMINS) {
    throw propError(owner, prop, `be an array of at most ${MAX_POLICY_ADMINS} IAM role or user ARNs (the control's principalArnList limit)`, given);
  }
  given.forEach((arn, i) => {
    if (Token.isUnresolved(arn)) return;
    if (typeof arn !== 'string' || !IAM_PRINCIPAL_ARN.test(arn)) {
      throw propError(owner, `${prop}[${i}]`, 'be an IAM role or user ARN such as arn:aws:iam::111111111111:role/Deployer', arn);
    }
  });
  return [...given];
}
