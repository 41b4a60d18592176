import { NagMessageLevel, rules } from 'cdk-nag';
import { nagVerdict, ReliabilityRule, Unresolved } from '../rule';

/**
 * RDS DB instances and clusters have deletion protection: cdk-nag's
 * RDSInstanceDeletionProtectionEnabled, reused (Aurora instances pass: the cluster carries it).
 * Unresolvable (DeletionProtection is a token): UNKNOWN.
 */
export const RDSDeletionProtection: ReliabilityRule = {
  name: 'RDSDeletionProtection',
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  bestPractice: 'REL09-BP01',
  info: 'The RDS database does not have deletion protection enabled.',
  explanation: 'A replaced construct, a renamed identifier or a deleted stack otherwise deletes the database with it.',
  fix: 'Set `deletionProtection: true` on the DatabaseInstance or DatabaseCluster.',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node) => nagVerdict(rules.rds.RDSInstanceDeletionProtectionEnabled, node),
};
