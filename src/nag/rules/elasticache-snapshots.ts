import { CfnCacheCluster, CfnReplicationGroup, CfnServerlessCache } from 'aws-cdk-lib/aws-elasticache';
import { NagMessageLevel } from 'cdk-nag';
import { num, str } from '../resolve';
import { ReliabilityRule, Unresolved, verdict, Verdict } from '../rule';

/**
 * Redis / Valkey caches take automatic snapshots (SnapshotRetentionLimit >= 1): replication groups,
 * standalone cache clusters and serverless caches. Memcached (no persistence) is not applicable. Unresolvable: UNKNOWN.
 */
export const ElastiCacheSnapshots: ReliabilityRule = {
  name: 'ElastiCacheSnapshots',
  level: NagMessageLevel.WARN,
  resourceTypes: ['AWS::ElastiCache::ReplicationGroup', 'AWS::ElastiCache::CacheCluster', 'AWS::ElastiCache::ServerlessCache'],
  bestPractice: 'REL09-BP03',
  info: 'The Redis / Valkey cache does not take automatic snapshots.',
  explanation: 'A cache that also holds state (sessions, counters, queues) loses it all when its nodes fail together or the cluster is recreated; a snapshot lets it restart warm.',
  fix: 'Set `snapshotRetentionLimit: 1` or more (and a `snapshotWindow`).',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node) => {
    if (node instanceof CfnCacheCluster) {
      if ((str(node, node.engine, 'Engine') ?? '').toLowerCase() === 'memcached') return Verdict.NOT_APPLICABLE;
    } else if (node instanceof CfnServerlessCache) {
      if ((str(node, node.engine, 'Engine') ?? '').toLowerCase() === 'memcached') return Verdict.NOT_APPLICABLE;
    } else if (!(node instanceof CfnReplicationGroup)) {
      return Verdict.NOT_APPLICABLE;
    }
    const retention = num(node, (node as { snapshotRetentionLimit?: unknown }).snapshotRetentionLimit, 'SnapshotRetentionLimit');
    return verdict((retention ?? 0) >= 1);
  },
};
