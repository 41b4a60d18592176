/**
 * Deploy semantics of BlueGreenPipeline: for each runtime path it sets up (who calls what, from
 * where, with which permission), a test on the synthesized template that encodes the AWS
 * documentation fact the path relies on. docs/blue-green-pipeline.md lists them.
 */
import {
  App, Duration, Stack,
  aws_certificatemanager as acm, aws_cloudwatch as cloudwatch, aws_ecr as ecr, aws_ecs as ecs,
} from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { defaultPipeline, serviceParts, ServiceParts } from './fixtures';
import { hookReachesTestListener, onlyResource, TemplateJson } from './reachability-model';
import { collectAcknowledgements } from '../../examples/compliance/findings';
import { EXAMPLE_CERTIFICATE_ARN } from '../../examples/stacks/service-example';
import { BlueGreenPipeline, PipelineSource, ReliableService, TrafficShift } from '../../src';

const env = { account: '111111111111', region: 'eu-west-1' };

function pipelineOn(parts: ServiceParts, extra: { manualApproval?: { notifyEmails: string[] } } = {}) {
  const pipeline = defaultPipeline(parts, extra);
  return { pipeline, template: Template.fromStack(parts.stack).toJSON() as TemplateJson };
}

describe('pre-traffic check reaches the test listener (VPC security group rules match private addresses only)', () => {
  // The model itself, on the two shapes of the original wiring (the hook calls the DNS name):
  // it must hold for an internal load balancer and break for an internet-facing one.
  const oldWiring = (scheme: 'internal' | 'internet-facing'): TemplateJson => ({
    Resources: {
      Hook: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          VpcConfig: { SubnetIds: [{ Ref: 'Private' }], SecurityGroupIds: [{ 'Fn::GetAtt': ['HookSg', 'GroupId'] }] },
          Environment: { Variables: { CHECK_URL: { 'Fn::Join': ['', ['http://', { 'Fn::GetAtt': ['Alb', 'DNSName'] }, ':9000/health']] } } },
        },
      },
      HookSg: { Type: 'AWS::EC2::SecurityGroup', Properties: {} },
      HookToAlb: {
        Type: 'AWS::EC2::SecurityGroupEgress',
        Properties: { GroupId: { 'Fn::GetAtt': ['HookSg', 'GroupId'] }, IpProtocol: 'tcp', FromPort: 9000, ToPort: 9000, DestinationSecurityGroupId: { 'Fn::GetAtt': ['AlbSg', 'GroupId'] } },
      },
      Alb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Scheme: scheme, SecurityGroups: [{ 'Fn::GetAtt': ['AlbSg', 'GroupId'] }] } },
      AlbSg: { Type: 'AWS::EC2::SecurityGroup', Properties: {} },
      AlbFromHook: {
        Type: 'AWS::EC2::SecurityGroupIngress',
        Properties: { GroupId: { 'Fn::GetAtt': ['AlbSg', 'GroupId'] }, IpProtocol: 'tcp', FromPort: 9000, ToPort: 9000, SourceSecurityGroupId: { 'Fn::GetAtt': ['HookSg', 'GroupId'] } },
      },
      PrivateAssoc: { Type: 'AWS::EC2::SubnetRouteTableAssociation', Properties: { SubnetId: { Ref: 'Private' }, RouteTableId: { Ref: 'PrivateRt' } } },
      PrivateDefault: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: { Ref: 'PrivateRt' }, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: { Ref: 'Nat' } } },
    },
  });

  test('model: calling an internal load balancer by name stays private and matches the security-group reference', () => {
    expect(hookReachesTestListener(oldWiring('internal'), 'Hook', 9000).reachable).toBe(true);
  });

  test('model: calling an internet-facing load balancer by name leaves through NAT with the Elastic IP, which no security-group reference matches', () => {
    const verdict = hookReachesTestListener(oldWiring('internet-facing'), 'Hook', 9000);
    expect(verdict.reachable).toBe(false);
    expect(verdict.steps.join('\n')).toContain('NAT gateway\'s Elastic IP');
  });

  test('internet-facing load balancer (ReliableService\'s default): the hook calls the nodes\' private addresses, and the rule admits it', () => {
    const { template } = pipelineOn(serviceParts({ internetFacing: true }));
    const verdict = hookReachesTestListener(template, onlyResource(template, 'AWS::Lambda::Function', 'CheckoutDeployPreTrafficCheck'), 9000);
    expect(verdict).toEqual(expect.objectContaining({ reachable: true }));
  });

  test('internal load balancer: the same path works', () => {
    const { template } = pipelineOn(serviceParts({ internetFacing: false }));
    const verdict = hookReachesTestListener(template, onlyResource(template, 'AWS::Lambda::Function', 'CheckoutDeployPreTrafficCheck'), 9000);
    expect(verdict.reachable).toBe(true);
  });

  test('a ReliableService with its own test listener, through reliableServiceStage (README example)', () => {
    const stack = new Stack(new App(), 'Svc', { env });
    const api = new ReliableService(stack, 'Api', {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:1.27'),
      containerPort: 8080,
      healthCheckPath: '/',
      certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', EXAMPLE_CERTIFICATE_ARN),
    });
    new BlueGreenPipeline(stack, 'Pipeline', {
      source: PipelineSource.ecr({ repository: ecr.Repository.fromRepositoryName(stack, 'Repo', 'api') }),
      stages: [BlueGreenPipeline.reliableServiceStage(api, { stageName: 'Prod' })],
      trafficShift: TrafficShift.canary(10, Duration.minutes(5)),
    });
    const template = Template.fromStack(stack).toJSON() as TemplateJson;
    const loadBalancer = onlyResource(template, 'AWS::ElasticLoadBalancingV2::LoadBalancer');
    expect(template.Resources[loadBalancer].Properties?.Scheme).toBe('internet-facing');
    const hook = onlyResource(template, 'AWS::Lambda::Function', 'PipelineProdPreTrafficCheck');
    const verdict = hookReachesTestListener(template, hook, 9000);
    expect(verdict.reachable).toBe(true);
    expect(template.Resources[hook].Properties?.Environment.Variables.INSECURE_TLS).toBe('true');
  });
});

