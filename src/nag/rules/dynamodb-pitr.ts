import { CfnGlobalTable } from 'aws-cdk-lib/aws-dynamodb';
import { NagMessageLevel, rules } from 'cdk-nag';
import { bool, field, known, list } from '../resolve';
import { allOf, nagVerdict, ReliabilityRule, Unresolved, verdict } from '../rule';

/**
 * DynamoDB tables have point-in-time recovery: cdk-nag's DynamoDBPITREnabled for AWS::DynamoDB::Table,
 * and every replica of an AWS::DynamoDB::GlobalTable (TableV2). Unresolvable: UNKNOWN.
 */
export const DynamoDBPITR: ReliabilityRule = {
  name: 'DynamoDBPITR',
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'],
  bestPractice: 'REL09-BP01',
  info: 'The DynamoDB table (or a replica) does not have point-in-time recovery enabled.',
  explanation: 'Without point-in-time recovery a bad write, a buggy migration or a deleted item cannot be rolled back to the second before it happened.',
  fix: 'Set `pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true }` on the Table (on every replica of a TableV2).',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node) => {
    if (!(node instanceof CfnGlobalTable)) return nagVerdict(rules.dynamodb.DynamoDBPITREnabled, node);
    const replicas = list(node, node.replicas, 'Replicas') ?? [];
    return allOf(replicas.map((replica) => {
      const spec = known(node, field(known(node, replica, 'a replica'), 'pointInTimeRecoverySpecification'), 'PointInTimeRecoverySpecification');
      return verdict(bool(node, field(spec, 'pointInTimeRecoveryEnabled'), 'PointInTimeRecoveryEnabled') === true);
    }));
  },
};
