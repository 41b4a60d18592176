import { wildcardResourceAcknowledgements } from '../../src/deploy/wildcard-resources';

describe('wildcard resources', () => {
  test('a "*" resource is acknowledged only when every action on it has a reason', () => {
    const justified = wildcardResourceAcknowledgements({ Statement: [{ Effect: 'Allow', Action: ['ecs:RegisterTaskDefinition'], Resource: '*' }] }, []);
    expect(justified).toEqual([{ id: 'AwsSolutions-IAM5[Resource::*]', reason: 'ecs:RegisterTaskDefinition: a task definition revision has no ARN until it is registered' }]);
    expect(wildcardResourceAcknowledgements({ Statement: [{ Effect: 'Allow', Action: ['ecs:RegisterTaskDefinition', 's3:PutObject'], Resource: '*' }] }, [])).toEqual([]);
  });

  test('a patterned wildcard is acknowledged only when it matches one of our resources', () => {
    const document = { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Bucket1', 'Arn'] }, '/*']] } }] };
    expect(wildcardResourceAcknowledgements(document, [{ pattern: /^<Bucket1\.Arn>\/\*$/, reason: 'our bucket objects' }]))
      .toEqual([{ id: 'AwsSolutions-IAM5[Resource::<Bucket1.Arn>/*]', reason: 'our bucket objects' }]);
    expect(wildcardResourceAcknowledgements(document, [{ pattern: /^<Other\.Arn>\/\*$/, reason: 'other' }])).toEqual([]);
  });
});