/** Every Allow statement of the managed policies attached to `roleId`. */
function statementsOf(template: TemplateJson, roleId: string): Array<{ actions: string[]; resources: unknown[] }> {
  return Object.values(template.Resources)
    .filter((r) => r.Type === 'AWS::IAM::ManagedPolicy' && (r.Properties?.Roles ?? []).some((role: { Ref?: string }) => role.Ref === roleId))
    .flatMap((r) => r.Properties!.PolicyDocument.Statement as Array<{ Effect: string; Action: string | string[]; Resource: unknown }>)
    .filter((s) => s.Effect === 'Allow')
    .map((s) => ({ actions: ([] as string[]).concat(s.Action), resources: ([] as unknown[]).concat(s.Resource) }));
}

/** The logical id behind `{ Ref }` / `{ Fn::GetAtt }`. */
function idOf(value: unknown): string | undefined {
  const v = value as { 'Ref'?: string; 'Fn::GetAtt'?: string[] } | undefined;
  return v?.Ref ?? v?.['Fn::GetAtt']?.[0];
}

/** The actions `roleId` holds on the resource with logical id `resourceId`. */
function actionsOn(template: TemplateJson, roleId: string, resourceId: string): string[] {
  return statementsOf(template, roleId).filter((s) => s.resources.some((r) => idOf(r) === resourceId)).flatMap((s) => s.actions);
}

