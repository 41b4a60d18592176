import { flattenToString } from '../../src/alarm-model/cfn-intrinsics';

describe('flattenToString', () => {
  test.each([
    ['text', 'text'],
    [5, '5'],
    [{ Ref: 'Alarm1' }, 'Alarm1'],
    [{ 'Fn::GetAtt': ['Alarm1', 'Arn'] }, 'Alarm1'],
    [{ 'Fn::GetAtt': 'Alarm1.Arn' }, 'Alarm1'],
    [{ 'Fn::Join': ['-', ['a', { Ref: 'B' }, 'c']] }, 'a-B-c'],
    [{ 'Fn::Join': ['', [{ 'Fn::Join': [':', ['x', 'y']] }, '!']] }, 'x:y!'],
    [{ 'Fn::Sub': 'ALARM(${Long.Arn}) OR ALARM(${Short})' }, 'ALARM(Long) OR ALARM(Short)'],
    [{ 'Fn::Sub': ['arn:aws:cloudwatch:${AWS::Region}:1:alarm:x ${!Literal}', {}] }, 'arn:aws:cloudwatch:AWS::Region:1:alarm:x ${Literal}'],
  ])('%j → %j', (value, want) => {
    expect(flattenToString(value, 'AlarmRule')).toBe(want);
  });

  test.each([
    [{ 'Fn::ImportValue': 'x' }],
    [{ 'Fn::Join': ['', [{ 'Fn::ImportValue': 'x' }]] }],
    [{ 'Fn::Join': ['', 'not a list'] }],
    [{ Ref: 'A', Extra: 1 }],
    [null],
    [['a']],
    [{ 'Fn::Sub': 3 }],
  ])('%j cannot be resolved', (value) => {
    expect(flattenToString(value, 'AlarmRule')).toBeUndefined();
  });

  test('the resolver is asked first, with the property name', () => {
    const seen: string[] = [];
    const out = flattenToString({ 'Fn::Join': ['', ['x', { 'Fn::ImportValue': 'Shared' }]] }, 'AlarmRule', {
      resolveIntrinsic: (intrinsic, where) => {
        seen.push(where);
        return intrinsic['Fn::ImportValue'] ? 'Imported' : undefined;
      },
    });
    expect([out, seen]).toEqual(['xImported', ['AlarmRule', 'AlarmRule']]);
  });
});
