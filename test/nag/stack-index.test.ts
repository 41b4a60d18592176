import { NestedStack, aws_ec2 as ec2, aws_sqs as sqs } from 'aws-cdk-lib';
import { newStack } from './utils';
import { StackIndex } from '../../src/nag/stack-index';

describe('StackIndex', () => {
  test('groups the resources of its own stack by type and logical id, not those of nested stacks', () => {
    const stack = newStack();
    const queue = new sqs.Queue(stack, 'Queue');
    new sqs.Queue(new NestedStack(stack, 'Nested'), 'Inner');
    const index = new StackIndex(stack);
    expect(index.resources('AWS::SQS::Queue')).toEqual([queue.node.defaultChild]);
    expect(index.resource(index.logicalId(queue.node.defaultChild as sqs.CfnQueue))).toBe(queue.node.defaultChild);
    expect(index.resources('AWS::SNS::Topic')).toEqual([]);
  });

  test('subnet zones: distinct for Fn::Select 0 and 1, unresolvable for imported subnets', () => {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
    const index = new StackIndex(stack);
    const [a, b] = vpc.publicSubnets.map((subnet) => index.subnetZone(stack.resolve(subnet.subnetId)));
    expect(a).not.toEqual(b);
    expect(() => index.subnetZone('subnet-0123456789abcdef0')).toThrow(/outside this stack/);
  });

  test('memo computes once per index', () => {
    const index = new StackIndex(newStack());
    const compute = jest.fn(() => 42);
    expect(index.memo('k', compute)).toBe(42);
    expect(index.memo('k', compute)).toBe(42);
    expect(compute).toHaveBeenCalledTimes(1);
  });
});
