import { App, Stack, aws_ec2 as ec2, aws_ecs as ecs, cx_api as cxapi } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { ReliableService, ReliableServiceProps } from '../../src';

/**
 * Where the new VPC's Availability Zones come from (aws-cdk-lib Stack.availabilityZones): a context
 * lookup under `availability-zones:account=<account>:region=<region>` in a stack with an account (the
 * CDK CLI makes it with the account's credentials and caches it in cdk.context.json; until it has an
 * answer the stack sees dummy1a..c), the 2 zones of Fn::GetAZs in a stack without an account.
 */

const ACCOUNT = '111111111111';
const REGION = 'us-east-1';
const LOOKUP_KEY = `availability-zones:account=${ACCOUNT}:region=${REGION}`;
// What the CDK CLI stores under the key when the lookup throws (toolkit-lib provideContextValues).
const NO_CREDENTIALS = {
  [cxapi.PROVIDER_ERROR_KEY]: `Need to perform AWS calls for account ${ACCOUNT}, but no credentials have been configured`,
  $dontSaveContext: true,
};

function props(extra: Partial<ReliableServiceProps> = {}): ReliableServiceProps {
  return {
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:1.27'),
    containerPort: 8080,
    healthCheckPath: '/',
    allowPlainHttp: true,
    ...extra,
  };
}

function subnetZones(template: Template): unknown[] {
  return Object.values(template.findResources('AWS::EC2::Subnet')).map((s) => s.Properties.AvailabilityZone);
}

describe('availabilityZones: synthesizing without an account', () => {
  test('a stack with a Region and no account gets exactly the zones given, one NAT gateway each, and needs no lookup', () => {
    const app = new App();
    const stack = new Stack(app, 'S', { env: { region: REGION } });
    new ReliableService(stack, 'Api', props({ availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1d'] }));
    const template = Template.fromStack(stack);
    expect(new Set(subnetZones(template))).toEqual(new Set(['us-east-1a', 'us-east-1b', 'us-east-1d']));
    template.resourceCountIs('AWS::EC2::NatGateway', 3);
    expect(app.synth().manifest.missing ?? []).toEqual([]);
  });

  test('without the prop, a stack with a Region and no account spans the 2 zones of Fn::GetAZs (documented default)', () => {
    const stack = new Stack(new App(), 'S', { env: { region: REGION } });
    new ReliableService(stack, 'Api', props());
    const zones = subnetZones(Template.fromStack(stack));
    expect(zones).toHaveLength(4);
    expect(zones.every((z) => JSON.stringify(z).includes('Fn::GetAZs'))).toBe(true);
  });

  test('a stack with an account uses the zones cached in cdk.context.json and reports no error', () => {
    const app = new App({ context: { [LOOKUP_KEY]: ['us-east-1a', 'us-east-1b', 'us-east-1c'] } });
    const stack = new Stack(app, 'S', { env: { account: ACCOUNT, region: REGION } });
    new ReliableService(stack, 'Api', props());
    expect(new Set(subnetZones(Template.fromStack(stack)))).toEqual(new Set(['us-east-1a', 'us-east-1b', 'us-east-1c']));
    Annotations.fromStack(stack).hasNoError('*', Match.anyValue());
  });
});

describe('a failed Availability Zone lookup (no credentials) is explained on the construct', () => {
  test('the error names the account, the Region, cdk.context.json and the availabilityZones prop', () => {
    const app = new App({ context: { [LOOKUP_KEY]: NO_CREDENTIALS } });
    const stack = new Stack(app, 'S', { env: { account: ACCOUNT, region: REGION } });
    new ReliableService(stack, 'Api', props());
    const errors = Annotations.fromStack(stack).findError('/S/Api', Match.anyValue()).map((e) => String(e.entry.data));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("ReliableService 'Api': the VPC needs the Availability Zones of account 111111111111 in us-east-1");
    expect(errors[0]).toContain('no credentials have been configured');
    expect(errors[0]).toContain(`"${LOOKUP_KEY}": ["us-east-1a", "us-east-1b", "us-east-1c"]`);
    expect(errors[0]).toContain('availabilityZones prop');
  });

  test('no such error while the lookup is merely pending (the CLI looks up and synthesizes again)', () => {
    const stack = new Stack(new App(), 'S', { env: { account: ACCOUNT, region: REGION } });
    new ReliableService(stack, 'Api', props());
    Annotations.fromStack(stack).hasNoError('/S/Api', Match.anyValue());
  });

  test('no such error with a VPC of the user\'s own: the construct makes no lookup then', () => {
    const app = new App({ context: { [LOOKUP_KEY]: NO_CREDENTIALS } });
    const stack = new Stack(app, 'S', { env: { account: ACCOUNT, region: REGION } });
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Own', {
      vpcId: 'vpc-0123456789abcdef0',
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      publicSubnetIds: ['subnet-0a0000000000000a1', 'subnet-0a0000000000000b1'],
      privateSubnetIds: ['subnet-0a0000000000000a2', 'subnet-0a0000000000000b2'],
    });
    new ReliableService(stack, 'Api', props({ vpc }));
    Annotations.fromStack(stack).hasNoError('*', Match.anyValue());
  });
});
