import { Duration, aws_rds as rds } from 'aws-cdk-lib';
import { auroraCluster, postgresInstance } from '../fixtures';
import { newStack, parameter, TestType, validateStack } from '../utils';

const RULE = 'RDSBackupRetention';

describe(RULE, () => {
  test('compliant: instance keeps 7 days', () => {
    const stack = newStack();
    postgresInstance(stack);
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('compliant: Aurora cluster keeps 7 days (its instances are not checked)', () => {
    const stack = newStack();
    auroraCluster(stack, 1);
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: instance with the default retention', () => {
    const stack = newStack();
    postgresInstance(stack, { backupRetention: undefined });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Db/Resource');
  });

  test('non-compliant: Aurora cluster keeping 3 days', () => {
    const stack = newStack();
    auroraCluster(stack, 1, { backup: { retention: Duration.days(3) } });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Cluster/Resource');
  });

  test('unresolved: retention is a parameter', () => {
    const stack = newStack();
    const db = postgresInstance(stack);
    (db.node.defaultChild as rds.CfnDBInstance).backupRetentionPeriod = parameter(stack, 'Days', 'Number') as unknown as number;
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
