import { App, Stack, aws_cloudwatch as cloudwatch, aws_ec2 as ec2, aws_ecs as ecs, aws_iam as iam } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';

export const ALARM_ARN = 'arn:aws:cloudwatch:us-east-1:111111111111:alarm:checkout-page';

/** A stack with an imported VPC (two zones), cluster, Fargate service and alarm: no resources of its own. */
export function importedTargets(stack?: Stack) {
  const s = stack ?? new Stack(new App(), 'Chaos', { env: { account: '111111111111', region: 'us-east-1' } });
  const vpc = ec2.Vpc.fromVpcAttributes(s, 'Vpc', {
    vpcId: 'vpc-1',
    availabilityZones: ['us-east-1a', 'us-east-1b'],
    privateSubnetIds: ['subnet-a', 'subnet-b'],
  });
  const cluster = ecs.Cluster.fromClusterAttributes(s, 'Cluster', { clusterName: 'shop', vpc });
  const service = ecs.FargateService.fromFargateServiceAttributes(s, 'Service', { cluster, serviceName: 'web' });
  const alarm = cloudwatch.Alarm.fromAlarmArn(s, 'Alarm', ALARM_ARN);
  return { stack: s, vpc, cluster, service, alarm };
}

/** Props of a Linux task definition that supports the ECS network fault actions. */
export const FAULT_READY: Partial<ecs.FargateTaskDefinitionProps> = {
  enableFaultInjection: true,
  pidMode: ecs.PidMode.TASK,
  runtimePlatform: { operatingSystemFamily: ecs.OperatingSystemFamily.LINUX, cpuArchitecture: ecs.CpuArchitecture.X86_64 },
};

/** A Fargate service defined in the stack, its task definition configured by `taskProps`. */
export function fargateService(stack: Stack, taskProps: Partial<ecs.FargateTaskDefinitionProps> = {}) {
  const vpc = new ec2.Vpc(stack, 'AppVpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'app', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  const cluster = new ecs.Cluster(stack, 'AppCluster', { vpc });
  const taskDefinition = new ecs.FargateTaskDefinition(stack, 'Task', { cpu: 256, memoryLimitMiB: 512, ...taskProps });
  taskDefinition.addContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest') });
  const service = new ecs.FargateService(stack, 'AppService', { cluster, taskDefinition });
  return { vpc, cluster, taskDefinition, service };
}

/** The statements of every customer-managed policy in the template, flattened. */
export function policyStatements(template: Template): any[] {
  return Object.values(template.findResources('AWS::IAM::ManagedPolicy'))
    .flatMap((policy: any) => policy.Properties.PolicyDocument.Statement);
}

/** The statements granting `action`, resolved. */
export function statementsFor(template: Template, action: string): any[] {
  return policyStatements(template).filter((s) => ([] as string[]).concat(s.Action).includes(action));
}

/** A role with a fixed ARN, for the API error action. */
export function importedRole(stack: Stack): iam.IRole {
  return iam.Role.fromRoleArn(stack, 'AppRole', 'arn:aws:iam::111111111111:role/app');
}
