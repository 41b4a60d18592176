import { aws_ec2 as ec2 } from 'aws-cdk-lib';
import { distinctZones } from '../../../src/nag/helpers/zones';
import { StackIndex } from '../../../src/nag/stack-index';
import { newStack } from '../utils';

describe('distinctZones', () => {
  test('counts the zones of subnets of the stack, twice the same zone once', () => {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', {
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC },
        { name: 'isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      ],
    });
    const index = new StackIndex(stack);
    const [a, b] = vpc.publicSubnets.map((subnet) => stack.resolve(subnet.subnetId));
    const isolatedA = stack.resolve(vpc.isolatedSubnets[0].subnetId);
    expect(distinctZones(index, [a, b])).toBe(2);
    expect(distinctZones(index, [a, a])).toBe(1);
    expect(distinctZones(index, [a, isolatedA])).toBe(1);
  });
});
