import { Duration, aws_backup as backup } from 'aws-cdk-lib';
import { newStack, parameter, TestType, validateStack } from '../utils';

const RULE = 'BackupVaultLock';

describe(RULE, () => {
  test('compliant: vault lock with a minimum retention', () => {
    const stack = newStack();
    new backup.BackupVault(stack, 'Vault', { lockConfiguration: { minRetention: Duration.days(7) } });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: no lock', () => {
    const stack = newStack();
    new backup.BackupVault(stack, 'Vault');
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Vault/Resource');
  });

  test('unresolved: minimum retention is a parameter', () => {
    const stack = newStack();
    new backup.CfnBackupVault(stack, 'Vault', {
      backupVaultName: 'vault',
      lockConfiguration: { minRetentionDays: parameter(stack, 'Days', 'Number') as unknown as number },
    });
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
