import { aws_rds as rds } from 'aws-cdk-lib';
import { auroraCluster, postgresInstance } from '../fixtures';
import { newStack, parameter, TestType, validateStack } from '../utils';

const RULE = 'RDSMultiAZ';

describe(RULE, () => {
  test('compliant: Multi-AZ instance', () => {
    const stack = newStack();
    postgresInstance(stack);
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('not applicable: Aurora instances', () => {
    const stack = newStack();
    auroraCluster(stack, 1);
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: single-AZ instance (the default)', () => {
    const stack = newStack();
    postgresInstance(stack, { multiAz: undefined });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Db/Resource');
  });

  test('unresolved: MultiAZ is a parameter', () => {
    const stack = newStack();
    const db = postgresInstance(stack);
    (db.node.defaultChild as rds.CfnDBInstance).multiAz = parameter(stack, 'MultiAz') as unknown as boolean;
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
