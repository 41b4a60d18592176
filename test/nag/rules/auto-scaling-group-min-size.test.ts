import { aws_autoscaling as autoscaling, aws_ec2 as ec2 } from 'aws-cdk-lib';
import { twoZoneVpc } from '../fixtures';
import { newStack, parameter, TestType, validateStack } from '../utils';

const RULE = 'AutoScalingGroupMinSize';

const instance = {
  instanceType: new ec2.InstanceType('t3.micro'),
  machineImage: ec2.MachineImage.latestAmazonLinux2023(),
};

describe(RULE, () => {
  test('compliant: minimum capacity 2', () => {
    const stack = newStack();
    new autoscaling.AutoScalingGroup(stack, 'Asg', { vpc: twoZoneVpc(stack), minCapacity: 2, ...instance });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: the default minimum of 1', () => {
    const stack = newStack();
    new autoscaling.AutoScalingGroup(stack, 'Asg', { vpc: twoZoneVpc(stack), ...instance });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Asg/ASG');
  });

  test('unresolved: a parameter', () => {
    const stack = newStack();
    new autoscaling.CfnAutoScalingGroup(stack, 'Asg', { minSize: parameter(stack, 'Min'), maxSize: '4', availabilityZones: ['a', 'b'] });
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
