import { Duration, Stack, aws_autoscaling as autoscaling, aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2 } from 'aws-cdk-lib';
import { twoZoneVpc } from '../fixtures';
import { newStack, parameter, TestType, validateStack } from '../utils';

const RULE = 'AutoScalingGroupELBHealthCheck';

function groupBehindAlb(stack: Stack, props: Partial<autoscaling.AutoScalingGroupProps>): autoscaling.AutoScalingGroup {
  const vpc = twoZoneVpc(stack);
  const group = new autoscaling.AutoScalingGroup(stack, 'Asg', {
    vpc,
    instanceType: new ec2.InstanceType('t3.micro'),
    machineImage: ec2.MachineImage.latestAmazonLinux2023(),
    minCapacity: 2,
    ...props,
  });
  new elbv2.ApplicationTargetGroup(stack, 'Tg', { vpc, port: 80, targets: [group] });
  return group;
}

describe(RULE, () => {
  test('compliant: ELB health check', () => {
    const stack = newStack();
    groupBehindAlb(stack, {
      healthChecks: autoscaling.HealthChecks.withAdditionalChecks({
        additionalTypes: [autoscaling.AdditionalHealthCheckType.ELB],
        gracePeriod: Duration.minutes(2),
      }),
    });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('compliant: ELB among additional health check types', () => {
    const stack = newStack();
    groupBehindAlb(stack, {
      healthChecks: autoscaling.HealthChecks.withAdditionalChecks({
        additionalTypes: [autoscaling.AdditionalHealthCheckType.ELB, autoscaling.AdditionalHealthCheckType.EBS],
        gracePeriod: Duration.minutes(2),
      }),
    });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('not applicable: no load balancer', () => {
    const stack = newStack();
    new autoscaling.AutoScalingGroup(stack, 'Asg', {
      vpc: twoZoneVpc(stack),
      instanceType: new ec2.InstanceType('t3.micro'),
      machineImage: ec2.MachineImage.latestAmazonLinux2023(),
    });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: EC2 health check behind a load balancer', () => {
    const stack = newStack();
    groupBehindAlb(stack, {});
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Asg/ASG');
  });

  test('unresolved: health check type is a parameter', () => {
    const stack = newStack();
    const group = groupBehindAlb(stack, {});
    (group.node.defaultChild as autoscaling.CfnAutoScalingGroup).healthCheckType = parameter(stack, 'Type');
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
