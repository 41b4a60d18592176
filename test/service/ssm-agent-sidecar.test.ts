import { App, Stack, Token, aws_certificatemanager as acm, aws_ecs as ecs } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { collectAcknowledgements } from '../../examples/compliance/findings';
import { ReliableService, ReliableServiceProps } from '../../src';
import { helperContainerAcknowledgements, isRootOrUnsetUser } from '../../src/service/helper-container-acknowledgements';
import { ssmAgentHelper } from '../../src/service/ssm-agent-acknowledgements';
import { SSM_AGENT_IMAGE, SSM_AGENT_REGISTRATION_SCRIPT } from '../../src/service/ssm-agent-sidecar';

const env = { account: '111111111111', region: 'us-east-1' };

function build(extra: Partial<ReliableServiceProps> = {}) {
  const app = new App();
  const stack = new Stack(app, 'S', { env });
  new ReliableService(stack, 'Api', {
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:1.27'),
    containerPort: 8080,
    healthCheckPath: '/',
    certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:us-east-1:111111111111:certificate/abc'),
    ...extra,
  });
  const template = Template.fromStack(stack);
  return { app, stack, template };
}

function containers(template: Template): Array<Record<string, any>> {
  const td = Object.values(template.findResources('AWS::ECS::TaskDefinition'))[0];
  return td.Properties.ContainerDefinitions;
}

function logicalId(template: Template, type: string, pattern: RegExp): string {
  const ids = Object.keys(template.findResources(type)).filter((id) => pattern.test(id));
  expect(ids).toHaveLength(1);
  return ids[0];
}

describe('ReliableService enableFaultInjection: SSM agent sidecar', () => {
  const { app, template } = build({ enableFaultInjection: true });
  const sidecar = containers(template).find((c) => c.Name === 'ssm-agent')!;
  const roleId = logicalId(template, 'AWS::IAM::Role', /FaultInjectionManagedInstanceRole/);

  test('a non-essential sidecar runs the pinned SSM agent image with the registration script', () => {
    expect(sidecar).toMatchObject({
      Essential: false,
      Image: SSM_AGENT_IMAGE,
      Command: ['/bin/bash', '-c', SSM_AGENT_REGISTRATION_SCRIPT],
      LogConfiguration: { LogDriver: 'awslogs' },
    });
    expect(SSM_AGENT_IMAGE).not.toMatch(/:latest$/);
    expect(sidecar.LogConfiguration.Options['awslogs-group']).toEqual({ Ref: logicalId(template, 'AWS::Logs::LogGroup', /^ApiLogs/) });
  });

  test('MANAGED_INSTANCE_ROLE_NAME names the managed-instance role, which only ssm.amazonaws.com assumes', () => {
    expect(sidecar.Environment).toEqual([{ Name: 'MANAGED_INSTANCE_ROLE_NAME', Value: { Ref: roleId } }]);
    const role = template.findResources('AWS::IAM::Role')[roleId];
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      expect.objectContaining({ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'ssm.amazonaws.com' } }),
    ]);
  });

  test('the managed-instance role gets the Run Command channel and the clean-up, not the AWS managed policy', () => {
    const role = template.findResources('AWS::IAM::Role')[roleId];
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Roles: [{ Ref: roleId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: Match.arrayWith(['ssm:UpdateInstanceInformation', 'ssmmessages:OpenControlChannel', 'ec2messages:GetMessages']) }),
          Match.objectLike({ Action: 'ssm:DeleteActivation' }),
          Match.objectLike({ Action: 'ssm:DeregisterManagedInstance', Resource: { 'Fn::Join': ['', Match.arrayWith([':managed-instance/*'])] } }),
        ]),
      },
    });
  });

  test('the task role may create the activation and pass only the managed-instance role, to SSM only', () => {
    const taskRoleId = logicalId(template, 'AWS::IAM::Role', /^ApiTaskRole/);
    // Every policy that reaches the task role: attached by ARN or naming the role.
    const attached = (template.findResources('AWS::IAM::Role')[taskRoleId].Properties.ManagedPolicyArns ?? []).map((r: { Ref: string }) => r.Ref);
    const policies = Object.entries(template.findResources('AWS::IAM::ManagedPolicy'))
      .filter(([id, p]) => attached.includes(id) || JSON.stringify(p.Properties.Roles ?? []).includes(taskRoleId))
      .map(([, p]) => p);
    const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
    const passRole = statements.filter((s) => [s.Action].flat().includes('iam:PassRole'));
    expect(passRole).toEqual([expect.objectContaining({
      Resource: { 'Fn::GetAtt': [roleId, 'Arn'] },
      Condition: { StringEquals: { 'iam:PassedToService': 'ssm.amazonaws.com' } },
    })]);
    expect(statements.some((s) => [s.Action].flat().includes('ssm:CreateActivation'))).toBe(true);
    expect(statements.some((s) => [s.Action].flat().includes('ssm:AddTagsToResource'))).toBe(true);
  });

  test('the app container stays hardened and leaves the sidecar its memory reservation', () => {
    const appContainer = containers(template).find((c) => c.Name === 'app')!;
    expect(appContainer).toMatchObject({ User: '1000', ReadonlyRootFilesystem: true, Essential: true, Memory: 1024 - 128 - 16 });
    expect(sidecar).toMatchObject({ MemoryReservation: 128, Memory: 256 });
    // ECS counts the reservation (else the hard limit) of each container against the task's memory.
    const reserved = containers(template).reduce((sum, c) => sum + (c.MemoryReservation ?? c.Memory), 0);
    expect(reserved).toBe(1024);
  });

  test('root and a writable filesystem are acknowledged on the task definition only because the sidecar alone needs them', () => {
    app.synth();
    const acks = collectAcknowledgements(app).filter((a) => a.constructPath === 'S/Api/TaskDefinition/Resource').map((a) => a.rule);
    expect(acks.sort()).toEqual([
      'AwsSolutions-ECS2',
      'cdk-validator-cfnguard::ecs_containers_readonly_access_check',
      'cdk-validator-cfnguard::ecs_task_definition_nonroot_user_check',
    ]);
  });
});

