import { aws_dynamodb as dynamodb } from 'aws-cdk-lib';
import { newStack, TestType, validateStack } from '../utils';

const RULE = 'DynamoDBGlobalTableReplica';
const env = { account: '123456789012', region: 'eu-west-1' };
const partitionKey = { name: 'pk', type: dynamodb.AttributeType.STRING };

describe(RULE, () => {
  test('compliant: a replica in a second Region', () => {
    const stack = newStack({ env });
    new dynamodb.TableV2(stack, 'Table', { partitionKey, replicas: [{ region: 'eu-central-1' }] });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: only the stack Region\'s replica', () => {
    const stack = newStack({ env });
    new dynamodb.TableV2(stack, 'Table', { partitionKey });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Table/Resource');
  });

  test('unresolved: an environment-agnostic stack', () => {
    const stack = newStack();
    new dynamodb.CfnGlobalTable(stack, 'Table', {
      attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }],
      keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
      billingMode: 'PAY_PER_REQUEST',
      replicas: [{ region: 'eu-central-1' }],
    });
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
