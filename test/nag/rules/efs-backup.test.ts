import { Duration, Tags, aws_backup as backup, aws_efs as efs } from 'aws-cdk-lib';
import { twoZoneVpc } from '../fixtures';
import { newStack, parameter, TestType, validateStack } from '../utils';

const RULE = 'EFSBackup';

describe(RULE, () => {
  test('compliant: EFS automatic backups', () => {
    const stack = newStack();
    new efs.FileSystem(stack, 'Fs', { vpc: twoZoneVpc(stack), enableAutomaticBackups: true });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('compliant: selected by a backup plan', () => {
    const stack = newStack();
    const fs = new efs.FileSystem(stack, 'Fs', { vpc: twoZoneVpc(stack) });
    const plan = backup.BackupPlan.daily35DayRetention(stack, 'Plan');
    plan.addSelection('Files', { resources: [backup.BackupResource.fromEfsFileSystem(fs)] });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('compliant: selected by tag', () => {
    const stack = newStack();
    const fs = new efs.FileSystem(stack, 'Fs', { vpc: twoZoneVpc(stack) });
    Tags.of(fs).add('backup', 'daily');
    const plan = new backup.BackupPlan(stack, 'Plan', {
      backupPlanRules: [new backup.BackupPlanRule({ deleteAfter: Duration.days(35) })],
    });
    plan.addSelection('Tagged', { resources: [backup.BackupResource.fromTag('backup', 'daily')] });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: no backup policy, no plan', () => {
    const stack = newStack();
    new efs.FileSystem(stack, 'Fs', { vpc: twoZoneVpc(stack), enableAutomaticBackups: false });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Fs/Resource');
  });

  test('unresolved: the policy status is a parameter', () => {
    const stack = newStack();
    new efs.CfnFileSystem(stack, 'Fs', { backupPolicy: { status: parameter(stack, 'Status') } });
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
