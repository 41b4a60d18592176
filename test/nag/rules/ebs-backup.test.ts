import { Duration, Size, Stack, Tags, aws_backup as backup, aws_ec2 as ec2 } from 'aws-cdk-lib';
import { newStack, TestType, validateStack } from '../utils';

const RULE = 'EBSBackup';

function volume(stack: Stack): ec2.Volume {
  return new ec2.Volume(stack, 'Volume', { availabilityZone: 'eu-west-1a', size: Size.gibibytes(20), encrypted: true });
}

function plan(stack: Stack): backup.BackupPlan {
  return new backup.BackupPlan(stack, 'Plan', { backupPlanRules: [new backup.BackupPlanRule({ deleteAfter: Duration.days(35) })] });
}

describe(RULE, () => {
  test('compliant: selected by ARN', () => {
    const stack = newStack();
    const v = volume(stack);
    plan(stack).addSelection('Volumes', {
      resources: [backup.BackupResource.fromArn(Stack.of(v).formatArn({ service: 'ec2', resource: 'volume', resourceName: v.volumeId }))],
    });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('compliant: selected by tag', () => {
    const stack = newStack();
    Tags.of(volume(stack)).add('backup', 'daily');
    plan(stack).addSelection('Tagged', { resources: [backup.BackupResource.fromTag('backup', 'daily')] });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: in no plan', () => {
    const stack = newStack();
    volume(stack);
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Volume/Resource');
  });

  test('non-compliant: a tag selection the volume does not match', () => {
    const stack = newStack();
    Tags.of(volume(stack)).add('backup', 'never');
    plan(stack).addSelection('Tagged', { resources: [backup.BackupResource.fromTag('backup', 'daily')] });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE);
  });
});
