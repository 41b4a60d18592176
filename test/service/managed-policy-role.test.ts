import { Stack, aws_iam as iam } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ManagedPolicyRole } from '../../src/service/managed-policy-role';

describe('ManagedPolicyRole', () => {
  test('grants land in one customer-managed policy attached to the role', () => {
    const stack = new Stack();
    const role = new ManagedPolicyRole(stack, 'Role', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/*'] }));
    iam.Grant.addToPrincipal({ grantee: role, actions: ['sqs:SendMessage'], resourceArns: ['arn:aws:sqs:us-east-1:111111111111:q'] });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Policy', 0);
    template.resourceCountIs('AWS::IAM::ManagedPolicy', 1);
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Roles: [{ Ref: stack.getLogicalId(role.node.defaultChild as never) }],
      PolicyDocument: {
        Statement: [
          { Action: 's3:GetObject', Effect: 'Allow', Resource: 'arn:aws:s3:::b/*' },
          { Action: 'sqs:SendMessage', Effect: 'Allow', Resource: 'arn:aws:sqs:us-east-1:111111111111:q' },
        ],
      },
    });
  });

  test('no policy at all without grants', () => {
    const stack = new Stack();
    new ManagedPolicyRole(stack, 'Role', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
    Template.fromStack(stack).resourceCountIs('AWS::IAM::ManagedPolicy', 0);
  });
});
