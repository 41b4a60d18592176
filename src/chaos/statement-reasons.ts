import { aws_iam as iam } from 'aws-cdk-lib';

/**
 * Why a statement needs a wildcard resource, kept next to the statement so the experiment can
 * acknowledge the matching AwsSolutions-IAM5 finding with a reason a reviewer can check.
 * Statements without a recorded reason are never acknowledged (e.g. those a user passes to
 * `FisAction.custom`).
 */
const reasons = new WeakMap<iam.PolicyStatement, string>();

/** A statement whose wildcard resources are justified by `reason`. */
export function justifiedStatement(props: iam.PolicyStatementProps, reason: string): iam.PolicyStatement {
  const statement = new iam.PolicyStatement(props);
  reasons.set(statement, reason);
  return statement;
}

/** The recorded justification for the statement's wildcard resources, if any. */
export function wildcardReason(statement: iam.PolicyStatement): string | undefined {
  return reasons.get(statement);
}
