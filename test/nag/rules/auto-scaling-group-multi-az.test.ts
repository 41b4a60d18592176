import { aws_autoscaling as autoscaling, aws_ec2 as ec2 } from 'aws-cdk-lib';
import { twoZoneVpc } from '../fixtures';
import { newStack, TestType, validateStack } from '../utils';

const RULE = 'AutoScalingGroupMultiAZ';

const instance = {
  instanceType: new ec2.InstanceType('t3.micro'),
  machineImage: ec2.MachineImage.latestAmazonLinux2023(),
};

describe(RULE, () => {
  test('compliant: subnets in 2 zones', () => {
    const stack = newStack();
    new autoscaling.AutoScalingGroup(stack, 'Asg', { vpc: twoZoneVpc(stack), ...instance });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('compliant: 2 Availability Zones without subnets', () => {
    const stack = newStack();
    new autoscaling.CfnAutoScalingGroup(stack, 'Asg', { minSize: '2', maxSize: '4', availabilityZones: ['eu-west-1a', 'eu-west-1b'] });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: one subnet', () => {
    const stack = newStack();
    const vpc = twoZoneVpc(stack);
    new autoscaling.AutoScalingGroup(stack, 'Asg', { vpc, vpcSubnets: { subnets: [vpc.privateSubnets[0]] }, ...instance });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Asg/ASG');
  });

  test('unresolved: subnets imported by id', () => {
    const stack = newStack();
    new autoscaling.CfnAutoScalingGroup(stack, 'Asg', { minSize: '2', maxSize: '4', vpcZoneIdentifier: ['subnet-0123456789abcdef0'] });
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
