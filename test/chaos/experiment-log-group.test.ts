import { App, Stack, aws_logs as logs } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { createExperimentLogGroup } from '../../src/chaos/experiment-log-group';

describe('createExperimentLogGroup', () => {
  test('the key lets CloudWatch Logs of this account use it, denies grants to non-AWS services, and is retained', () => {
    const stack = new Stack(new App(), 'S', { env: { account: '111111111111', region: 'eu-west-1' } });
    createExperimentLogGroup(stack, logs.RetentionDays.THREE_MONTHS);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
    template.hasResource('AWS::KMS::Key', {
      DeletionPolicy: 'Retain',
      Properties: {
        EnableKeyRotation: true,
        KeyPolicy: {
          Statement: Match.arrayWith([
            Match.objectLike({ Sid: 'DenyGrantsToNonAwsServices', Effect: 'Deny', Action: 'kms:CreateGrant' }),
            Match.objectLike({
              Sid: 'AllowCloudWatchLogs',
              Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
              Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': Match.anyValue() } },
            }),
          ]),
        },
      },
    });
  });
});
