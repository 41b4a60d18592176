/**
 * aws-cdk-lib's grants (bucket.grantReadWrite, key.grantEncryptDecrypt, the pipeline's action
 * roles) write wildcard actions such as `s3:GetObject*`. Each is replaced by the named actions the
 * pipeline actually calls, so no role of the construct holds an action it was never meant to
 * have. An action missing from this table is kept as it is, and then shows up in the
 * compliance report: the table is the single place to extend.
 */
export const WILDCARD_ACTION_EXPANSIONS: Readonly<Record<string, readonly string[]>> = {
  's3:GetObject*': ['s3:GetObject', 's3:GetObjectVersion'],
  's3:GetBucket*': ['s3:GetBucketLocation', 's3:GetBucketVersioning'],
  's3:List*': ['s3:ListBucket'],
  's3:DeleteObject*': ['s3:DeleteObject'],
  's3:Abort*': ['s3:AbortMultipartUpload'],
  'kms:ReEncrypt*': ['kms:ReEncryptFrom', 'kms:ReEncryptTo'],
  'kms:GenerateDataKey*': ['kms:GenerateDataKey'],
};

/** The statement's actions with every known wildcard replaced by its named actions (order kept, no duplicates). */
export function expandWildcardActions(actions: string | string[]): string | string[] {
  const list = Array.isArray(actions) ? actions : [actions];
  const expanded: string[] = [];
  for (const action of list) {
    for (const named of WILDCARD_ACTION_EXPANSIONS[action] ?? [action]) {
      if (!expanded.includes(named)) expanded.push(named);
    }
  }
  return expanded.length === 1 && !Array.isArray(actions) ? expanded[0] : expanded;
}

/** A resolved IAM policy document with its wildcard actions expanded. */
export function expandPolicyDocument(document: { Statement?: Array<Record<string, unknown>> } | undefined): unknown {
  if (!document || !Array.isArray(document.Statement)) return document;
  return {
    ...document,
    Statement: document.Statement.map((statement) =>
      statement.Action === undefined ? statement : { ...statement, Action: expandWildcardActions(statement.Action as string | string[]) }),
  };
}
