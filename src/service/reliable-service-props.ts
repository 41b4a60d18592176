import {
  Duration,
  aws_certificatemanager as acm,
  aws_cloudwatch as cloudwatch,
  aws_ec2 as ec2,
  aws_ecs as ecs,
  aws_elasticloadbalancingv2 as elbv2,
  aws_logs as logs,
} from 'aws-cdk-lib';
import { ServiceDeploymentStrategy } from './service-deployment-strategy';
import { PredictiveScalingMode } from '../capacity/predictive-scaling';
import { ServiceQuota } from '../capacity/service-quota';

/** The service level objectives a ReliableService alarms on. */
export interface ReliableServiceSloOptions {
  /**
   * Share of requests that must not fail with a 5XX (target or load balancer).
   *
   * @default 99.9
   */
  readonly availabilityPercent?: number;

  /**
   * Share of requests that must be answered within `latencyThreshold`.
   *
   * @default 99
   */
  readonly latencyPercent?: number;

  /**
   * The response time a request must beat to count as fast.
   *
   * @default Duration.millis(500)
   */
  readonly latencyThreshold?: Duration;
}

/**
 * Where alarms notify. Once given, both severities need actions (1 to 5 each), so that every alarm
 * the service creates reaches someone; to page for tickets too, pass the same list: `ticket: page`.
 *
 * An SNS topic encrypted with a customer-managed KMS key only receives alarm notifications when the
 * key policy lets `cloudwatch.amazonaws.com` use `kms:Decrypt` and `kms:GenerateDataKey*` (Amazon SNS
 * developer guide, "Key management": compatibility between event sources from AWS services and
 * encrypted topics); the library cannot see the topic behind an `IAlarmAction`, so it cannot check.
 */
export interface ReliableServiceAlarmActions {
  /**
   * Actions of alarms that need a human now: the SLO page alarm (fast error-budget burn).
   *
   * @default - none: an error when `alarmActions` is given
   */
  readonly page?: cloudwatch.IAlarmAction[];

  /**
   * Actions of alarms that need attention within a working day: the SLO ticket alarm (slow burn), the
   * CPU and memory saturation alarms, the deployment rollback alarm and the traffic anomaly alarm.
   *
   * @default - none: an error when `alarmActions` is given (pass `ticket: page` to page for them)
   */
  readonly ticket?: cloudwatch.IAlarmAction[];
}

/** Target tracking autoscaling of the task count. */
export interface ReliableServiceAutoScaling {
  /**
   * Fewest tasks; at least 2.
   *
   * @default - desiredCount
   */
  readonly minCapacity?: number;

  /**
   * Most tasks.
   *
   * @default - 3 × minCapacity
   */
  readonly maxCapacity?: number;

  /**
   * Average CPU the service is scaled to hold.
   *
   * @default 60
   */
  readonly targetCpuPercent?: number;

  /**
   * Requests per task per minute the service is scaled to hold (rolling deployments only: with blue/green
   * the production target group changes at each deployment, so only CPU tracking applies).
   *
   * @default 1000
   */
  readonly requestsPerTarget?: number;

  /**
   * Add an Application Auto Scaling predictive scaling policy on the CPU metric pair
   * (`ECSServiceCPUUtilization`, at `targetCpuPercent`), beside target tracking. Opt-in: it pays off for
   * services with a daily or weekly pattern; start with FORECAST_ONLY and compare the forecast with the load.
   *
   * @default - none
   */
  readonly predictiveScaling?: PredictiveScalingMode;
}

/** The capacity guardrails of a ReliableService (ticket alarms; see CapacityGuardrails). */
export interface ReliableServiceCapacityGuardrails {
  /**
   * Create the guardrails. They read Container Insights, so turning Container Insights off needs this false.
   *
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * Running tasks at or above this share of `autoScaling.maxCapacity` for 15 minutes open a ticket.
   *
   * @default 80
   */
  readonly ceilingPercent?: number;

  /**
   * Quotas the service consumes, each alarmed at `quotaThresholdPercent` of its applied value.
   *
   * @default [ServiceQuota.fargateOnDemandVcpu()]
   */
  readonly quotas?: ServiceQuota[];

  /**
   * Usage, in percent of an applied quota, that opens a ticket.
   *
   * @default 80
   */
  readonly quotaThresholdPercent?: number;
}

/**
 * Properties of a ReliableService.
 *
 * The task is hardened (non-root user, read-only root filesystem) and checked by two health checks, so
 * the image must: listen on `containerPort` as a non-root user (`user`), answer 2xx or 3xx on
 * `healthCheckPath`, write only to `writablePaths`, and carry `curl` or `wget` (or give
 * `containerHealthCheckCommand`). An image that does not fits deploys, never turns healthy, and the
 * circuit breaker rolls the deployment back.
 */
