import {
  App, Duration, Stack,
  aws_cloudwatch as cloudwatch, aws_ec2 as ec2, aws_ecr as ecr, aws_ecs as ecs, aws_elasticloadbalancingv2 as elbv2,
} from 'aws-cdk-lib';
import { BlueGreenPipeline, BlueGreenPipelineProps, PipelineSource } from '../../src/deploy';

/** The parts of a Fargate service behind an ALB that a BlueGreenPipeline needs. */
export interface ServiceParts {
  readonly stack: Stack;
  readonly service: ecs.FargateService;
  readonly listener: elbv2.ApplicationListener;
  readonly targetGroup: elbv2.ApplicationTargetGroup;
  readonly pageAlarm: cloudwatch.Alarm;
  readonly repository: ecr.IRepository;
}

/** A plain Fargate service behind an ALB (internal unless asked), as ReliableService would hand it over. */
export function serviceParts(options: {
  app?: App;
  stack?: Stack;
  prefix?: string;
  controller?: ecs.DeploymentControllerType;
  https?: boolean;
  /** An internet-facing load balancer in the public subnets (ReliableService's default) instead of an internal one. */
  internetFacing?: boolean;
  /** Name of the service's container. */
  containerName?: string;
} = {}): ServiceParts {
  const stack = options.stack ?? new Stack(options.app ?? new App(), 'ServiceStack', { env: { account: '111111111111', region: 'eu-west-1' } });
  const p = options.prefix ?? '';
  const vpc = (stack.node.tryFindChild('Vpc') as ec2.Vpc | undefined) ?? new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new ecs.Cluster(stack, `${p}Cluster`, { vpc });
  const taskDefinition = new ecs.FargateTaskDefinition(stack, `${p}Task`);
  taskDefinition.addContainer(options.containerName ?? 'app', {
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest'),
    portMappings: [{ containerPort: 8080 }],
  });
  const service = new ecs.FargateService(stack, `${p}Service`, {
    cluster,
    taskDefinition,
    desiredCount: 2,
    deploymentController: options.controller ? { type: options.controller } : undefined,
    // ReliabilityChecks asks for it; CodeDeploy-controlled services roll back through CodeDeploy instead.
    circuitBreaker: options.controller === ecs.DeploymentControllerType.CODE_DEPLOY ? undefined : { enable: true, rollback: true },
  });
  const loadBalancer = new elbv2.ApplicationLoadBalancer(stack, `${p}Alb`, { vpc, internetFacing: options.internetFacing ?? false });
  const listener = options.https
    ? loadBalancer.addListener(`${p}Https`, {
      port: 443,
      open: false,
      protocol: elbv2.ApplicationProtocol.HTTPS,
      certificates: [elbv2.ListenerCertificate.fromArn('arn:aws:acm:eu-west-1:111111111111:certificate/11111111-2222-3333-4444-555555555555')],
    })
    : loadBalancer.addListener(`${p}Http`, { port: 80, open: false });
  const targetGroup = listener.addTargets(`${p}App`, {
    port: 8080,
    protocol: elbv2.ApplicationProtocol.HTTP,
    targets: [service],
    healthCheck: { path: '/health', healthyHttpCodes: '200-299', interval: Duration.seconds(15) },
  });
  const pageAlarm = new cloudwatch.Alarm(stack, `${p}PageAlarm`, {
    metric: loadBalancer.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT),
    threshold: 10,
    evaluationPeriods: 1,
  });
  const repository = ecr.Repository.fromRepositoryName(stack, `${p}Repo`, 'checkout');
  return { stack, service, listener, targetGroup, pageAlarm, repository };
}

/** The one-stage pipeline most tests start from: ECR source, the parts' service, listener, target group and page alarm. */
export function defaultPipeline(parts: ServiceParts, overrides: Partial<BlueGreenPipelineProps> = {}): BlueGreenPipeline {
  return new BlueGreenPipeline(parts.stack, 'Checkout', {
    source: PipelineSource.ecr({ repository: parts.repository }),
    service: parts.service,
    productionListener: parts.listener,
    productionTargetGroup: parts.targetGroup,
    pageAlarm: parts.pageAlarm,
    ...overrides,
  });
}
