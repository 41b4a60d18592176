import { App, Stack, aws_iam as iam, aws_s3 as s3 } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ManagedPolicyRole } from '../../src/common/managed-policy-role';

describe('ManagedPolicyRole', () => {
  test('grants, direct or through aws-cdk-lib, land in one customer-managed policy attached to the role', () => {
    const stack = new Stack(new App(), 'S');
    const role = new ManagedPolicyRole(stack, 'Role', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['arn:aws:sns:us-east-1:111111111111:t'] }));
    iam.Grant.addToPrincipal({ grantee: role, actions: ['sqs:SendMessage'], resourceArns: ['arn:aws:sqs:us-east-1:111111111111:q'] });
    new s3.Bucket(stack, 'Bucket').grantRead(role);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Policy', 0);
    template.resourceCountIs('AWS::IAM::ManagedPolicy', 1);
    const policy = Object.values(template.findResources('AWS::IAM::ManagedPolicy'))[0].Properties;
    expect(policy.Roles).toEqual([{ Ref: stack.getLogicalId(role.node.defaultChild as never) }]);
    expect(policy.Description).toBe('Permissions of S/Role');
    expect(policy.PolicyDocument.Statement.slice(0, 2)).toEqual([
      { Action: 'sns:Publish', Effect: 'Allow', Resource: 'arn:aws:sns:us-east-1:111111111111:t' },
      { Action: 'sqs:SendMessage', Effect: 'Allow', Resource: 'arn:aws:sqs:us-east-1:111111111111:q' },
    ]);
    expect(policy.PolicyDocument.Statement[2].Action).toContain('s3:GetObject*');
  });

  test('an unused role has no policy at all', () => {
    const stack = new Stack(new App(), 'S');
    new ManagedPolicyRole(stack, 'Role', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
    Template.fromStack(stack).resourceCountIs('AWS::IAM::ManagedPolicy', 0);
  });
});
