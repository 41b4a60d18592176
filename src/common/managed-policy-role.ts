import { aws_iam as iam } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/**
 * An IAM role whose grants land in one customer-managed policy instead of an inline
 * `DefaultPolicy`: NIST 800-53, HIPAA and PCI packs reject inline policies (IAMNoInlinePolicy),
 * and aws-cdk-lib's grants (bucket, key, pipeline actions, log streams, secrets, image pulls) all go
 * through `addToPrincipalPolicy`, so redirecting that one method keeps every grant working and
 * compliant. The policy is created with the first statement, so an unused role has none.
 */
export class ManagedPolicyRole extends iam.Role {
  private managedPolicy?: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: iam.RoleProps) {
    super(scope, id, props);
  }

  public addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    if (!this.managedPolicy) {
      this.managedPolicy = new iam.ManagedPolicy(this, 'Policy', {
        description: `Permissions of ${this.node.path}`,
        roles: [this],
      });
    }
    this.managedPolicy.addStatements(statement);
    return { statementAdded: true, policyDependable: this.managedPolicy };
  }
}
