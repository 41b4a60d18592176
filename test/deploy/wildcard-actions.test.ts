import { expandPolicyDocument, expandWildcardActions } from '../../src/deploy/wildcard-actions';

describe('wildcard actions', () => {
  test('wildcard actions become the named actions, without duplicates', () => {
    expect(expandWildcardActions(['s3:GetObject*', 's3:GetObject', 'kms:GenerateDataKey*'])).toEqual(['s3:GetObject', 's3:GetObjectVersion', 'kms:GenerateDataKey']);
    expect(expandWildcardActions('s3:List*')).toBe('s3:ListBucket');
    expect(expandWildcardActions('ecs:UpdateService')).toBe('ecs:UpdateService');
    expect(expandPolicyDocument({ Statement: [{ Effect: 'Allow', Action: 's3:Abort*', Resource: '*' }] }))
      .toEqual({ Statement: [{ Effect: 'Allow', Action: 's3:AbortMultipartUpload', Resource: '*' }] });
  });
});
