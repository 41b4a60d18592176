import { flattenCfnReference } from '../../src/common/cfn-reference';

describe('flattenCfnReference', () => {
  test('joins, refs and attributes are flattened like cdk-nag does', () => {
    expect(flattenCfnReference({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ecs:', { 'Fn::GetAtt': ['Cluster', 'Arn'] }, '/*']],
    })).toBe('arn:<AWS::Partition>:ecs:<Cluster.Arn>/*');
    expect(flattenCfnReference({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:x:1:log-group:/aws/codebuild/', { Ref: 'Build1' }, ':*']] }))
      .toBe('arn:<AWS::Partition>:logs:x:1:log-group:/aws/codebuild/<Build1>:*');
  });

  test('Fn::Sub placeholders and plain ${} strings become angle brackets; imports are unwrapped', () => {
    expect(flattenCfnReference({ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::b/*' })).toBe('arn:<AWS::Partition>:s3:::b/*');
    expect(flattenCfnReference('arn:${AWS::Partition}:s3:::b/*')).toBe('arn:<AWS::Partition>:s3:::b/*');
    expect(flattenCfnReference({ 'Fn::ImportValue': 'Checkout:ClusterArn' })).toBe('Checkout:ClusterArn');
  });

  test('anything else is its JSON; undefined is empty', () => {
    expect(flattenCfnReference(undefined)).toBe('');
    expect(flattenCfnReference({ 'Fn::Select': [0, ['a']] })).toBe('{"Fn::Select":[0,["a"]]}');
  });
});
