import { CfnDBInstance } from 'aws-cdk-lib/aws-rds';
import { NagMessageLevel, rules } from 'cdk-nag';
import { resolve } from '../resolve';
import { nagVerdict, ReliabilityRule, Unresolved, Verdict } from '../rule';

/**
 * Non-Aurora RDS DB instances are Multi-AZ: cdk-nag's RDSMultiAZSupport, reused. Aurora instances
 * (redundancy is the cluster's instance count, see AuroraClusterInstances) and members of a
 * Multi-AZ DB cluster are not applicable. Unresolvable (MultiAZ or Engine is a token): UNKNOWN.
 */
export const RDSMultiAZ: ReliabilityRule = {
  name: 'RDSMultiAZ',
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::RDS::DBInstance'],
  bestPractice: 'REL10-BP01',
  info: 'The RDS DB instance is not Multi-AZ.',
  explanation: 'A single-AZ instance is down for the whole recovery of its host or zone, and during some maintenance; Multi-AZ fails over to a standby in another zone within minutes.',
  fix: 'Set `multiAz: true` on the DatabaseInstance.',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node) => {
    if (node instanceof CfnDBInstance && resolve(node, node.dbClusterIdentifier) !== undefined) return Verdict.NOT_APPLICABLE;
    return nagVerdict(rules.rds.RDSMultiAZSupport, node);
  },
};
