import { CfnGlobalTable, CfnTable } from 'aws-cdk-lib/aws-dynamodb';
import { NagMessageLevel } from 'cdk-nag';
import { bool, field, known, list } from '../resolve';
import { allOf, ReliabilityRule, Unresolved, verdict, Verdict } from '../rule';

/**
 * DynamoDB tables, and every replica of a global table, have DeletionProtectionEnabled.
 * Unresolvable: UNKNOWN.
 */
export const DynamoDBDeletionProtection: ReliabilityRule = {
  name: 'DynamoDBDeletionProtection',
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'],
  bestPractice: 'REL09-BP01',
  info: 'The DynamoDB table (or a replica) does not have deletion protection enabled.',
  explanation: 'A table replacement (a changed key schema, a renamed construct) or a stack deletion otherwise deletes the table and its data.',
  fix: 'Set `deletionProtection: true` on the Table or TableV2 (and on each replica).',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node) => {
    if (node instanceof CfnTable) {
      return verdict(bool(node, node.deletionProtectionEnabled, 'DeletionProtectionEnabled') === true);
    }
    if (node instanceof CfnGlobalTable) {
      const replicas = list(node, node.replicas, 'Replicas') ?? [];
      return allOf(replicas.map((replica) => verdict(
        bool(node, field(known(node, replica, 'a replica'), 'deletionProtectionEnabled'), 'DeletionProtectionEnabled') === true)));
    }
    return Verdict.NOT_APPLICABLE;
  },
};