describe('ReliableService without enableFaultInjection', () => {
  const { app, template } = build();

  test('the app and its scratch init container only, no managed-instance role, no registration permissions, the task memory less the init share', () => {
    expect(containers(template).map((c) => c.Name)).toEqual(['app', 'scratch-permissions']);
    expect(containers(template)[0].Memory).toBe(1024 - 16);
    expect(Object.keys(template.findResources('AWS::IAM::Role')).filter((id) => /FaultInjection/.test(id))).toEqual([]);
    expect(JSON.stringify(template.toJSON())).not.toMatch(/ssm:CreateActivation|iam:PassRole/);
  });

  test('only the init container\'s root user is acknowledged on the task definition', () => {
    app.synth();
    expect(collectAcknowledgements(app).filter((a) => a.constructPath === 'S/Api/TaskDefinition/Resource').map((a) => a.rule))
      .toEqual(['cdk-validator-cfnguard::ecs_task_definition_nonroot_user_check']);
  });
});

describe('sidecar acknowledgements follow the other containers', () => {
  const app = { name: 'app', user: '1000', readonlyRootFilesystem: true };
  const sidecar = { name: 'ssm-agent', user: '0', readonlyRootFilesystem: false, environment: [{ name: 'MANAGED_INSTANCE_ROLE_NAME' }] };

  test('all three when the app container passes every rule', () => {
    expect(helperContainerAcknowledgements([app, sidecar], [ssmAgentHelper('ssm-agent')]).map((a) => a.id)).toEqual([
      'AwsSolutions-ECS2',
      'cdk-validator-cfnguard::ecs_task_definition_nonroot_user_check',
      'cdk-validator-cfnguard::ecs_containers_readonly_access_check',
    ]);
  });

  test('an app container with plain environment variables keeps its ECS2 finding', () => {
    const ids = helperContainerAcknowledgements([{ ...app, environment: [{ name: 'LOG_LEVEL' }] }, sidecar], [ssmAgentHelper('ssm-agent')]).map((a) => a.id);
    expect(ids).not.toContain('AwsSolutions-ECS2');
  });

  test('another root or writable container keeps its findings', () => {
    const ids = helperContainerAcknowledgements([app, { name: 'other', user: 'root:root', readonlyRootFilesystem: false }, sidecar], [ssmAgentHelper('ssm-agent')])
      .map((a) => a.id);
    expect(ids).toEqual(['AwsSolutions-ECS2']);
  });

  test.each([
    [undefined, true], ['0', true], [0, true], ['root', true], ['0:0', true], ['root:wheel', true],
    ['1000', false], ['101:101', false], ['rooter', false], ['10', false],
  ])('user %p is root or unset: %p', (user, expected) => {
    expect(isRootOrUnsetUser(user)).toBe(expected);
  });
});

describe('registration script', () => {
  test('tags the activation with the task ARN FIS resolves targets by, and cleans up on stop', () => {
    expect(SSM_AGENT_REGISTRATION_SCRIPT).toMatch(/create-activation --iam-role "\$MANAGED_INSTANCE_ROLE_NAME"/);
    expect(SSM_AGENT_REGISTRATION_SCRIPT).toContain('Key=ECS_TASK_ARN,Value=$TASK_ARN');
    expect(SSM_AGENT_REGISTRATION_SCRIPT).toMatch(/trap cleanup TERM INT/);
    expect(SSM_AGENT_REGISTRATION_SCRIPT).toMatch(/delete-activation[\s\S]*deregister-managed-instance/);
  });
});

describe('enableFaultInjection validation', () => {
  test('a token memory size cannot be shared with the sidecar at synth', () => {
    const stack = new Stack(new App(), 'S', { env });
    expect(() => new ReliableService(stack, 'Api', {
      image: ecs.ContainerImage.fromRegistry('app'),
      containerPort: 8080,
      healthCheckPath: '/',
      allowPlainHttp: true,
      memoryLimitMiB: Token.asNumber({ Ref: 'Memory' }),
      enableFaultInjection: true,
    })).toThrow("ReliableService 'Api': memoryLimitMiB must be a plain number, not a token (it is computed with at synth), got (a token)");
  });
});
