import { App, Duration, Tags, aws_backup as backup, aws_efs as efs } from 'aws-cdk-lib';
import { isInBackupSelection } from '../../../src/nag/helpers/backup-selection';
import { StackIndex } from '../../../src/nag/stack-index';
import { twoZoneVpc } from '../fixtures';
import { newStack } from '../utils';

function setup(resources: (fs: efs.FileSystem) => backup.BackupResource[]): boolean {
  const stack = newStack();
  const fs = new efs.FileSystem(stack, 'Fs', { vpc: twoZoneVpc(stack) });
  Tags.of(fs).add('tier', 'gold');
  const plan = new backup.BackupPlan(stack, 'Plan', { backupPlanRules: [new backup.BackupPlanRule({ deleteAfter: Duration.days(35) })] });
  plan.addSelection('Selection', { resources: resources(fs) });
  // Tags.of() is an aspect: it reaches the resource at synth, as in a real `cdk synth`.
  App.of(stack)!.synth();
  return isInBackupSelection(fs.node.defaultChild as efs.CfnFileSystem, new StackIndex(stack), 'elasticfilesystem');
}

describe('isInBackupSelection', () => {
  test('by reference, by wildcard ARN and by tag', () => {
    expect(setup((fs) => [backup.BackupResource.fromEfsFileSystem(fs)])).toBe(true);
    expect(setup(() => [backup.BackupResource.fromArn('arn:aws:elasticfilesystem:*:*:file-system/*')])).toBe(true);
    expect(setup(() => [backup.BackupResource.fromTag('tier', 'gold')])).toBe(true);
  });

  test('not by another service\'s wildcard or another tag value', () => {
    expect(setup(() => [backup.BackupResource.fromArn('arn:aws:dynamodb:*:*:table/*')])).toBe(false);
    expect(setup(() => [backup.BackupResource.fromTag('tier', 'silver')])).toBe(false);
  });
});
