import { Stack, aws_ec2 as ec2, aws_ecs as ecs } from 'aws-cdk-lib';

/**
 * The subnets an ECS service's tasks are placed in, read from the service's awsvpc network
 * configuration and matched to the subnets of its cluster's VPC (whose zones CDK knows); or
 * undefined when they cannot be known at synth: an imported service, tasks without awsvpc
 * networking (bridge / host: they live in the container instances' subnets), or a subnet id
 * that is not one of the VPC's subnets.
 */
export function serviceSubnets(service: ecs.IBaseService): ec2.ISubnet[] | undefined {
  const cfn = service.node.defaultChild;
  if (!(cfn instanceof ecs.CfnService)) return undefined;
  const stack = Stack.of(cfn);
  const configuration = stack.resolve(cfn.networkConfiguration);
  const ids: unknown[] | undefined = configuration?.awsvpcConfiguration?.subnets;
  if (!Array.isArray(ids) || ids.length === 0) return undefined;

  let vpc: ec2.IVpc;
  try {
    vpc = service.cluster.vpc;
  } catch {
    return undefined; // an imported cluster without its VPC
  }
  if (!vpc) return undefined;
  const candidates = [...vpc.publicSubnets, ...vpc.privateSubnets, ...vpc.isolatedSubnets];
  const byId = new Map(candidates.map((subnet) => [JSON.stringify(stack.resolve(subnet.subnetId)), subnet]));
  const found: ec2.ISubnet[] = [];
  for (const id of ids) {
    const subnet = byId.get(JSON.stringify(id));
    if (!subnet) return undefined;
    found.push(subnet);
  }
  return found;
}
