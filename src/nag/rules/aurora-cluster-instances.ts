import { CfnDBCluster, CfnDBInstance } from 'aws-cdk-lib/aws-rds';
import { NagMessageLevel } from 'cdk-nag';
import { refsIn, resolve, str } from '../resolve';
import { ReliabilityRule, Unresolved, verdict, Verdict } from '../rule';

/**
 * Aurora clusters have at least 2 DB instances (a writer and a reader to fail over to), counted
 * among the CfnDBInstance resources of the same stack whose DBClusterIdentifier references the
 * cluster or equals its literal identifier. Aurora Serverless v1 (EngineMode `serverless`) and
 * non-Aurora clusters are not applicable. Instances outside the stack are not counted (flagged,
 * never passed). Unresolvable (Engine or EngineMode is a token): UNKNOWN.
 */
export const AuroraClusterInstances: ReliabilityRule = {
  name: 'AuroraClusterInstances',
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::RDS::DBCluster'],
  bestPractice: 'REL10-BP01',
  info: 'The Aurora cluster has fewer than 2 DB instances.',
  explanation: 'With a single writer and no reader, Aurora has no instance to promote: a failure waits for a new instance to be created, typically 10 minutes or more.',
  fix: 'Give the DatabaseCluster at least one reader: `readers: [ClusterInstance.serverlessV2(\'reader\')]` (in another Availability Zone).',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node, index) => {
    if (!(node instanceof CfnDBCluster)) return Verdict.NOT_APPLICABLE;
    if (!(str(node, node.engine, 'Engine') ?? '').toLowerCase().startsWith('aurora')) return Verdict.NOT_APPLICABLE;
    if (str(node, node.engineMode, 'EngineMode') === 'serverless') return Verdict.NOT_APPLICABLE;
    const clusterId = index.logicalId(node);
    const clusterName = resolve(node, node.dbClusterIdentifier);
    const members = (index.resources('AWS::RDS::DBInstance') as CfnDBInstance[]).filter((instance) => {
      const reference = resolve(instance, instance.dbClusterIdentifier);
      if (reference === undefined) return false;
      return refsIn(reference).has(clusterId)
        || (typeof clusterName === 'string' && typeof reference === 'string' && reference.toLowerCase() === clusterName.toLowerCase());
    });
    return verdict(members.length >= 2);
  },
};
