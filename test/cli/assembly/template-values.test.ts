import { AssemblyStack } from '../../../src/cli/assembly/cloud-assembly';
import { asArray, describeValue, getPath, referencedLogicalId, resourcesOfType } from '../../../src/cli/assembly/template-values';

const stack: AssemblyStack = {
  artifactId: 'S',
  displayName: 'S',
  templateFile: 'S.template.json',
  metadata: {},
  constructPaths: { Named: 'S/Named/Resource' },
  template: {
    Resources: {
      Named: { Type: 'AWS::CloudWatch::Alarm', Properties: { AlarmName: 'latency-high' } },
      Generated: { Type: 'AWS::CloudWatch::Alarm', Properties: {} },
      Plan: { Type: 'AWS::Backup::BackupPlan', Properties: { BackupPlan: { BackupPlanName: 'daily' } } },
    },
  },
};

describe('describeValue', () => {
  test.each([
    ['text', 'text'],
    [42, '42'],
    [{ Ref: 'Named' }, 'latency-high'],
    [{ 'Fn::GetAtt': ['Named', 'Arn'] }, 'latency-high'],
    [{ 'Fn::GetAtt': 'Generated.Arn' }, 'Generated'],
    [{ Ref: 'Plan' }, 'daily'],
    [{ Ref: 'Elsewhere' }, 'Elsewhere'],
    [{ 'Fn::Join': ['-', ['a', { Ref: 'Named' }]] }, 'a-latency-high'],
    [{ 'Fn::Sub': 'arn:${AWS::Partition}:x' }, 'arn:${AWS::Partition}:x'],
    [{ 'Fn::Join': [':', ['arn', { Ref: 'AWS::Partition' }, 'backup']] }, 'arn:${AWS::Partition}:backup'],
    [['a', { Ref: 'Named' }], 'a, latency-high'],
    [{ 'Fn::ImportValue': 'X' }, '{"Fn::ImportValue":"X"}'],
    [undefined, ''],
  ])('%j → %s', (value, text) => {
    expect(describeValue(stack, value)).toBe(text);
  });
});

describe('template helpers', () => {
  test('referencedLogicalId', () => {
    expect(referencedLogicalId({ Ref: 'A' })).toBe('A');
    expect(referencedLogicalId({ 'Fn::GetAtt': ['B', 'Arn'] })).toBe('B');
    expect(referencedLogicalId('A')).toBeUndefined();
  });

  test('resourcesOfType gives the construct path, or stack/logicalId when unknown', () => {
    expect(resourcesOfType(stack, 'AWS::CloudWatch::Alarm').map((r) => [r.logicalId, r.path])).toEqual([
      ['Named', 'S/Named/Resource'], ['Generated', 'S/Generated'],
    ]);
  });

  test('getPath and asArray tolerate missing parts', () => {
    expect(getPath({ a: { b: 1 } }, 'a', 'b')).toBe(1);
    expect(getPath({ a: 1 }, 'a', 'b')).toBeUndefined();
    expect(asArray(undefined)).toEqual([]);
    expect(asArray([1])).toEqual([1]);
  });
});
