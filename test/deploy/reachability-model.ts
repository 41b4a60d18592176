/**
 * A small model of one network path in a synthesized template: the pre-traffic check (a Lambda
 * function in the VPC) calling the load balancer's test listener. It encodes these facts:
 *
 * 1. A Lambda function connected to a VPC sends from network interfaces with private addresses in
 *    its configured subnets (AWS Lambda Developer Guide, "Giving Lambda functions access to
 *    resources in an Amazon VPC", https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html).
 * 2. The DNS name of an internet-facing load balancer resolves to public addresses, of an internal
 *    one to private addresses (ELBv2 API Reference, CreateLoadBalancer, `Scheme`,
 *    https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html).
 * 3. From a private subnet, traffic to a public address follows the default route to the NAT
 *    gateway, which replaces the source address with its Elastic IP (Amazon VPC User Guide, "NAT
 *    gateways", https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html).
 * 4. A security group rule that references a security group allows traffic from the private
 *    addresses of that group's members only, not their public or Elastic IPs (Amazon VPC User
 *    Guide, "Security group rules", https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html).
 * 5. The load balancer's nodes have network interfaces with private addresses in the VPC, found
 *    with DescribeNetworkInterfaces by the description "ELB app/<name>/<id>" (Elastic Load
 *    Balancing User Guide, "Application Load Balancers": load balancer IP addresses).
 */

type Value = unknown;
interface Resource { readonly Type: string; readonly Properties?: Record<string, any> }
export interface TemplateJson { readonly Resources: Record<string, Resource> }

/** What the model concludes, with the steps that led there (shown when a test fails). */
export interface PathVerdict {
  readonly reachable: boolean;
  readonly steps: string[];
}

interface Rule {
  readonly IpProtocol?: string;
  readonly FromPort?: number;
  readonly ToPort?: number;
  readonly CidrIp?: string;
  readonly SourceSecurityGroupId?: Value;
  readonly DestinationSecurityGroupId?: Value;
}

/** The logical id a `Ref` or `Fn::GetAtt` points to. */
function refOf(value: Value): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { 'Ref'?: string; 'Fn::GetAtt'?: [string, string] };
  return v.Ref ?? v['Fn::GetAtt']?.[0];
}

function coversPort(rule: Rule, port: number): boolean {
  if (rule.IpProtocol === '-1') return true;
  return rule.IpProtocol === 'tcp' && (rule.FromPort ?? 0) <= port && port <= (rule.ToPort ?? 65535);
}

/** Inline rules of a group plus the standalone ingress / egress resources attached to it. */
function rulesOf(template: TemplateJson, groupId: string, direction: 'Ingress' | 'Egress'): Rule[] {
  const inline = (template.Resources[groupId]?.Properties?.[`SecurityGroup${direction}`] ?? []) as Rule[];
  const standalone = Object.values(template.Resources)
    .filter((r) => r.Type === `AWS::EC2::SecurityGroup${direction}` && refOf(r.Properties?.GroupId) === groupId)
    .map((r) => r.Properties as Rule);
  return [...inline, ...standalone];
}

/** The default route of a subnet: 'nat', 'internet-gateway' or 'none'. */
function defaultRouteOf(template: TemplateJson, subnetId: string): 'nat' | 'internet-gateway' | 'none' {
  const association = Object.values(template.Resources).find((r) => r.Type === 'AWS::EC2::SubnetRouteTableAssociation'
    && refOf(r.Properties?.SubnetId) === subnetId);
  const tableId = refOf(association?.Properties?.RouteTableId);
  const route = Object.values(template.Resources).find((r) => r.Type === 'AWS::EC2::Route'
    && refOf(r.Properties?.RouteTableId) === tableId && r.Properties?.DestinationCidrBlock === '0.0.0.0/0');
  if (route?.Properties?.NatGatewayId) return 'nat';
  if (route?.Properties?.GatewayId) return 'internet-gateway';
  return 'none';
}

/** Where the function's call goes: the load balancer and whether its addresses are private or public. */
function targetOf(template: TemplateJson, variables: Record<string, Value>): { loadBalancerId?: string; address: 'private' | 'public'; how: string } {
  const byInterface = refOf(variables.LOAD_BALANCER_ARN);
  if (byInterface) return { loadBalancerId: byInterface, address: 'private', how: 'the load balancer network interfaces\' private addresses (fact 5)' };
  const url = variables.CHECK_URL as { 'Fn::Join'?: [string, Value[]] } | undefined;
  const dns = (url?.['Fn::Join']?.[1] ?? []).find((part) => Array.isArray((part as any)?.['Fn::GetAtt']) && (part as any)['Fn::GetAtt'][1] === 'DNSName');
  const loadBalancerId = refOf(dns);
  const scheme = loadBalancerId ? template.Resources[loadBalancerId]?.Properties?.Scheme ?? 'internet-facing' : undefined;
  return { loadBalancerId, address: scheme === 'internal' ? 'private' : 'public', how: `the ${scheme} load balancer's DNS name (fact 2)` };
}

