import { CfnInstance, CfnNatGateway, CfnRoute, CfnSubnet, CfnSubnetRouteTableAssociation, CfnVPC } from 'aws-cdk-lib/aws-ec2';
import { NagMessageLevel } from 'cdk-nag';
import { resolve, str, UnresolvableValue } from '../resolve';
import { allOf, ReliabilityRule, Unresolved, verdict, Verdict } from '../rule';
import { StackIndex } from '../stack-index';

/**
 * Every private subnet of the VPC whose default route (0.0.0.0/0) goes through a NAT gateway (or a
 * NAT instance) reaches one in its own Availability Zone. One NAT gateway shared by the subnets of
 * several zones (`natGateways: 1`) is a single point of failure: its zone's outage cuts every zone's
 * egress. Regional NAT gateways (AvailabilityMode `regional`) span zones and pass. A VPC with no
 * NAT-routed subnet is not applicable. Unresolvable (a NAT outside the stack, a zone or route given
 * as a token): UNKNOWN.
 */
export const VPCNatGatewayPerAZ: ReliabilityRule = {
  name: 'VPCNatGatewayPerAZ',
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::EC2::VPC'],
  bestPractice: 'REL10-BP01',
  info: 'A private subnet of the VPC sends its internet traffic through a NAT in another Availability Zone (a single NAT gateway is a single point of failure).',
  explanation: 'When the zone holding the NAT gateway fails, every private subnet routed through it loses outbound access (image pulls, AWS APIs without endpoints, third-party calls), in every zone.',
  fix: 'Set `natGateways` to the number of Availability Zones of the Vpc (the default), or use a regional NAT gateway.',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node, index) => {
    if (!(node instanceof CfnVPC)) return Verdict.NOT_APPLICABLE;
    const vpcId = index.logicalId(node);
    const subnets = (index.resources('AWS::EC2::Subnet') as CfnSubnet[])
      .filter((subnet) => refOf(resolve(subnet, subnet.vpcId)) === vpcId);
    return allOf(subnets.map((subnet) => natZoneVerdict(subnet, index)));
  },
};

/** NOT_APPLICABLE for a subnet without a NAT default route, else whether its NAT shares its zone. */
function natZoneVerdict(subnet: CfnSubnet, index: StackIndex): Verdict {
  const routing = routingOf(index);
  const verdicts: Verdict[] = [];
  for (const routeTableId of routing.routeTablesBySubnet.get(index.logicalId(subnet)) ?? []) {
    for (const route of routing.defaultRoutesByTable.get(routeTableId) ?? []) {
      const natZone = natZoneOf(route, index);
      if (natZone === undefined) continue;
      verdicts.push(natZone === 'regional' ? Verdict.COMPLIANT : verdict(natZone === index.subnetZone(resolve(subnet, subnet.ref))));
    }
  }
  return allOf(verdicts);
}

interface Routing {
  readonly routeTablesBySubnet: Map<string | undefined, Array<string | undefined>>;
  readonly defaultRoutesByTable: Map<string | undefined, CfnRoute[]>;
}

/** Route table associations and 0.0.0.0/0 routes of the stack, resolved once per validation run. */
function routingOf(index: StackIndex): Routing {
  return index.memo<Routing>('vpc-routing', () => {
    const routeTablesBySubnet = new Map<string | undefined, Array<string | undefined>>();
    for (const association of index.resources('AWS::EC2::SubnetRouteTableAssociation') as CfnSubnetRouteTableAssociation[]) {
      const subnetId = refOf(resolve(association, association.subnetId));
      routeTablesBySubnet.set(subnetId, [...(routeTablesBySubnet.get(subnetId) ?? []), refOf(resolve(association, association.routeTableId))]);
    }
    const defaultRoutesByTable = new Map<string | undefined, CfnRoute[]>();
    for (const route of index.resources('AWS::EC2::Route') as CfnRoute[]) {
      if (str(route, route.destinationCidrBlock, 'DestinationCidrBlock') !== '0.0.0.0/0') continue;
      const routeTableId = refOf(resolve(route, route.routeTableId));
      defaultRoutesByTable.set(routeTableId, [...(defaultRoutesByTable.get(routeTableId) ?? []), route]);
    }
    return { routeTablesBySubnet, defaultRoutesByTable };
  });
}

/**
 * The zone identity of the NAT a default route uses, `regional` for a regional NAT gateway, or
 * undefined when the route does not go through a NAT (internet gateway, transit gateway, ...).
 */
function natZoneOf(route: CfnRoute, index: StackIndex): string | undefined {
  const natGateway = resolve(route, route.natGatewayId);
  if (natGateway !== undefined) {
    const nat = index.referenced(natGateway, 'AWS::EC2::NatGateway') as CfnNatGateway | undefined;
    if (!nat) throw new UnresolvableValue('a NAT gateway defined outside this stack');
    if (str(nat, nat.availabilityMode, 'AvailabilityMode') === 'regional') return 'regional';
    return index.subnetZone(resolve(nat, nat.subnetId));
  }
  const instanceRef = resolve(route, route.instanceId);
  if (instanceRef !== undefined) {
    const instance = index.referenced(instanceRef, 'AWS::EC2::Instance') as CfnInstance | undefined;
    if (!instance) throw new UnresolvableValue('a NAT instance defined outside this stack');
    return index.subnetZone(resolve(instance, instance.subnetId));
  }
  return undefined;
}

function refOf(value: unknown): string | undefined {
  if (value && typeof value === 'object' && 'Ref' in value) return (value as { Ref: string }).Ref;
  if (value && typeof value === 'object' && 'Fn::GetAtt' in value) return (value as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];
  return undefined;
}
