import { CfnCacheCluster, CfnReplicationGroup } from 'aws-cdk-lib/aws-elasticache';
import { NagMessageLevel, rules } from 'cdk-nag';
import { bool, num, str } from '../resolve';
import { nagVerdict, ReliabilityRule, Unresolved, verdict, Verdict } from '../rule';

/**
 * ElastiCache survives the loss of a node or zone:
 * - replication groups enable Multi-AZ (cdk-nag's ElastiCacheRedisClusterMultiAZ, reused) and
 *   automatic failover;
 * - a standalone Redis / Valkey cache cluster is a single node: non-compliant;
 * - a Memcached cluster spreads at least 2 nodes with AZMode `cross-az`.
 * ElastiCache Serverless is multi-AZ by design and not checked. Unresolvable: UNKNOWN.
 */
export const ElastiCacheMultiAZ: ReliabilityRule = {
  name: 'ElastiCacheMultiAZ',
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::ElastiCache::ReplicationGroup', 'AWS::ElastiCache::CacheCluster'],
  bestPractice: 'REL10-BP01',
  info: 'The ElastiCache cluster is not Multi-AZ with automatic failover.',
  explanation: 'Without replicas in another zone and automatic failover, losing the primary node or its zone takes the cache (and every request that needs it) down until a node is rebuilt.',
  fix: 'Use a CfnReplicationGroup with `multiAzEnabled: true`, `automaticFailoverEnabled: true` and at least one replica (`numCacheClusters: 2` or `replicasPerNodeGroup: 1`).',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node) => {
    if (node instanceof CfnReplicationGroup) {
      if (nagVerdict(rules.elasticache.ElastiCacheRedisClusterMultiAZ, node) !== Verdict.COMPLIANT) return Verdict.NON_COMPLIANT;
      return verdict(bool(node, node.automaticFailoverEnabled, 'AutomaticFailoverEnabled') === true);
    }
    if (node instanceof CfnCacheCluster) {
      if ((str(node, node.engine, 'Engine') ?? '').toLowerCase() !== 'memcached') return Verdict.NON_COMPLIANT;
      return verdict(str(node, node.azMode, 'AZMode') === 'cross-az' && (num(node, node.numCacheNodes, 'NumCacheNodes') ?? 1) >= 2);
    }
    return Verdict.NOT_APPLICABLE;
  },
};