describe('writers of what the pipeline key encrypts hold what KMS asks of them', () => {
  const parts = serviceParts();
  const { template } = pipelineOn(parts, { manualApproval: { notifyEmails: ['oncall@example.com'] } });
  const key = onlyResource(template, 'AWS::KMS::Key');
  const hook = template.Resources[onlyResource(template, 'AWS::Lambda::Function', 'CheckoutDeployPreTrafficCheck')].Properties!;
  const hookRole = idOf(hook.Role)!;

  test('Lambda DG, dead-letter queues (execution role sends with sqs:SendMessage) + SQS DG, "Configuring KMS permissions" for producers '
    + '(kms:GenerateDataKey and kms:Decrypt): the hook role can write its KMS-encrypted dead-letter queue', () => {
    const queue = idOf(hook.DeadLetterConfig.TargetArn)!;
    expect(idOf(template.Resources[queue].Properties?.KmsMasterKeyId)).toBe(key);
    expect(actionsOn(template, hookRole, queue)).toContain('sqs:SendMessage');
    expect(actionsOn(template, hookRole, key)).toEqual(expect.arrayContaining(['kms:GenerateDataKey', 'kms:Decrypt']));
  });

  test('Lambda DG, "Securing Lambda environment variables" (customer managed key; Lambda decrypts for the execution role through a grant): '
    + 'the hook role also holds kms:Decrypt, so a lost grant does not stop the function', () => {
    expect(idOf(hook.KmsKeyArn)).toBe(key);
    expect(actionsOn(template, hookRole, key)).toContain('kms:Decrypt');
  });

  test('CloudWatch Logs UG, "Encrypt log data in CloudWatch Logs using AWS KMS": the key policy lets logs.<region>.amazonaws.com use the key '
    + 'for this account\'s log groups (hook and build logs)', () => {
    const groups = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Logs::LogGroup');
    expect(groups.length).toBe(2);
    expect(groups.every((g) => idOf(g.Properties?.KmsKeyId) === key)).toBe(true);
    const statements = template.Resources[key].Properties!.KeyPolicy.Statement as Array<Record<string, any>>;
    const logs = statements.find((s) => s.Principal?.Service === 'logs.eu-west-1.amazonaws.com');
    expect(logs).toBeDefined();
    expect(logs!.Effect).toBe('Allow');
    expect(logs!.Action).toEqual(expect.arrayContaining(['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey', 'kms:DescribeKey']));
    expect(JSON.stringify(logs!.Condition.ArnLike['kms:EncryptionContext:aws:logs:arn'])).toContain(':log-group:*');
  });

  test('S3 UG, "Using server-side encryption with AWS KMS keys": a writer of the artifact bucket needs kms:GenerateDataKey, '
    + 'a reader kms:Decrypt (pipeline, source, build and deploy roles)', () => {
    const bucket = onlyResource(template, 'AWS::S3::Bucket', 'CheckoutStorageArtifacts');
    const roles = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::IAM::Role').map(([id]) => id);
    const writers = roles.filter((role) => statementsOf(template, role).some((s) => s.actions.includes('s3:PutObject')
      && s.resources.some((r) => JSON.stringify(r).includes(bucket))));
    const readers = roles.filter((role) => statementsOf(template, role).some((s) => s.actions.includes('s3:GetObject')
      && s.resources.some((r) => JSON.stringify(r).includes(bucket))));
    expect(writers.length).toBeGreaterThanOrEqual(3);
    expect(readers.length).toBeGreaterThanOrEqual(3);
    for (const role of writers) expect([role, actionsOn(template, role, key)]).toEqual([role, expect.arrayContaining(['kms:GenerateDataKey'])]);
    for (const role of readers) expect([role, actionsOn(template, role, key)]).toEqual([role, expect.arrayContaining(['kms:Decrypt'])]);
  });

  test('SNS DG, "Encryption at rest" key management (a publisher to a KMS-encrypted topic needs kms:GenerateDataKey* and kms:Decrypt) '
    + '+ CodePipeline UG, manual approvals (the action publishes with its role): the approval role can publish', () => {
    const topic = onlyResource(template, 'AWS::SNS::Topic');
    expect(idOf(template.Resources[topic].Properties?.KmsMasterKeyId)).toBe(key);
    const stages = template.Resources[onlyResource(template, 'AWS::CodePipeline::Pipeline')].Properties!.Stages as Array<Record<string, any>>;
    const approval = stages.find((s) => s.Name === 'Approve-Deploy')!.Actions[0];
    expect(idOf(approval.Configuration.NotificationArn)).toBe(topic);
    const role = idOf(approval.RoleArn)!;
    expect(actionsOn(template, role, topic)).toContain('sns:Publish');
    expect(actionsOn(template, role, key)).toEqual(expect.arrayContaining(['kms:GenerateDataKey', 'kms:Decrypt']));
  });
});

describe('CloudWatch API Reference, DescribeAlarms: composite alarms are returned only when cloudwatch:DescribeAlarms is granted on *', () => {
  const build = () => {
    const parts = serviceParts({ stack: new Stack(new App(), 'ServiceStack', { env }) });
    // An SLO page alarm is a composite of burn-rate alarms, as SloAlarmSet builds it.
    const page = new cloudwatch.CompositeAlarm(parts.stack, 'SloPage', { alarmRule: cloudwatch.AlarmRule.fromAlarm(parts.pageAlarm, cloudwatch.AlarmState.ALARM) });
    const pipeline = defaultPipeline(parts, { pageAlarm: page });
    return { parts, pipeline, template: Template.fromStack(parts.stack).toJSON() as TemplateJson };
  };

  test('the pipeline role, which evaluates the stage\'s BeforeEntry alarm rule, may describe alarms on *', () => {
    const { template } = build();
    const pipelineRole = idOf(template.Resources[onlyResource(template, 'AWS::CodePipeline::Pipeline')].Properties!.RoleArn)!;
    const describe = statementsOf(template, pipelineRole).filter((s) => s.actions.includes('cloudwatch:DescribeAlarms'));
    expect(describe).toEqual([{ actions: ['cloudwatch:DescribeAlarms'], resources: ['*'] }]);
  });

  test('the resulting AwsSolutions-IAM5[Resource::*] is acknowledged on the pipeline role\'s policy with that fact', () => {
    const { parts } = build();
    const acks = collectAcknowledgements(parts.stack).filter((a) => a.constructPath === 'ServiceStack/Checkout/PipelineRole/Policy/Resource'
      && a.rule === 'AwsSolutions-IAM5[Resource::*]');
    expect(acks).toHaveLength(1);
    expect(acks[0].reason).toMatch(/CloudWatch API Reference, DescribeAlarms: composite alarms are returned only when cloudwatch:DescribeAlarms is granted on \*/);
  });
});

describe('approval topic created for email addresses', () => {
  test('only the approval action\'s role may publish to it', () => {
    const { template } = pipelineOn(serviceParts(), { manualApproval: { notifyEmails: ['oncall@example.com'] } });
    const topic = onlyResource(template, 'AWS::SNS::Topic');
    const publishers = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::IAM::Role')
      .filter(([id]) => actionsOn(template, id, topic).includes('sns:Publish')).map(([id]) => id);
    expect(publishers).toHaveLength(1);
    expect(publishers[0]).toMatch(/ApprovalActionRole/);
  });
});
