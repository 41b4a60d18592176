import { aws_ec2 as ec2 } from 'aws-cdk-lib';
import { newStack, TestType, validateStack } from '../utils';

const RULE = 'VPCNatGatewayPerAZ';

describe(RULE, () => {
  test('compliant: a NAT gateway per zone (the Vpc default)', () => {
    const stack = newStack();
    new ec2.Vpc(stack, 'Vpc', { maxAzs: 3 });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('not applicable: no NAT at all', () => {
    const stack = newStack();
    new ec2.Vpc(stack, 'Vpc', { natGateways: 0, subnetConfiguration: [{ name: 'isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: one NAT gateway for 2 zones', () => {
    const stack = newStack();
    new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Vpc/Resource');
  });

  test('non-compliant: one NAT instance for 2 zones', () => {
    const stack = newStack();
    new ec2.Vpc(stack, 'Vpc', {
      maxAzs: 2,
      natGateways: 1,
      natGatewayProvider: ec2.NatProvider.instanceV2({ instanceType: new ec2.InstanceType('t4g.nano') }),
    });
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Vpc/Resource');
  });

  test('unresolved: a route to a NAT gateway outside the stack', () => {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0, subnetConfiguration: [{ name: 'private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    (vpc.isolatedSubnets[0] as ec2.Subnet).addRoute('Nat', { routerType: ec2.RouterType.NAT_GATEWAY, routerId: 'nat-0123456789abcdef0' });
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
