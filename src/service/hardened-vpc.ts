import { RemovalPolicy, Validations, aws_ec2 as ec2, aws_iam as iam, aws_kms as kms, aws_logs as logs } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ManagedPolicyRole } from '../common/managed-policy-role';

/** Options of the VPC a ReliableService creates when none is given. */
export interface HardenedVpcOptions {
  readonly logsKey: kms.IKey;
  readonly logRetention: logs.RetentionDays;
  /** Explicit zone names; without them the first 3 of the stack's Availability Zones. */
  readonly availabilityZones?: string[];
}

/**
 * A VPC over 3 AZs (or the zones given) with one NAT gateway per AZ (an AZ failure takes no egress down with it),
 * public subnets that never auto-assign public IPs, and flow logs of all traffic to an encrypted log group.
 */
export function createHardenedVpc(scope: Construct, id: string, options: HardenedVpcOptions): ec2.Vpc {
  const flowLogGroup = new logs.LogGroup(scope, `${id}FlowLogs`, {
    encryptionKey: options.logsKey,
    retention: options.logRetention,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const vpc = new ec2.Vpc(scope, id, {
    // Without explicit zones, ec2.Vpc reads stack.availabilityZones: a context lookup in a stack with an
    // account, the 2 zones of Fn::GetAZs in a stack without one (aws-cdk-lib Stack.availabilityZones).
    ...(options.availabilityZones ? { availabilityZones: options.availabilityZones } : { maxAzs: 3 }),
    natGateways: options.availabilityZones?.length ?? 3,
    subnetConfiguration: [
      // Only the load balancer lives here; its addresses come from ELB, never from auto-assignment.
      { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24, mapPublicIpOnLaunch: false },
      { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 20 },
    ],
    // The restriction is done by a custom-resource Lambda, which brings its own findings; nothing uses the default group.
    restrictDefaultSecurityGroup: false,
    flowLogs: {
      All: {
        destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogGroup, new ManagedPolicyRole(scope, `${id}FlowLogsRole`, {
          assumedBy: new iam.ServicePrincipal('vpc-flow-logs.amazonaws.com'),
        })),
        trafficType: ec2.FlowLogTrafficType.ALL,
      },
    },
  });
  acknowledgeVpcFindings(vpc);
  return vpc;
}

const PUBLIC_ROUTE = 'The public subnets hold only the internet-facing load balancer, which needs a route to the internet '
  + 'gateway; tasks run in private subnets that egress through per-AZ NAT gateways';
const DEFAULT_SG = 'Nothing is placed in the default security group: the load balancer and the tasks get dedicated '
  + 'groups; closing it needs a custom-resource Lambda that brings its own findings';

/** The findings of a VPC with public subnets that cannot be fixed without removing them. */
function acknowledgeVpcFindings(vpc: ec2.Vpc): void {
  for (const pack of ['NIST.800.53.R5', 'HIPAA.Security', 'PCI.DSS.321']) {
    Validations.of(vpc).acknowledge({ id: `${pack}-VPCDefaultSecurityGroupClosed`, reason: DEFAULT_SG });
    for (const subnet of vpc.publicSubnets) {
      Validations.of(subnet).acknowledge({ id: `${pack}-VPCNoUnrestrictedRouteToIGW`, reason: PUBLIC_ROUTE });
    }
  }
}
