import { flattenCfnReference, wildcardResourceFindings } from '../../src/chaos/nag-findings';

describe('flattenCfnReference', () => {
  test('joins, refs and attributes are flattened like cdk-nag does', () => {
    expect(flattenCfnReference({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ecs:', { 'Fn::GetAtt': ['Cluster', 'Arn'] }, '/*']],
    })).toBe('arn:<AWS::Partition>:ecs:<Cluster.Arn>/*');
  });

  test('Fn::Sub placeholders become angle brackets', () => {
    expect(flattenCfnReference({ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::b/*' })).toBe('arn:<AWS::Partition>:s3:::b/*');
  });
});

describe('wildcardResourceFindings', () => {
  test('only wildcard resources of Allow statements', () => {
    expect(wildcardResourceFindings({ Effect: 'Allow', Resource: ['*', 'arn:aws:rds:::cluster:db'] })).toEqual(['Resource::*']);
    expect(wildcardResourceFindings({ Effect: 'Deny', Resource: '*' })).toEqual([]);
  });
});
