import { Names, aws_backup as backup } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { AuditInputs, auditControls, ControlScopeKind } from './audit-controls';

/** What the audit framework of a plan needs besides the control inputs. */
export interface AuditFrameworkInputs extends AuditInputs {
  /** The tag that marks the plan (key, value). */
  readonly planTagKey: string;
  readonly planTagValue: string;
  /** AWS Backup type names of the protected resources. */
  readonly resourceTypeNames: string[];
  /** The plan's vault. */
  readonly vaultName: string;
  readonly description: string;
}

/** A Backup Audit Manager framework with the plan's controls, each scoped to the plan, its resource types or its vault. */
export function createAuditFramework(scope: Construct, inputs: AuditFrameworkInputs): backup.CfnFramework {
  const scopes: Record<ControlScopeKind, unknown> = {
    [ControlScopeKind.PLAN]: { Tags: [{ Key: inputs.planTagKey, Value: inputs.planTagValue }] },
    [ControlScopeKind.RESOURCES]: { ComplianceResourceTypes: inputs.resourceTypeNames },
    [ControlScopeKind.VAULT]: { ComplianceResourceTypes: ['AWS::Backup::BackupVault'], ComplianceResourceIds: [inputs.vaultName] },
  };
  return new backup.CfnFramework(scope, 'AuditFramework', {
    frameworkName: `Dr${Names.uniqueResourceName(scope, { maxLength: 200 })}`,
    frameworkDescription: inputs.description,
    frameworkControls: auditControls(inputs).map((c) => ({
      controlName: c.controlName,
      controlInputParameters: Object.keys(c.parameters).length > 0
        ? Object.entries(c.parameters).map(([parameterName, parameterValue]) => ({ parameterName, parameterValue }))
        : undefined,
      controlScope: scopes[c.scope],
    })),
  });
}