export interface ReliableServiceProps {
  /**
   * The container image to run. It must listen on `containerPort` as the non-root `user`, answer 2xx
   * or 3xx on `healthCheckPath`, write only to `writablePaths` (the rest of the filesystem is
   * read-only), and carry `curl` or `wget` for the default container health check. An off-the-shelf
   * image that runs as root, listens on port 80 or writes to its own directories does not fit: e.g.
   * `nginx` does not, `nginxinc/nginx-unprivileged` (port 8080, user 101) does, with its `writablePaths`
   * (see `writablePaths`).
   */
  readonly image: ecs.ContainerImage;

  /** The port the container listens on (1 to 65535; the image's non-root user cannot bind ports below 1024). */
  readonly containerPort: number;

  /**
   * The HTTP path the load balancer (every 15 s, 200-399 is healthy) and the container health check
   * (`curl -f` / `wget`, any 2xx or 3xx) probe, e.g. `'/'` for a plain web server. Required: a wrong
   * path deploys a service whose tasks are replaced forever.
   */
  readonly healthCheckPath: string;

  /**
   * The VPC to run in; it must have private subnets with egress in at least 2 AZs and public subnets for the load balancer.
   *
   * @default - a new VPC: 3 AZs (see `availabilityZones`), one NAT gateway per AZ, flow logs to an encrypted log group
   */
  readonly vpc?: ec2.IVpc;

  /**
   * Availability Zones of the new VPC, by name: at least 2 distinct zones of the stack's Region, written
   * as the Region and one letter (`us-east-1a`). Local Zones (`us-west-2-lax-1a`) and Wavelength Zones
   * are refused. Not with `vpc`.
   *
   * Without it the VPC takes the first 3 of the stack's zones, which aws-cdk-lib gets from a context
   * lookup when the stack has `env.account`: `cdk synth` then needs credentials for the account, once
   * (the CLI caches the answer in `cdk.context.json` under
   * `availability-zones:account=<account>:region=<region>`; commit that file, or write the key yourself,
   * to synthesize without credentials). A stack with only `env.region` needs no lookup and gets the
   * 2 zones of `Fn::GetAZs`, or the zones named here. aws-cdk-lib's Vpc still reads the stack's zones to
   * check these names, so in a stack with `env.account` the lookup happens even with this prop.
   *
   * @default - the first 3 Availability Zones of the stack (2 when the stack has no account)
   */
  readonly availabilityZones?: string[];

  /**
   * Where the tasks run.
   *
   * @default - the private subnets with egress
   */
  readonly taskSubnets?: ec2.SubnetSelection;

  /**
   * Name used in alarm descriptions, SLO names and the dashboard.
   *
   * @default - the construct id
   */
  readonly serviceName?: string;

  /**
   * Number of tasks; at least 2 so that the service survives the loss of a task or an AZ.
   *
   * @default 3
   */
  readonly desiredCount?: number;

  /**
   * CPU units of a task (256, 512, 1024, 2048, 4096, 8192 or 16384).
   *
   * @default 512
   */
  readonly cpu?: number;

  /**
   * Memory of a task in MiB; must be a Fargate combination with `cpu`.
   *
   * @default 1024
   */
  readonly memoryLimitMiB?: number;

  /**
   * How long ECS ignores failing load balancer health checks of a new task.
   *
   * @default Duration.seconds(60)
   */
  readonly healthCheckGracePeriod?: Duration;

  /**
   * The container health check command (Docker `CMD-SHELL` form); give it when the image has neither
   * `curl` nor `wget` (distroless and scratch images).
   *
   * @default - ['CMD-SHELL', 'curl -fs http://localhost:<containerPort><healthCheckPath> || wget -q -O /dev/null http://localhost:<containerPort><healthCheckPath> || exit 1']
   */
  readonly containerHealthCheckCommand?: string[];

  /**
   * The user the container runs as (`uid` or `uid:gid`); never root. Use the image's own non-root
   * user (its `USER`), since that is who owns its files: e.g. `'101'` for `nginxinc/nginx-unprivileged`.
   *
   * @default '1000'
   */
  readonly user?: string;

  /**
   * Paths mounted writable on the otherwise read-only root filesystem (ephemeral task storage); absolute,
   * other than '/', each once. Everything else the process writes (pid files, caches, temp files) fails.
   *
   * Each path is a fresh task volume, empty at start. Fargate creates it owned by root with mode 0755
   * (Amazon ECS developer guide, "Use bind mounts with Amazon ECS"), so a non-essential init container
   * (`scratch-permissions`: busybox, root, read-only root filesystem) makes each one mode 1777 and exits,
   * and the app container starts only after it succeeded. For `nginxinc/nginx-unprivileged`:
   * `['/tmp', '/var/cache/nginx']` (pid and temp files, cache). An empty list adds no init container.
   *
   * @default ['/tmp']
   */
  readonly writablePaths?: string[];

  /**
   * Certificate of the HTTPS listener on port 443; HTTP on port 80 redirects to it.
   *
   * @default - none: `allowPlainHttp` must then be true
   */
  readonly certificate?: acm.ICertificate;

  /**
   * TLS policy of the HTTPS listener.
   *
   * @default elbv2.SslPolicy.RECOMMENDED_TLS
   */
  readonly sslPolicy?: elbv2.SslPolicy;

