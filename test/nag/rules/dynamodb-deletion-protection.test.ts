import { aws_dynamodb as dynamodb } from 'aws-cdk-lib';
import { newStack, parameter, TestType, validateStack } from '../utils';

const RULE = 'DynamoDBDeletionProtection';
const partitionKey = { name: 'pk', type: dynamodb.AttributeType.STRING };

describe(RULE, () => {
  test('compliant: Table and TableV2 with deletion protection', () => {
    const stack = newStack();
    new dynamodb.Table(stack, 'Table', { partitionKey, deletionProtection: true });
    new dynamodb.TableV2(stack, 'TableV2', { partitionKey, deletionProtection: true });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: Table without', () => {
    const stack = newStack();
    new dynamodb.Table(stack, 'Table', { partitionKey });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Table/Resource');
  });

  test('non-compliant: TableV2 without', () => {
    const stack = newStack();
    new dynamodb.TableV2(stack, 'Table', { partitionKey });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Table/Resource');
  });

  test('unresolved: a parameter', () => {
    const stack = newStack();
    const table = new dynamodb.Table(stack, 'Table', { partitionKey });
    (table.node.defaultChild as dynamodb.CfnTable).deletionProtectionEnabled = parameter(stack, 'Protect') as unknown as boolean;
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
