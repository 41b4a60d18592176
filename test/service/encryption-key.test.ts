import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { createLogsKey } from '../../src/service/encryption-key';

describe('createLogsKey', () => {
  const stack = new Stack(undefined, 'S', { env: { account: '111111111111', region: 'eu-west-1' } });
  createLogsKey(stack, 'Key', 'Encrypts logs');
  const template = Template.fromStack(stack);

  test('rotated and retained', () => {
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ EnableKeyRotation: true }) });
  });

  test('CloudWatch Logs of this account and Region may use it', () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([Match.objectLike({
          Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
          Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': Match.objectLike({}) } },
        })]),
      },
    });
    const key = Object.values(template.findResources('AWS::KMS::Key'))[0];
    expect(JSON.stringify(key.Properties.KeyPolicy)).toContain(':logs:eu-west-1:111111111111:log-group:*');
  });

  test('grants only for AWS resources', () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([{
          Sid: 'DenyGrantsToNonAwsServices',
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: 'kms:CreateGrant',
          Resource: '*',
          Condition: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
        }]),
      },
    });
  });
});
