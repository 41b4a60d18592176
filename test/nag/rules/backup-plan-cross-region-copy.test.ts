import { Aws, Duration, Fn, Stack, aws_backup as backup } from 'aws-cdk-lib';
import { newStack, TestType, validateStack } from '../utils';

const RULE = 'BackupPlanCrossRegionCopy';
const env = { account: '123456789012', region: 'eu-west-1' };

function planCopyingTo(stack: Stack, destination: backup.IBackupVault): void {
  new backup.BackupPlan(stack, 'Plan', {
    backupPlanRules: [new backup.BackupPlanRule({
      deleteAfter: Duration.days(35),
      copyActions: [{ destinationBackupVault: destination, deleteAfter: Duration.days(35) }],
    })],
  });
}

describe(RULE, () => {
  test('compliant: copies to a vault in another Region', () => {
    const stack = newStack({ env });
    planCopyingTo(stack, backup.BackupVault.fromBackupVaultArn(stack, 'Dr', 'arn:aws:backup:eu-central-1:123456789012:backup-vault:dr'));
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: no copy action', () => {
    const stack = newStack({ env });
    backup.BackupPlan.daily35DayRetention(stack, 'Plan');
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Plan/Resource');
  });

  test('non-compliant: copies to a vault of the same stack', () => {
    const stack = newStack({ env });
    planCopyingTo(stack, new backup.BackupVault(stack, 'Local'));
    validateStack(stack, RULE, TestType.NON_COMPLIANCE);
  });

  test('non-compliant: copies to a vault ARN in the stack\'s own Region', () => {
    const stack = newStack({ env });
    planCopyingTo(stack, backup.BackupVault.fromBackupVaultArn(stack, 'Same', 'arn:aws:backup:eu-west-1:123456789012:backup-vault:same'));
    validateStack(stack, RULE, TestType.NON_COMPLIANCE);
  });

  test('non-compliant: a vault named by name only lives in the stack\'s Region (ARN built with Fn::Join)', () => {
    const stack = newStack({ env });
    planCopyingTo(stack, backup.BackupVault.fromBackupVaultName(stack, 'Named', 'local'));
    validateStack(stack, RULE, TestType.NON_COMPLIANCE);
  });

  test('non-compliant: an ARN built with AWS::Region is the same Region, even environment-agnostic', () => {
    const stack = newStack();
    planCopyingTo(stack, backup.BackupVault.fromBackupVaultName(stack, 'Named', 'local'));
    validateStack(stack, RULE, TestType.NON_COMPLIANCE);
  });

  test('compliant: a joined ARN naming another Region', () => {
    const stack = newStack({ env });
    planCopyingTo(stack, backup.BackupVault.fromBackupVaultArn(stack, 'Dr', Fn.join('', ['arn:', Aws.PARTITION, ':backup:eu-central-1:123456789012:backup-vault:dr'])));
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('unresolved: an environment-agnostic stack cannot compare Regions', () => {
    const stack = newStack();
    planCopyingTo(stack, backup.BackupVault.fromBackupVaultArn(stack, 'Dr', 'arn:aws:backup:eu-central-1:123456789012:backup-vault:dr'));
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
