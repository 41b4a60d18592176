import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { createAuditFramework } from '../../src/dr/audit-framework';

test('controls are scoped to the plan tag, the resource types or the vault; empty parameter lists are left out', () => {
  const stack = new Stack(new App(), 'S');
  createAuditFramework(stack, {
    snapshotIntervalHours: 24,
    snapshotRetentionDays: 35,
    minRetentionDays: 35,
    rtoMinutes: 1440,
    copies: false,
    copyRegions: [],
    planTagKey: 'k',
    planTagValue: 'v',
    resourceTypeNames: ['EFS', 'RDS'],
    vaultName: 'vault',
    description: 'd',
  });
  const template = Template.fromStack(stack);
  template.hasResourceProperties('AWS::Backup::Framework', {
    FrameworkName: 'DrS',
    FrameworkDescription: 'd',
    FrameworkControls: Match.arrayWith([
      {
        ControlName: 'BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK',
        ControlInputParameters: [
          { ParameterName: 'requiredFrequencyUnit', ParameterValue: 'hours' },
          { ParameterName: 'requiredFrequencyValue', ParameterValue: '24' },
          { ParameterName: 'requiredRetentionDays', ParameterValue: '35' },
        ],
        ControlScope: { Tags: [{ Key: 'k', Value: 'v' }] },
      },
      { ControlName: 'BACKUP_RECOVERY_POINT_ENCRYPTED', ControlScope: { ComplianceResourceTypes: ['EFS', 'RDS'] } },
      {
        ControlName: 'BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED',
        ControlScope: { ComplianceResourceTypes: ['AWS::Backup::BackupVault'], ComplianceResourceIds: ['vault'] },
      },
    ]),
  });
});
