import { Duration, Stack, aws_ec2 as ec2, aws_ecs as ecs, aws_rds as rds } from 'aws-cdk-lib';

/** A Vpc of 2 Availability Zones with a NAT gateway in each: compliant with every VPC rule. */
export function twoZoneVpc(stack: Stack, id = 'Vpc'): ec2.Vpc {
  return new ec2.Vpc(stack, id, { maxAzs: 2 });
}

/** A task definition with one container, with or without a container health check. */
export function taskDefinition(stack: Stack, options: { healthCheck?: boolean } = {}): ecs.FargateTaskDefinition {
  const definition = new ecs.FargateTaskDefinition(stack, 'TaskDef');
  definition.addContainer('web', {
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:stable'),
    portMappings: [{ containerPort: 80 }],
    healthCheck: options.healthCheck === false ? undefined : {
      command: ['CMD-SHELL', 'curl -f http://localhost/health || exit 1'],
      interval: Duration.seconds(30),
    },
  });
  return definition;
}

/**
 * A Fargate service that passes every ECS rule unless `props` override it: 2 tasks in 2 zones,
 * circuit breaker with rollback, deployment alarms, 100 % minimum healthy.
 */
export function fargateService(stack: Stack, props: Partial<ecs.FargateServiceProps> = {}, vpc?: ec2.IVpc): ecs.FargateService {
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc: vpc ?? twoZoneVpc(stack) });
  return new ecs.FargateService(stack, 'Service', {
    cluster,
    taskDefinition: props.taskDefinition ?? taskDefinition(stack),
    desiredCount: 2,
    minHealthyPercent: 100,
    circuitBreaker: { enable: true, rollback: true },
    deploymentAlarms: { alarmNames: ['checkout-5xx'], behavior: ecs.AlarmBehavior.ROLLBACK_ON_ALARM },
    ...props,
  });
}

/** A PostgreSQL DatabaseInstance, compliant with every RDS rule unless `props` override it. */
export function postgresInstance(stack: Stack, props: Partial<rds.DatabaseInstanceProps> = {}): rds.DatabaseInstance {
  return new rds.DatabaseInstance(stack, 'Db', {
    engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
    vpc: props.vpc ?? twoZoneVpc(stack),
    multiAz: true,
    backupRetention: Duration.days(7),
    deletionProtection: true,
    ...props,
  });
}

/** An Aurora PostgreSQL cluster with a writer and `readers` serverless v2 readers. */
export function auroraCluster(stack: Stack, readers: number, props: Partial<rds.DatabaseClusterProps> = {}): rds.DatabaseCluster {
  return new rds.DatabaseCluster(stack, 'Cluster', {
    engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }),
    vpc: props.vpc ?? twoZoneVpc(stack),
    writer: rds.ClusterInstance.serverlessV2('writer'),
    readers: Array.from({ length: readers }, (_, i) => rds.ClusterInstance.serverlessV2(`reader${i}`)),
    backup: { retention: Duration.days(7) },
    deletionProtection: true,
    ...props,
  });
}
