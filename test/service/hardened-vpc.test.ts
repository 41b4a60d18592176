import { Stack, aws_kms as kms, aws_logs as logs } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { createHardenedVpc } from '../../src/service/hardened-vpc';

describe('createHardenedVpc', () => {
  const stack = new Stack(undefined, 'S', { env: { account: '111111111111', region: 'eu-west-1' } });
  const key = new kms.Key(stack, 'Key');
  const vpc = createHardenedVpc(stack, 'Vpc', { logsKey: key, logRetention: logs.RetentionDays.ONE_MONTH });
  const template = Template.fromStack(stack);

  test('3 AZs, a NAT gateway in each', () => {
    expect(vpc.availabilityZones).toHaveLength(3);
    expect(vpc.privateSubnets).toHaveLength(3);
    template.resourceCountIs('AWS::EC2::NatGateway', 3);
  });

  test('flow logs of all traffic go to an encrypted log group through a role without inline policy', () => {
    template.hasResourceProperties('AWS::EC2::FlowLog', { TrafficType: 'ALL', ResourceType: 'VPC' });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30, KmsKeyId: Match.anyValue() });
    template.resourceCountIs('AWS::IAM::Policy', 0);
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', { Roles: [{ Ref: Match.stringLikeRegexp('VpcFlowLogsRole') }] });
  });

  test('public subnets never auto-assign public IPs', () => {
    template.allResourcesProperties('AWS::EC2::Subnet', { MapPublicIpOnLaunch: false });
  });
});
