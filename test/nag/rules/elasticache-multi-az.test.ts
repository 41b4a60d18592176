import { aws_elasticache as elasticache } from 'aws-cdk-lib';
import { newStack, parameter, TestType, validateStack } from '../utils';

const RULE = 'ElastiCacheMultiAZ';
const group = { replicationGroupDescription: 'sessions', engine: 'valkey', cacheNodeType: 'cache.t4g.micro' };

describe(RULE, () => {
  test('compliant: replication group Multi-AZ with failover and a replica', () => {
    const stack = newStack();
    new elasticache.CfnReplicationGroup(stack, 'Cache', { ...group, numCacheClusters: 2, multiAzEnabled: true, automaticFailoverEnabled: true });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('compliant: Memcached spread across zones', () => {
    const stack = newStack();
    new elasticache.CfnCacheCluster(stack, 'Cache', { engine: 'memcached', cacheNodeType: 'cache.t4g.micro', numCacheNodes: 2, azMode: 'cross-az' });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: replication group without Multi-AZ', () => {
    const stack = newStack();
    new elasticache.CfnReplicationGroup(stack, 'Cache', { ...group, numCacheClusters: 2, automaticFailoverEnabled: true });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Cache');
  });

  test('non-compliant: Multi-AZ without automatic failover', () => {
    const stack = newStack();
    new elasticache.CfnReplicationGroup(stack, 'Cache', { ...group, numCacheClusters: 2, multiAzEnabled: true, automaticFailoverEnabled: false });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE);
  });

  test('non-compliant: a standalone Redis node', () => {
    const stack = newStack();
    new elasticache.CfnCacheCluster(stack, 'Cache', { engine: 'redis', cacheNodeType: 'cache.t4g.micro', numCacheNodes: 1 });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Cache');
  });

  test('unresolved: failover flag is a parameter', () => {
    const stack = newStack();
    new elasticache.CfnReplicationGroup(stack, 'Cache', {
      ...group, numCacheClusters: 2, multiAzEnabled: true, automaticFailoverEnabled: parameter(stack, 'Failover') as unknown as boolean,
    });
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
