import { aws_iam as iam } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/**
 * A role whose granted permissions land in one customer-managed policy instead of an inline one.
 *
 * NIST 800-53 R5, HIPAA and PCI DSS (IAMNoInlinePolicy) reject inline policies; grants made later by
 * aws-cdk-lib (log streams, secrets, image pulls) go through `addToPrincipalPolicy`, so redirecting
 * that one method keeps every grant working and compliant.
 */
export class ManagedPolicyRole extends iam.Role {
  private managedPolicy?: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: iam.RoleProps) {
    super(scope, id, props);
  }

  public addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    if (!this.managedPolicy) {
      this.managedPolicy = new iam.ManagedPolicy(this, 'Policy', { roles: [this] });
    }
    this.managedPolicy.addStatements(statement);
    return { statementAdded: true, policyDependable: this.managedPolicy };
  }
}