/**
 * Can the function `functionId` reach the test listener on `port`? Follows the facts above: the
 * address it calls, the source address the load balancer sees, the function's egress rules and the
 * load balancer's ingress rules.
 */
export function hookReachesTestListener(template: TemplateJson, functionId: string, port: number): PathVerdict {
  const steps: string[] = [];
  const fn = template.Resources[functionId]?.Properties ?? {};
  const hookGroups = ((fn.VpcConfig?.SecurityGroupIds ?? []) as Value[]).map(refOf).filter((id): id is string => !!id);
  const subnets = ((fn.VpcConfig?.SubnetIds ?? []) as Value[]).map(refOf).filter((id): id is string => !!id);
  const routes = new Set(subnets.map((s) => defaultRouteOf(template, s)));
  steps.push(`caller: function in ${subnets.length} subnet(s) with default route(s) ${[...routes].join(', ') || 'none'} (fact 1)`);
  const target = targetOf(template, fn.Environment?.Variables ?? {});
  steps.push(`target: ${target.how} -> ${target.address} addresses`);
  if (!target.loadBalancerId) return { reachable: false, steps: [...steps, 'no load balancer found in the function\'s configuration'] };
  const loadBalancerGroups = ((template.Resources[target.loadBalancerId]?.Properties?.SecurityGroups ?? []) as Value[])
    .map(refOf).filter((id): id is string => !!id);

  let source: 'private-member' | 'nat-elastic-ip';
  if (target.address === 'private') {
    source = 'private-member';
    steps.push('source seen by the load balancer: the function\'s private address (inside the VPC, local route)');
  } else if (routes.size === 1 && routes.has('nat')) {
    source = 'nat-elastic-ip';
    steps.push('source seen by the load balancer: the NAT gateway\'s Elastic IP (fact 3)');
  } else {
    return { reachable: false, steps: [...steps, 'a public address with no NAT route from the caller\'s subnets'] };
  }

  const egress = hookGroups.flatMap((g) => rulesOf(template, g, 'Egress')).filter((r) => coversPort(r, port));
  const egressAllows = egress.some((r) => r.CidrIp === '0.0.0.0/0'
    || (source === 'private-member' && loadBalancerGroups.includes(refOf(r.DestinationSecurityGroupId) ?? '')));
  steps.push(`caller egress on ${port}: ${egressAllows ? 'allowed' : 'denied'}`);
  if (target.address === 'private' && refOf(fn.Environment?.Variables?.LOAD_BALANCER_ARN)) {
    const apiEgress = hookGroups.flatMap((g) => rulesOf(template, g, 'Egress')).some((r) => coversPort(r, 443) && r.CidrIp === '0.0.0.0/0');
    steps.push(`caller egress on 443 to the EC2 API (discovery): ${apiEgress ? 'allowed' : 'denied'}`);
    if (!apiEgress) return { reachable: false, steps };
  }

  const ingress = loadBalancerGroups.flatMap((g) => rulesOf(template, g, 'Ingress')).filter((r) => coversPort(r, port));
  const ingressAllows = ingress.some((r) => {
    if (r.CidrIp === '0.0.0.0/0') return true;
    // Fact 4: a security-group reference admits the members' private addresses only.
    return source === 'private-member' && hookGroups.includes(refOf(r.SourceSecurityGroupId) ?? '');
  });
  steps.push(`load balancer ingress on ${port}: ${ingress.length} rule(s), ${ingressAllows ? 'one admits the source' : 'none admits the source (fact 4)'}`);
  return { reachable: egressAllows && ingressAllows, steps };
}

/** The logical id of the only resource of `type` whose id starts with `prefix`. */
export function onlyResource(template: TemplateJson, type: string, prefix = ''): string {
  const ids = Object.entries(template.Resources).filter(([id, r]) => r.Type === type && id.startsWith(prefix)).map(([id]) => id);
  if (ids.length !== 1) throw new Error(`expected one ${type} starting with ${prefix}, got ${ids.join(', ') || 'none'}`);
  return ids[0];
}
