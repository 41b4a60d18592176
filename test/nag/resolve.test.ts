import { CfnResource, Lazy } from 'aws-cdk-lib';
import { newStack, parameter } from './utils';
import { bool, field, isIntrinsic, known, list, num, refsIn, refTarget, str, UnresolvableValue } from '../../src/nag/resolve';

function node(): { resource: CfnResource; param: string } {
  const stack = newStack();
  return { resource: new CfnResource(stack, 'R', { type: 'Test::Thing' }), param: parameter(stack, 'P') };
}

describe('resolve helpers', () => {
  test('literals and lazies resolve; strings stand in for booleans and numbers as CloudFormation allows', () => {
    const { resource } = node();
    expect(bool(resource, 'true', 'x')).toBe(true);
    expect(bool(resource, Lazy.any({ produce: () => false }), 'x')).toBe(false);
    expect(num(resource, '2', 'x')).toBe(2);
    expect(num(resource, undefined, 'x')).toBeUndefined();
    expect(str(resource, Lazy.string({ produce: () => 'ELB' }), 'x')).toBe('ELB');
    expect(list(resource, ['a'], 'x')).toEqual(['a']);
  });

  test('intrinsics and wrong types are unresolvable, with the property named', () => {
    const { resource, param } = node();
    expect(() => bool(resource, param, 'MultiAZ')).toThrow(new UnresolvableValue('MultiAZ'));
    expect(() => num(resource, 'two', 'MinSize')).toThrow(UnresolvableValue);
    expect(() => str(resource, 3, 'Engine')).toThrow(UnresolvableValue);
    expect(() => list(resource, param, 'Subnets')).toThrow(UnresolvableValue);
    expect(() => known(resource, { 'Fn::If': ['C', 1, 2] }, 'X')).toThrow(UnresolvableValue);
  });

  test('isIntrinsic recognises Ref, Fn:: and Condition only', () => {
    expect(isIntrinsic({ Ref: 'X' })).toBe(true);
    expect(isIntrinsic({ 'Fn::GetAtt': ['X', 'Arn'] })).toBe(true);
    expect(isIntrinsic({ Condition: 'C' })).toBe(true);
    expect(isIntrinsic({ key: 'v' })).toBe(false);
    expect(isIntrinsic([{ Ref: 'X' }])).toBe(false);
  });

  test('field accepts camelCase and PascalCase keys', () => {
    expect(field({ minimumHealthyPercent: 100 }, 'minimumHealthyPercent')).toBe(100);
    expect(field({ MinimumHealthyPercent: 50 }, 'minimumHealthyPercent')).toBe(50);
    expect(field(undefined, 'x')).toBeUndefined();
  });

  test('refsIn collects Ref and GetAtt targets, not pseudo parameters', () => {
    const value = { 'Fn::Join': ['', ['service/', { Ref: 'Cluster' }, '/', { 'Fn::GetAtt': ['Service', 'Name'] }, { Ref: 'AWS::Region' }]] };
    expect([...refsIn(value)].sort()).toEqual(['Cluster', 'Service']);
    expect(refTarget({ 'Fn::GetAtt': ['Queue', 'Arn'] })).toBe('Queue');
    expect(refTarget(value)).toBeUndefined();
    expect(refTarget('arn:aws:sqs:eu-west-1:1:q')).toBeUndefined();
  });
});
