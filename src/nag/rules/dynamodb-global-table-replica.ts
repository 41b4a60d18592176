import { Token } from 'aws-cdk-lib';
import { CfnGlobalTable } from 'aws-cdk-lib/aws-dynamodb';
import { NagMessageLevel } from 'cdk-nag';
import { field, list, resolve, str } from '../resolve';
import { ReliabilityRule, Unresolved, verdict, Verdict } from '../rule';

/**
 * DynamoDB global tables keep a replica in a Region other than the stack's: a global table whose only replica is
 * in its own Region pays for global-table semantics and survives no Regional failure. Unresolvable (a replica Region
 * from a parameter, or an environment-agnostic stack): UNKNOWN.
 */
export const DynamoDBGlobalTableReplica: ReliabilityRule = {
  name: 'DynamoDBGlobalTableReplica',
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::DynamoDB::GlobalTable'],
  bestPractice: 'REL13-BP02',
  info: 'The DynamoDB global table has no replica in a second Region.',
  explanation: 'The data of a pilot light, warm standby or active/active recovery must already be in the other Region; a global table with one replica is lost with its Region.',
  fix: 'Add `replicas: [{ region: \'<other Region>\' }]` to the TableV2, or protect it with a MultiRegionRecovery (`tables`), with the stack\'s `env.region` set.',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node, index) => {
    if (!(node instanceof CfnGlobalTable)) return Verdict.NOT_APPLICABLE;
    const replicas = list(node, node.replicas, 'Replicas') ?? [];
    const regions = replicas.map((r) => str(node, field(resolve(node, r), 'region'), 'a replica Region'));
    if (Token.isUnresolved(index.stack.region)) return Verdict.UNKNOWN;
    return verdict(regions.some((region) => region !== undefined && region !== index.stack.region));
  },
};
