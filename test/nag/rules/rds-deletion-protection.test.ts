import { aws_rds as rds } from 'aws-cdk-lib';
import { auroraCluster, postgresInstance } from '../fixtures';
import { newStack, parameter, TestType, validateStack } from '../utils';

const RULE = 'RDSDeletionProtection';

describe(RULE, () => {
  test('compliant: instance and cluster with deletion protection', () => {
    const stack = newStack();
    const db = postgresInstance(stack);
    auroraCluster(stack, 1, { vpc: db.vpc });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: instance without', () => {
    const stack = newStack();
    postgresInstance(stack, { deletionProtection: false });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Db/Resource');
  });

  test('non-compliant: cluster without', () => {
    const stack = newStack();
    auroraCluster(stack, 1, { deletionProtection: false });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Cluster/Resource');
  });

  test('unresolved: a parameter', () => {
    const stack = newStack();
    const cluster = auroraCluster(stack, 1);
    (cluster.node.defaultChild as rds.CfnDBCluster).deletionProtection = parameter(stack, 'Protect') as unknown as boolean;
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
