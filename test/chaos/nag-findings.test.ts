import { wildcardResourceFindings } from '../../src/chaos/nag-findings';

describe('wildcardResourceFindings', () => {
  test('only wildcard resources of Allow statements', () => {
    expect(wildcardResourceFindings({ Effect: 'Allow', Resource: ['*', 'arn:aws:rds:::cluster:db'] })).toEqual(['Resource::*']);
    expect(wildcardResourceFindings({ Effect: 'Deny', Resource: '*' })).toEqual([]);
  });
});
