import { aws_rds as rds } from 'aws-cdk-lib';
import { auroraCluster } from '../fixtures';
import { newStack, parameter, TestType, validateStack } from '../utils';

const RULE = 'AuroraClusterInstances';

describe(RULE, () => {
  test('compliant: a writer and a reader', () => {
    const stack = newStack();
    auroraCluster(stack, 1);
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('compliant: an instance attached by literal cluster identifier counts', () => {
    const stack = newStack();
    auroraCluster(stack, 0, { clusterIdentifier: 'orders' });
    new rds.CfnDBInstance(stack, 'Extra', { dbClusterIdentifier: 'orders', engine: 'aurora-postgresql', dbInstanceClass: 'db.serverless' });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: a writer alone', () => {
    const stack = newStack();
    auroraCluster(stack, 0);
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Cluster/Resource');
  });

  test('unresolved: the engine is a parameter', () => {
    const stack = newStack();
    const cluster = auroraCluster(stack, 0);
    (cluster.node.defaultChild as rds.CfnDBCluster).engine = parameter(stack, 'Engine');
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
