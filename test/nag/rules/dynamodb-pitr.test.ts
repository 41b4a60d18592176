import { aws_dynamodb as dynamodb } from 'aws-cdk-lib';
import { newStack, parameter, TestType, validateStack } from '../utils';

const RULE = 'DynamoDBPITR';
const partitionKey = { name: 'pk', type: dynamodb.AttributeType.STRING };

describe(RULE, () => {
  test('compliant: Table with point-in-time recovery', () => {
    const stack = newStack();
    new dynamodb.Table(stack, 'Table', { partitionKey, pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true } });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('compliant: TableV2 with point-in-time recovery', () => {
    const stack = newStack();
    new dynamodb.TableV2(stack, 'Table', { partitionKey, pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true } });
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

  test('unresolved: the flag is a parameter', () => {
    const stack = newStack();
    new dynamodb.CfnTable(stack, 'Table', {
      keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
      attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }],
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: parameter(stack, 'Pitr') as unknown as boolean },
    });
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