  /**
   * Serve plain HTTP on port 80 without a certificate. Adds compliance acknowledgements (see the docs): use for
   * internal tests only.
   *
   * @default false
   */
  readonly allowPlainHttp?: boolean;

  /**
   * Deletion protection of the load balancer; turn it off only for short-lived test stacks.
   *
   * @default true
   */
  readonly loadBalancerDeletionProtection?: boolean;

  /**
   * ARN of a regional WAF web ACL to associate with the load balancer.
   *
   * @default - a web ACL with AWS managed rule groups and a per-IP rate limit
   */
  readonly webAclArn?: string;

  /**
   * Service level objectives the SloAlarmSet alarms on.
   *
   * @default - 99.9 % availability, 99 % of requests under 500 ms
   */
  readonly slo?: ReliableServiceSloOptions;

  /**
   * Runbook linked from every SLO alarm description.
   *
   * @default - none
   */
  readonly runbookUrl?: string;

  /**
   * Where alarms notify. When given, both `page` and `ticket` need at least one action.
   *
   * @default - alarms without actions: ReliabilityChecks then reports CloudWatchAlarmAction on the
   * saturation alarms and CloudWatchCompositeAlarmAction on the SLO ticket alarm
   */
  readonly alarmActions?: ReliableServiceAlarmActions;

  /**
   * Autoscaling of the task count.
   *
   * @default - minCapacity = desiredCount, maxCapacity = 3 × desiredCount, 60 % CPU, 1000 requests per task
   */
  readonly autoScaling?: ReliableServiceAutoScaling;

  /**
   * Capacity guardrails: tickets when running tasks stay near the autoscaling maximum, when desired
   * tasks cannot be placed, and when the Fargate On-Demand vCPU quota is nearly used.
   *
   * @default - on: 80 % of maxCapacity for 15 minutes, desired above running for 15 minutes, Fargate On-Demand vCPU at 80 %
   */
  readonly capacityGuardrails?: ReliableServiceCapacityGuardrails;

  /**
   * Secrets passed to the container as environment variables, from Secrets Manager or SSM.
   *
   * @default - none
   */
  readonly secrets?: Record<string, ecs.Secret>;

  /**
   * Plain-text environment variables; names that look like secrets are rejected (use `secrets`).
   *
   * @default - none
   */
  readonly environment?: Record<string, string>;

  /**
   * How deployments replace tasks.
   *
   * @default ServiceDeploymentStrategy.rolling()
   */
  readonly deploymentStrategy?: ServiceDeploymentStrategy;

  /**
   * Lower bound of running tasks during a deployment, in percent of desiredCount.
   *
   * @default 100
   */
  readonly minHealthyPercent?: number;

  /**
   * Upper bound of running tasks during a deployment, in percent of desiredCount.
   *
   * @default 200
   */
  readonly maxHealthyPercent?: number;

  /**
   * Allow `minHealthyPercent` below 100 (deployments that run below desired capacity).
   *
   * @default false
   */
  readonly allowReducedCapacityDeployments?: boolean;

  /**
   * Let AWS FIS inject faults (CPU stress, network latency, packet loss, blackhole) into the tasks.
   *
   * Besides `enableFaultInjection: true`, the task definition then shares one process namespace
   * between its containers (`pidMode: task`): the FIS network actions need both, and fail at run time
   * without either. CDK requires an explicit runtime platform with `pidMode` on Fargate, so the task
   * definition also declares Linux on `cpuArchitecture` (X86_64 unless told). Fargate's default
   * platform is Linux/X86_64 anyway, so the tasks run where they ran before.
   *
   * Every FIS `aws:ecs:task` action also needs an SSM agent in the task: a non-essential `ssm-agent`
   * sidecar registers each task as an SSM managed instance tagged with its task ARN, with a
   * managed-instance role trusted by SSM and the task role permissions to create the activation.
   * The sidecar reserves 128 MiB of the task's memory, taken from the app container's limit.
   *
   * @default false
   */
  readonly enableFaultInjection?: boolean;

  /**
   * CPU architecture of the tasks (X86_64 or ARM64); the image must be built for it.
   * Setting it, or `enableFaultInjection`, declares the runtime platform (Linux) in the task definition.
   *
   * @default - no runtime platform declared (Fargate runs Linux on X86_64); ecs.CpuArchitecture.X86_64 with `enableFaultInjection`
   */
  readonly cpuArchitecture?: ecs.CpuArchitecture;

  /**
   * Alarm when the request count leaves its anomaly detection band (ticket severity).
   *
   * @default false
   */
  readonly trafficAnomalyAlarm?: boolean;

  /**
   * Container Insights level of the cluster. ENHANCED adds an acknowledgement of CT.ECS.PR.2, which only accepts ENABLED.
   *
   * @default ecs.ContainerInsights.ENABLED
   */
  readonly containerInsights?: ecs.ContainerInsights;

  /**
   * Retention of the container, flow and WAF logs.
   *
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly logRetention?: logs.RetentionDays;

  /**
   * Retention of the load balancer access logs.
   *
   * @default Duration.days(365)
   */
  readonly accessLogRetention?: Duration;
}
