import { aws_elasticache as elasticache } from 'aws-cdk-lib';
import { newStack, parameter, TestType, validateStack } from '../utils';

const RULE = 'ElastiCacheSnapshots';
const group = { replicationGroupDescription: 'sessions', engine: 'valkey', cacheNodeType: 'cache.t4g.micro', numCacheClusters: 2 };

describe(RULE, () => {
  test('compliant: snapshots kept 7 days', () => {
    const stack = newStack();
    new elasticache.CfnReplicationGroup(stack, 'Cache', { ...group, snapshotRetentionLimit: 7 });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('not applicable: Memcached', () => {
    const stack = newStack();
    new elasticache.CfnCacheCluster(stack, 'Cache', { engine: 'memcached', cacheNodeType: 'cache.t4g.micro', numCacheNodes: 2 });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: no snapshots', () => {
    const stack = newStack();
    new elasticache.CfnReplicationGroup(stack, 'Cache', group);
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Cache');
  });

  test('non-compliant: serverless Valkey without snapshots', () => {
    const stack = newStack();
    new elasticache.CfnServerlessCache(stack, 'Serverless', { engine: 'valkey', serverlessCacheName: 'sessions' });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Serverless');
  });

  test('unresolved: a parameter', () => {
    const stack = newStack();
    new elasticache.CfnReplicationGroup(stack, 'Cache', { ...group, snapshotRetentionLimit: parameter(stack, 'Days', 'Number') as unknown as number });
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
