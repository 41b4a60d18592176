import { App, Stack, aws_iam as iam, aws_s3 as s3 } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ManagedPolicyRole } from '../../src/deploy/managed-policy-role';

describe('ManagedPolicyRole', () => {
  test('grants land in one customer-managed policy, never in an inline policy', () => {
    const stack = new Stack(new App(), 'S');
    const role = new ManagedPolicyRole(stack, 'Role', { assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com') });
    new s3.Bucket(stack, 'Bucket').grantRead(role);
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['arn:aws:sns:eu-west-1:1:t'] }));
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Policy', 0);
    template.resourceCountIs('AWS::IAM::ManagedPolicy', 1);
    const policy = Object.values(template.findResources('AWS::IAM::ManagedPolicy'))[0].Properties;
    expect(policy.Roles).toEqual([{ Ref: expect.stringMatching(/^Role/) }]);
    expect(policy.PolicyDocument.Statement).toHaveLength(2);
  });

  test('an unused role has no policy at all', () => {
    const stack = new Stack(new App(), 'S');
    new ManagedPolicyRole(stack, 'Role', { assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com') });
    Template.fromStack(stack).resourceCountIs('AWS::IAM::ManagedPolicy', 0);
  });
});
