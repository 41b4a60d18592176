import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ProtectedResource, ProtectedResourceType } from '../../src/dr';
import { createRestoreTests, restoreSelections } from '../../src/dr/restore-testing-plan';

const resources = [
  ProtectedResource.fromArn('arn:aws:dynamodb:us-east-1:1:table/a', ProtectedResourceType.DYNAMODB),
  ProtectedResource.fromTag('tier', 'gold', ProtectedResourceType.EFS),
  ProtectedResource.fromArn('arn:aws:dynamodb:us-east-1:1:table/b', ProtectedResourceType.DYNAMODB),
];

test('selections: one per type by ARN (first), one per tag selection', () => {
  expect(restoreSelections(resources)).toEqual([
    { name: 'DynamoDB', typeName: 'DynamoDB', arns: ['arn:aws:dynamodb:us-east-1:1:table/a', 'arn:aws:dynamodb:us-east-1:1:table/b'] },
    { name: 'EFSTag1', typeName: 'EFS', arns: ['*'], tag: { key: 'tier', value: 'gold' } },
  ]);
});

test('the plan restores the latest snapshot within the window; selections depend on it', () => {
  const stack = new Stack(new App(), 'S');
  createRestoreTests(stack, {
    owner: "DrBackupPlan 'X'",
    options: { validationWindow: Duration.hours(2) },
    resources,
    vaultArn: 'arn:aws:backup:us-east-1:111111111111:backup-vault:v',
    roleArn: 'arn:aws:iam::111111111111:role/restore',
    continuousBackup: false,
    minRetentionDays: 5,
  });
  const template = Template.fromStack(stack);
  template.hasResourceProperties('AWS::Backup::RestoreTestingPlan', {
    RestoreTestingPlanName: 'S',
    ScheduleExpression: 'cron(0 6 ? * MON *)',
    RecoveryPointSelection: { Algorithm: 'LATEST_WITHIN_WINDOW', IncludeVaults: ['arn:aws:backup:us-east-1:111111111111:backup-vault:v'], RecoveryPointTypes: ['SNAPSHOT'], SelectionWindowDays: 5 },
  });
  template.resourceCountIs('AWS::Backup::RestoreTestingSelection', 2);
  template.hasResource('AWS::Backup::RestoreTestingSelection', {
    DependsOn: ['RestoreTestingPlan'],
    Properties: {
      RestoreTestingPlanName: 'S',
      RestoreTestingSelectionName: 'DynamoDB_0',
      ProtectedResourceType: 'DynamoDB',
      IamRoleArn: 'arn:aws:iam::111111111111:role/restore',
      ProtectedResourceArns: ['arn:aws:dynamodb:us-east-1:1:table/a', 'arn:aws:dynamodb:us-east-1:1:table/b'],
      ValidationWindowHours: 2,
    },
  });
});

test('the selection window cannot outlive the shortest retention', () => {
  expect(() => createRestoreTests(new Stack(new App(), 'S'), {
    owner: "DrBackupPlan 'X'",
    options: { selectionWindow: Duration.days(8) },
    resources,
    vaultArn: 'arn:aws:backup:us-east-1:111111111111:backup-vault:v',
    roleArn: 'arn:aws:iam::111111111111:role/restore',
    continuousBackup: false,
    minRetentionDays: 7,
  })).toThrow("DrBackupPlan 'X': restoreTesting.selectionWindow must be a whole number of days between 1 and 7 (the shortest retention), got 8 days");
});
