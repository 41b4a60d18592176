import { Duration, aws_backup as backup } from 'aws-cdk-lib';
import { newStack, parameter, TestType, validateStack } from '../utils';

const RULE = 'BackupPlanRetention';

describe(RULE, () => {
  test('compliant: 35-day retention', () => {
    const stack = newStack();
    backup.BackupPlan.daily35DayRetention(stack, 'Plan');
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: a rule keeping 3 days', () => {
    const stack = newStack();
    new backup.BackupPlan(stack, 'Plan', { backupPlanRules: [new backup.BackupPlanRule({ deleteAfter: Duration.days(3) })] });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Plan/Resource');
  });

  test('unresolved: retention is a parameter', () => {
    const stack = newStack();
    new backup.CfnBackupPlan(stack, 'Plan', {
      backupPlan: {
        backupPlanName: 'plan',
        backupPlanRule: [{ ruleName: 'daily', targetBackupVault: 'Default', lifecycle: { deleteAfterDays: parameter(stack, 'Days', 'Number') as unknown as number } }],
      },
    });
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
