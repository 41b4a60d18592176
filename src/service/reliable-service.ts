import {
  Annotations,
  ContextProvider,
  Duration,
  PhysicalName,
  RemovalPolicy,
  Stack,
  Token,
  Validations,
  aws_applicationautoscaling as appscaling,
  aws_cloudwatch as cloudwatch,
  aws_ec2 as ec2,
  aws_ecs as ecs,
  aws_elasticloadbalancingv2 as elbv2,
  aws_iam as iam,
  aws_kms as kms,
  aws_logs as logs,
  aws_wafv2 as wafv2,
  cloud_assembly_schema as cxschema,
  cx_api as cxapi,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { CapacityGuardrails } from '../capacity/capacity-guardrails';
import { CapacitySource } from '../capacity/capacity-source';
import { PredictiveScalingMode } from '../capacity/predictive-scaling';
import { ServiceQuota } from '../capacity/service-quota';
import { ownerLabel, propError, ReliabilityValidationError } from '../common/errors';
import { requireGiven, requireObject, requirePlainNumber } from '../common/validate';
import { ServiceLevelObjective, SloAlarmSet } from '../slo';
import { AccessLogBuckets } from './access-log-buckets';
import { DefaultWebAcl } from './default-web-acl';
import { createLogsKey } from './encryption-key';
import { GoldenSignalAlarms } from './golden-signal-alarms';
import { createHardenedVpc } from './hardened-vpc';
import { ReliableServiceProps } from './reliable-service-props';
import { addScratchVolumes, SCRATCH_INIT_MEMORY_MIB } from './scratch-volumes';
import { createServiceDashboard } from './service-dashboard';
import { ServiceDeploymentKind, ServiceDeploymentStrategy } from './service-deployment-strategy';
import * as rules from './service-rules';
import { addSsmAgentSidecar, SSM_AGENT_MEMORY_RESERVATION_MIB } from './ssm-agent-sidecar';
import { ManagedPolicyRole } from '../common/managed-policy-role';
import { checkBakeTime } from '../deploy/rollout-rules';

const DEFAULTS = {
  desiredCount: 3,
  cpu: 512,
  memoryLimitMiB: 1024,
  healthCheckGracePeriod: Duration.seconds(60),
  user: '1000',
  writablePaths: ['/tmp'],
  minHealthyPercent: 100,
  maxHealthyPercent: 200,
  targetCpuPercent: 60,
  requestsPerTarget: 1000,
  logRetention: logs.RetentionDays.ONE_YEAR,
  accessLogRetention: Duration.days(365),
  wafRateLimitPer5Minutes: 2000,
  availabilityPercent: 99.9,
  latencyPercent: 99,
  latencyThreshold: Duration.millis(500),
} as const;

const CONTAINER_NAME = 'app';

/**
 * The FIS ECS network actions (latency, packet loss, blackhole) go through the ECS fault injection
 * endpoints, which answer only when the task definition sets enableFaultInjection AND pidMode task
 * (FIS actions reference; ChaosFisExperiment refuses a task definition without both). With the flag
 * alone the stack deploys and every network experiment fails, so the flag sets both. CDK refuses
 * pidMode on Fargate without an operating system family, hence the runtime platform; Linux/X86_64
 * is what Fargate runs when none is declared, so enabling fault injection does not move the tasks.
 */
function faultInjectionSettings(enabled: boolean, cpuArchitecture: ecs.CpuArchitecture | undefined) {
  const runtimePlatform = enabled || cpuArchitecture
    ? { operatingSystemFamily: ecs.OperatingSystemFamily.LINUX, cpuArchitecture: cpuArchitecture ?? ecs.CpuArchitecture.X86_64 }
    : undefined;
  return enabled
    ? { enableFaultInjection: true, pidMode: ecs.PidMode.TASK, runtimePlatform }
    : { runtimePlatform };
}

/**
 * A multi-AZ Fargate service behind an Application Load Balancer that is reliable, observable
 * and compliant by default: safe deployments that roll back on alarm, autoscaling, SLO alarms,
 * golden-signal alarms, a dashboard, and the hardening the cdk-nag and Control Tower rules ask for.
 */
export class ReliableService extends Construct {
  /** The Fargate service. */
  public readonly service: ecs.FargateService;
  /** The task definition (one container named `app`). */
  public readonly taskDefinition: ecs.FargateTaskDefinition;
  /** The internet-facing load balancer. */
  public readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  /** The production listener (HTTPS 443, or HTTP 80 with allowPlainHttp). */
  public readonly listener: elbv2.ApplicationListener;
  /** The target group production traffic goes to first (the blue one with blue/green). */
  public readonly targetGroup: elbv2.ApplicationTargetGroup;
  /** The green target group of a blue/green deployment. */
  public readonly alternateTargetGroup?: elbv2.ApplicationTargetGroup;
  /** The listener that reaches new tasks before production traffic does (blue/green only). */
  public readonly testListener?: elbv2.ApplicationListener;
  /** The VPC the service runs in. */
  public readonly vpc: ec2.IVpc;
  /** The ECS cluster (Container Insights enhanced). */
  public readonly cluster: ecs.Cluster;
  /** The container log group (KMS-encrypted). */
  public readonly logGroup: logs.LogGroup;
  /** The key of the container, flow and WAF log groups. */
  public readonly logsKey: kms.IKey;
  /** The SLO burn-rate alarms (availability and latency). */
  public readonly slos: SloAlarmSet;
  /** The golden-signal dashboard with the SLO widgets. */
  public readonly dashboard: cloudwatch.Dashboard;
  /** The alarms ECS watches during a deployment (ROLLBACK_ON_ALARM). */
  public readonly deploymentAlarms: cloudwatch.IAlarm[];
  /** CPU saturation alarm. */
  public readonly cpuAlarm: cloudwatch.IAlarm;
  /** Memory saturation alarm. */
  public readonly memoryAlarm: cloudwatch.IAlarm;
  /** Traffic anomaly alarm, when `trafficAnomalyAlarm` is set. */
  public readonly trafficAnomalyAlarm?: cloudwatch.IAlarm;
  /** The deployment strategy in use. */
  public readonly deploymentStrategy: ServiceDeploymentStrategy;
  /** The capacity guardrails (ticket alarms), unless `capacityGuardrails.enabled` is false. */
  public readonly capacityGuardrails?: CapacityGuardrails;

  private readonly owner: string;

  constructor(scope: Construct, id: string, props: ReliableServiceProps) {
    super(scope, id);
    this.owner = ownerLabel('ReliableService', this);
    requireObject(this.owner, 'props', props, 'given (at least image, containerPort and healthCheckPath)');
    const serviceName = props.serviceName ?? id;
    const settings = this.validate(props);
    // ELB access logging grants the Region's log delivery principal, so the Region must be known at synth.
    if (Token.isUnresolved(Stack.of(this).region)) {
      throw new ReliabilityValidationError(`${this.owner}: the stack must set env.region (load balancer access logging `
        + 'needs the Region\'s log delivery principal), got a Region-agnostic stack');
    }
    this.checkZoneProps(props);
    this.deploymentStrategy = settings.strategy;

    this.logsKey = createLogsKey(this, 'LogsKey', `Encrypts the logs of ${serviceName}`);
    this.vpc = props.vpc ?? createHardenedVpc(this, 'Vpc', {
      logsKey: this.logsKey,
      logRetention: settings.logRetention,
      availabilityZones: props.availabilityZones,
    });
    if (!props.vpc) this.reportFailedZoneLookup();
    const taskSubnets = props.taskSubnets ?? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };
    this.checkAzs(taskSubnets);

    this.cluster = new ecs.Cluster(this, 'Cluster', {
      vpc: this.vpc,
      // A name only when another Region references the cluster (a MultiRegionRecovery's plan): CDK then formats its ARN.
      clusterName: PhysicalName.GENERATE_IF_NEEDED,
      containerInsightsV2: props.containerInsights ?? ecs.ContainerInsights.ENABLED,
    });
    if (props.containerInsights === ecs.ContainerInsights.ENHANCED) {
      Validations.of(this.cluster).acknowledge({
        id: 'cdk-validator-cfnguard::ecs_container_insights_enabled_check',
        reason: 'Container Insights is set to enhanced, a superset of enabled; CT.ECS.PR.2 only accepts the literal value enabled',
      });
    }
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      encryptionKey: this.logsKey,
      retention: settings.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.taskDefinition = this.createTaskDefinition(props, settings);
    if (settings.enableFaultInjection) {
      addSsmAgentSidecar(this, this.taskDefinition, { logGroup: this.logGroup, serviceName });
    }

    this.loadBalancer = this.createLoadBalancer(props, settings, serviceName);
    const port = props.certificate ? 443 : 80;
    this.listener = this.loadBalancer.addListener(props.certificate ? 'Https' : 'Http', {
      port,
      protocol: props.certificate ? elbv2.ApplicationProtocol.HTTPS : elbv2.ApplicationProtocol.HTTP,
      certificates: props.certificate ? [elbv2.ListenerCertificate.fromCertificateManager(props.certificate)] : undefined,
      sslPolicy: props.certificate ? props.sslPolicy ?? elbv2.SslPolicy.RECOMMENDED_TLS : undefined,
      open: true,
      defaultAction: elbv2.ListenerAction.fixedResponse(404, { contentType: 'text/plain', messageBody: 'Not found' }),
    });
    if (props.certificate) this.addHttpsRedirect();
    else this.acknowledgePlainHttp();

    this.targetGroup = this.createTargetGroup('TargetGroup', props, settings);
    this.service = new ecs.FargateService(this, 'Service', {
      cluster: this.cluster,
      serviceName: PhysicalName.GENERATE_IF_NEEDED,
      taskDefinition: this.taskDefinition,
      desiredCount: settings.desiredCount,
      vpcSubnets: taskSubnets,
      assignPublicIp: false,
      // Control Tower CT.ECS.PR.1: the platform version is pinned to LATEST, never to an old number.
      platformVersion: ecs.FargatePlatformVersion.LATEST,
      minHealthyPercent: settings.minHealthyPercent,
      maxHealthyPercent: settings.maxHealthyPercent,
      circuitBreaker: { enable: true, rollback: true },
      availabilityZoneRebalancing: ecs.AvailabilityZoneRebalancing.ENABLED,
      healthCheckGracePeriod: settings.healthCheckGracePeriod,
      propagateTags: ecs.PropagatedTagSource.SERVICE,
      enableECSManagedTags: true,
      deploymentStrategy: settings.strategy.kind === ServiceDeploymentKind.BLUE_GREEN
        ? ecs.DeploymentStrategy.BLUE_GREEN : ecs.DeploymentStrategy.ROLLING,
      bakeTime: settings.strategy.bakeTime,
    });

    if (settings.strategy.kind === ServiceDeploymentKind.BLUE_GREEN) {
      const blueGreen = this.wireBlueGreen(props, settings);
      this.alternateTargetGroup = blueGreen.alternateTargetGroup;
      this.testListener = blueGreen.testListener;
    } else {
      this.listener.addAction('Forward', { action: elbv2.ListenerAction.forward([this.targetGroup]) });
      this.targetGroup.addTarget(this.service);
    }

    this.configureAutoScaling(settings, props.autoScaling?.predictiveScaling);

    // validate() made sure that, once alarmActions is given, both severities have actions.
    const ticketActions = props.alarmActions?.ticket ?? [];
    const goldenSignals = new GoldenSignalAlarms(this, 'GoldenSignals', {
      serviceName,
      cpuUtilization: this.metricCpuUtilization({ period: Duration.minutes(1) }),
      memoryUtilization: this.metricMemoryUtilization({ period: Duration.minutes(1) }),
      requestCount: this.metricRequestCount({ period: Duration.minutes(5) }),
      serverErrors: this.metricHttp5xxCount({ period: Duration.minutes(1) }),
      ticketActions,
      trafficAnomaly: props.trafficAnomalyAlarm ?? false,
    });
    this.capacityGuardrails = this.createCapacityGuardrails(props, settings, serviceName, ticketActions);
    this.cpuAlarm = goldenSignals.cpuAlarm;
    this.memoryAlarm = goldenSignals.memoryAlarm;
    this.trafficAnomalyAlarm = goldenSignals.trafficAnomalyAlarm;

    this.slos = new SloAlarmSet(this, 'Slos', {
      serviceName,
      slos: [
        ServiceLevelObjective.albAvailability({ objectivePercent: settings.availabilityPercent, loadBalancer: this.loadBalancer }),
        ServiceLevelObjective.albLatency({
          objectivePercent: settings.latencyPercent,
          threshold: settings.latencyThreshold,
          loadBalancer: this.loadBalancer,
        }),
      ],
      pageActions: props.alarmActions?.page,
      ticketActions: props.alarmActions?.ticket,
      runbookUrl: props.runbookUrl,
    });

    // The 5XX-rate metric alarm reacts within minutes of a bad rollout; the SLO page alarm adds the fast budget burn.
    this.deploymentAlarms = [goldenSignals.deploymentAlarm, this.slos.pageAlarm];
    this.service.enableDeploymentAlarms(this.deploymentAlarms.map((a) => a.alarmName), {
      behavior: ecs.AlarmBehavior.ROLLBACK_ON_ALARM,
    });

    this.dashboard = createServiceDashboard(this, 'Dashboard', {
      serviceName,
      requestCount: this.metricRequestCount(),
      serverErrors: this.metricHttp5xxCount(),
      clientErrors: this.loadBalancer.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_4XX_COUNT, { statistic: 'Sum' }),
      responseTime: (statistic) => this.metricTargetResponseTime({ statistic }),
      cpuUtilization: this.metricCpuUtilization(),
      memoryUtilization: this.metricMemoryUtilization(),
      runningTasks: new cloudwatch.Metric({
        namespace: 'ECS/ContainerInsights',
        metricName: 'RunningTaskCount',
        dimensionsMap: { ClusterName: this.cluster.clusterName, ServiceName: this.service.serviceName },
        statistic: 'Average',
      }),
      alarms: [...this.deploymentAlarms, this.cpuAlarm, this.memoryAlarm, ...(this.trafficAnomalyAlarm ? [this.trafficAnomalyAlarm] : [])],
      extraWidgets: this.slos.widgets(),
    });
  }

  /** Requests the load balancer received (sum). */
  public metricRequestCount(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.loadBalancer.metrics.requestCount({ statistic: 'Sum', ...props });
  }

  /** 5XX responses from the targets and from the load balancer itself (sum): the bad events of availability. */
  public metricHttp5xxCount(props?: cloudwatch.MetricOptions): cloudwatch.IMetric {
    return new cloudwatch.MathExpression({
      expression: 'FILL(target5xx, 0) + FILL(elb5xx, 0)',
      usingMetrics: {
        target5xx: this.metricTarget5xxCount(props),
        elb5xx: this.loadBalancer.metrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, { statistic: 'Sum', ...props }),
      },
      period: props?.period,
      label: '5XX responses',
    });
  }

  /** 5XX responses returned by the tasks (sum). */
  public metricTarget5xxCount(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.loadBalancer.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { statistic: 'Sum', ...props });
  }

  /** Time the tasks took to answer, in seconds (p99 unless told). */
  public metricTargetResponseTime(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.loadBalancer.metrics.targetResponseTime({ statistic: 'p99', ...props });
  }

  /** Average CPU utilization of the service (%). */
  public metricCpuUtilization(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.service.metricCpuUtilization(props);
  }

  /** Average memory utilization of the service (%). */
  public metricMemoryUtilization(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.service.metricMemoryUtilization(props);
  }

  /**
   * The guardrails read Container Insights' task counts, so they need it on; a service that runs
   * without Container Insights must turn them off rather than deploy alarms that never see data.
   */
  private createCapacityGuardrails(
    props: ReliableServiceProps, s: ReturnType<ReliableService['validate']>, serviceName: string, ticketActions: cloudwatch.IAlarmAction[],
  ): CapacityGuardrails | undefined {
    const options = props.capacityGuardrails ?? {};
    if (options.enabled === false) return undefined;
    if (props.containerInsights === ecs.ContainerInsights.DISABLED) {
      throw propError(this.owner, 'containerInsights', 'be ENABLED or ENHANCED while capacityGuardrails is on (the guardrails read '
        + 'Container Insights RunningTaskCount and DesiredTaskCount); set capacityGuardrails.enabled: false to run without both', 'DISABLED');
    }
    return new CapacityGuardrails(this, 'CapacityGuardrails', {
      name: serviceName,
      source: CapacitySource.ecsService(this.service),
      maxCapacity: s.maxCapacity,
      ceilingPercent: options.ceilingPercent,
      quotas: options.quotas ?? [ServiceQuota.fargateOnDemandVcpu()],
      quotaThresholdPercent: options.quotaThresholdPercent,
      ticketActions,
    });
  }

  private validate(props: ReliableServiceProps) {
    const o = this.owner;
    rules.checkImage(o, props.image);
    requirePlainNumber(o, 'containerPort', props.containerPort);
    rules.checkPort(o, 'containerPort', props.containerPort);
    const healthCheckPath = requireGiven(o, 'healthCheckPath', props.healthCheckPath,
      "the HTTP path that answers 2xx or 3xx when the container is healthy, e.g. '/' for a plain web server");
    rules.checkHealthCheckPath(o, healthCheckPath);
    this.rejectTokens(props);
    const desiredCount = props.desiredCount ?? DEFAULTS.desiredCount;
    rules.checkDesiredCount(o, desiredCount);
    const cpu = props.cpu ?? DEFAULTS.cpu;
    const memoryLimitMiB = props.memoryLimitMiB ?? DEFAULTS.memoryLimitMiB;
    rules.checkFargateSize(o, cpu, memoryLimitMiB);
    if (props.alarmActions !== undefined) rules.checkAlarmActions(o, props.alarmActions.page, props.alarmActions.ticket);
    const minHealthyPercent = props.minHealthyPercent ?? DEFAULTS.minHealthyPercent;
    const maxHealthyPercent = props.maxHealthyPercent ?? DEFAULTS.maxHealthyPercent;
    rules.checkHealthyPercents(o, minHealthyPercent, maxHealthyPercent, props.allowReducedCapacityDeployments ?? false);
    rules.checkListenerProtocol(o, props.certificate !== undefined, props.allowPlainHttp ?? false);
    rules.checkEnvironment(o, props.environment ?? {});
    const writablePaths = props.writablePaths ?? [...DEFAULTS.writablePaths];
    rules.checkWritablePaths(o, writablePaths);
    if (props.user !== undefined && !Token.isUnresolved(props.user) && /^(root|0)(:|$)/.test(props.user)) {
      rules.rejectRootUser(o, props.user);
    }
    const minCapacity = props.autoScaling?.minCapacity ?? desiredCount;
    const maxCapacity = props.autoScaling?.maxCapacity ?? Math.max(minCapacity, desiredCount) * 3;
    const targetCpuPercent = props.autoScaling?.targetCpuPercent ?? DEFAULTS.targetCpuPercent;
    const requestsPerTarget = props.autoScaling?.requestsPerTarget ?? DEFAULTS.requestsPerTarget;
    rules.checkAutoScaling(o, minCapacity, maxCapacity, targetCpuPercent, requestsPerTarget);
    const strategy = props.deploymentStrategy ?? ServiceDeploymentStrategy.rolling();
    const testListenerPort = strategy.testListenerPort ?? (props.certificate ? 8443 : 8080);
    if (strategy.kind === ServiceDeploymentKind.BLUE_GREEN) {
      rules.checkPort(o, 'deploymentStrategy.testListenerPort', testListenerPort);
      rules.checkTestListenerPort(o, testListenerPort);
      checkBakeTime(o, strategy.bakeTime!, 'deploymentStrategy.bakeTime');
    }
    const availabilityPercent = props.slo?.availabilityPercent ?? DEFAULTS.availabilityPercent;
    const latencyPercent = props.slo?.latencyPercent ?? DEFAULTS.latencyPercent;
    const latencyThreshold = props.slo?.latencyThreshold ?? DEFAULTS.latencyThreshold;
    rules.checkSloObjectives(o, availabilityPercent, latencyPercent, latencyThreshold.toMilliseconds({ integral: false }));
    const healthCheckGracePeriod = props.healthCheckGracePeriod ?? DEFAULTS.healthCheckGracePeriod;
    rules.checkGracePeriodSeconds(o, healthCheckGracePeriod.toSeconds());
    const enableFaultInjection = props.enableFaultInjection ?? false;
    return {
      desiredCount,
      cpu,
      memoryLimitMiB,
      healthCheckPath,
      minHealthyPercent,
      maxHealthyPercent,
      writablePaths,
      availabilityPercent,
      latencyPercent,
      latencyThreshold,
      minCapacity,
      maxCapacity,
      targetCpuPercent,
      requestsPerTarget,
      strategy,
      testListenerPort,
      healthCheckGracePeriod,
      enableFaultInjection,
      user: props.user ?? DEFAULTS.user,
      logRetention: props.logRetention ?? DEFAULTS.logRetention,
      accessLogRetention: props.accessLogRetention ?? DEFAULTS.accessLogRetention,
    };
  }

  /**
   * Numbers the construct computes with (derived defaults, ranges they bound, the sidecar's share of
   * memory) must be known at synth; so must the durations it converts. Checked before any arithmetic,
   * so that an error names the prop the user wrote and never a token-encoded number.
   */
  private rejectTokens(props: ReliableServiceProps): void {
    const o = this.owner;
    const numbers: Array<[string, number | undefined]> = [
      ['desiredCount', props.desiredCount],
      ['cpu', props.cpu],
      ['memoryLimitMiB', props.memoryLimitMiB],
      ['minHealthyPercent', props.minHealthyPercent],
      ['maxHealthyPercent', props.maxHealthyPercent],
      ['autoScaling.minCapacity', props.autoScaling?.minCapacity],
      ['autoScaling.maxCapacity', props.autoScaling?.maxCapacity],
      ['autoScaling.targetCpuPercent', props.autoScaling?.targetCpuPercent],
      ['autoScaling.requestsPerTarget', props.autoScaling?.requestsPerTarget],
      ['slo.availabilityPercent', props.slo?.availabilityPercent],
      ['slo.latencyPercent', props.slo?.latencyPercent],
    ];
    for (const [prop, value] of numbers) requirePlainNumber(o, prop, value);
    for (const [prop, value] of [['slo.latencyThreshold', props.slo?.latencyThreshold], ['healthCheckGracePeriod', props.healthCheckGracePeriod]] as const) {
      if (value !== undefined && value.isUnresolved()) throw propError(o, prop, 'be a Duration known at synth, not a token', value);
    }
  }

  /** Explicit zones replace the lookup of the stack's zones; they only make sense for the VPC the construct creates. */
  private checkZoneProps(props: ReliableServiceProps): void {
    if (props.availabilityZones === undefined) return;
    if (props.vpc !== undefined) {
      throw propError(this.owner, 'availabilityZones', 'be left out when vpc is given (the zones are those of the vpc\'s subnets)',
        props.availabilityZones);
    }
    rules.checkAvailabilityZoneNames(this.owner, Stack.of(this).region, props.availabilityZones);
  }

  /**
   * In a stack with an account, the new VPC's zones come from a context lookup that the CDK CLI makes
   * with the account's credentials. When it fails (typically: no credentials), aws-cdk-lib reports the
   * SDK's message on the stack; this error says what to do instead.
   */
  private reportFailedZoneLookup(): void {
    const stack = Stack.of(this);
    if (Token.isUnresolved(stack.account)) return;
    const { key } = ContextProvider.getKey(this, { provider: cxschema.ContextProvider.AVAILABILITY_ZONE_PROVIDER });
    const value = this.node.tryGetContext(key);
    const providerError = typeof value === 'object' && value !== null ? value[cxapi.PROVIDER_ERROR_KEY] : undefined;
    if (providerError !== undefined) {
      Annotations.of(this).addError(rules.availabilityZoneLookupFailed(this.owner, stack.account, stack.region, String(providerError)));
    }
  }

  /** Fewer than two AZs means one AZ outage is a full outage. */
  private checkAzs(taskSubnets: ec2.SubnetSelection): void {
    const selected = this.vpc.selectSubnets(taskSubnets);
    const azs = new Set(selected.subnets.map((s) => s.availabilityZone));
    rules.checkAvailabilityZones(this.owner, 'vpc (task subnets)', azs.size);
    const publicAzs = new Set(this.vpc.selectSubnets({ subnetType: ec2.SubnetType.PUBLIC }).subnets.map((s) => s.availabilityZone));
    rules.checkAvailabilityZones(this.owner, 'vpc (public subnets of the load balancer)', publicAzs.size);
  }

  private createTaskDefinition(props: ReliableServiceProps, s: ReturnType<ReliableService['validate']>): ecs.FargateTaskDefinition {
    const taskDefinition = new ecs.FargateTaskDefinition(this, 'TaskDefinition', {
      cpu: s.cpu,
      // Grants (log streams, secrets, image pulls) land in customer-managed policies, not inline ones.
      executionRole: new ManagedPolicyRole(this, 'ExecutionRole', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') }),
      taskRole: new ManagedPolicyRole(this, 'TaskRole', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') }),
      memoryLimitMiB: s.memoryLimitMiB,
      ...faultInjectionSettings(s.enableFaultInjection, props.cpuArchitecture),
    });
    if (props.cpuArchitecture !== undefined) {
      // ecs.CpuArchitecture has no public getter: its value is read back from the L1 task definition.
      const cfnTaskDefinition = taskDefinition.node.defaultChild as ecs.CfnTaskDefinition;
      const platform = cfnTaskDefinition.runtimePlatform as ecs.CfnTaskDefinition.RuntimePlatformProperty | undefined;
      rules.checkCpuArchitecture(this.owner, platform?.cpuArchitecture);
    }
    const url = `http://localhost:${props.containerPort}${s.healthCheckPath}`;
    const container = taskDefinition.addContainer(CONTAINER_NAME, {
      image: props.image,
      essential: true,
      // Control Tower CT.ECS.PR.7: each container declares its memory limit. The SSM agent sidecar (fault
      // injection) and the scratch-volume init container reserve their shares, and ECS refuses containers
      // that reserve more than the task has.
      memoryLimitMiB: s.memoryLimitMiB - (s.enableFaultInjection ? SSM_AGENT_MEMORY_RESERVATION_MIB : 0)
        - (s.writablePaths.length > 0 ? SCRATCH_INIT_MEMORY_MIB : 0),
      user: s.user,
      readonlyRootFilesystem: true,
      portMappings: [{ containerPort: props.containerPort, protocol: ecs.Protocol.TCP }],
      environment: props.environment,
      secrets: props.secrets,
      logging: ecs.LogDrivers.awsLogs({ logGroup: this.logGroup, streamPrefix: CONTAINER_NAME }),
      healthCheck: {
        // Images carry curl or wget, rarely both: try one, then the other.
        command: props.containerHealthCheckCommand
          ?? ['CMD-SHELL', `curl -fs ${url} || wget -q -O /dev/null ${url} || exit 1`],
        interval: Duration.seconds(15),
        timeout: Duration.seconds(5),
        retries: 3,
        startPeriod: Duration.seconds(30),
      },
    });
    addScratchVolumes(taskDefinition, container, s.writablePaths, this.logGroup);
    return taskDefinition;
  }

  private createLoadBalancer(props: ReliableServiceProps, s: ReturnType<ReliableService['validate']>, serviceName: string) {
    const loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc: this.vpc,
      internetFacing: true,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      deletionProtection: props.loadBalancerDeletionProtection ?? true,
      dropInvalidHeaderFields: true,
      desyncMitigationMode: elbv2.DesyncMitigationMode.DEFENSIVE,
    });
    loadBalancer.setAttribute('load_balancing.cross_zone.enabled', 'true');
    loadBalancer.setAttribute('zonal_shift.config.enabled', 'true');
    const buckets = new AccessLogBuckets(this, 'AccessLogs', { retention: s.accessLogRetention });
    loadBalancer.logAccessLogs(buckets.loadBalancerLogs, 'alb');
    const webAclArn = props.webAclArn ?? new DefaultWebAcl(this, 'WebAcl', {
      logsKey: this.logsKey,
      logRetention: s.logRetention,
      rateLimitPer5Minutes: DEFAULTS.wafRateLimitPer5Minutes,
    }).webAcl.attrArn;
    new wafv2.CfnWebACLAssociation(this, 'WebAclAssociation', {
      resourceArn: loadBalancer.loadBalancerArn,
      webAclArn,
    });
    // The load balancer is the internet entry point of the service: it must accept any source address.
    Validations.of(loadBalancer).acknowledge({
      id: 'AwsSolutions-EC23',
      reason: `The internet-facing load balancer of ${serviceName} accepts HTTP(S) from any address on its listener ports only; WAF filters the traffic`,
    });
    return loadBalancer;
  }

  private createTargetGroup(id: string, props: ReliableServiceProps, s: ReturnType<ReliableService['validate']>) {
    return new elbv2.ApplicationTargetGroup(this, id, {
      vpc: this.vpc,
      port: props.containerPort,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targetType: elbv2.TargetType.IP,
      deregistrationDelay: Duration.seconds(30),
      crossZoneEnabled: true,
      healthCheck: {
        path: s.healthCheckPath,
        healthyHttpCodes: '200-399',
        interval: Duration.seconds(15),
        timeout: Duration.seconds(5),
        healthyThresholdCount: 2,
        unhealthyThresholdCount: 3,
      },
    });
  }

  private wireBlueGreen(props: ReliableServiceProps, s: ReturnType<ReliableService['validate']>) {
    const alternateTargetGroup = this.createTargetGroup('AlternateTargetGroup', props, s);
    const weighted = elbv2.ListenerAction.weightedForward([
      { targetGroup: this.targetGroup, weight: 100 },
      { targetGroup: alternateTargetGroup, weight: 0 },
    ]);
    const productionRule = new elbv2.ApplicationListenerRule(this, 'ProductionRule', {
      listener: this.listener,
      priority: 1,
      conditions: [elbv2.ListenerCondition.pathPatterns(['/*'])],
      action: weighted,
    });
    // Closed to the internet: only sources allowed on the load balancer's security group reach the green tasks early.
    const testListener = this.loadBalancer.addListener('Test', {
      port: s.testListenerPort,
      protocol: props.certificate ? elbv2.ApplicationProtocol.HTTPS : elbv2.ApplicationProtocol.HTTP,
      certificates: props.certificate ? [elbv2.ListenerCertificate.fromCertificateManager(props.certificate)] : undefined,
      sslPolicy: props.certificate ? props.sslPolicy ?? elbv2.SslPolicy.RECOMMENDED_TLS : undefined,
      open: false,
      defaultAction: elbv2.ListenerAction.fixedResponse(404, { contentType: 'text/plain', messageBody: 'Not found' }),
    });
    const testRule = new elbv2.ApplicationListenerRule(this, 'TestRule', {
      listener: testListener,
      priority: 1,
      conditions: [elbv2.ListenerCondition.pathPatterns(['/*'])],
      action: elbv2.ListenerAction.weightedForward([
        { targetGroup: this.targetGroup, weight: 100 },
        { targetGroup: alternateTargetGroup, weight: 0 },
      ]),
    });
    const target = this.service.loadBalancerTarget({
      containerName: CONTAINER_NAME,
      containerPort: props.containerPort,
      alternateTarget: new ecs.AlternateTarget('AlternateTarget', {
        alternateTargetGroup,
        productionListener: ecs.ListenerRuleConfiguration.applicationListenerRule(productionRule),
        testListener: ecs.ListenerRuleConfiguration.applicationListenerRule(testRule),
      }),
    });
    this.targetGroup.addTarget(target);
    // The role ECS assumes to swap listener rules between the target groups (Service/AlternateTargetRole).
    Validations.of(this.service).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers]',
      reason: 'ECS blue/green needs this AWS-maintained policy to modify listener rules and register targets; '
        + 'AWS updates it with the deployment feature, and its Describe actions cannot be scoped to resources anyway',
    });
    return { alternateTargetGroup, testListener };
  }

  private configureAutoScaling(s: ReturnType<ReliableService['validate']>, predictive: PredictiveScalingMode | undefined): void {
    const scaling = this.service.autoScaleTaskCount({ minCapacity: s.minCapacity, maxCapacity: s.maxCapacity });
    if (predictive !== undefined) {
      if (!(predictive instanceof PredictiveScalingMode)) {
        throw propError(this.owner, 'autoScaling.predictiveScaling', 'be PredictiveScalingMode.FORECAST_ONLY or FORECAST_AND_SCALE', predictive);
      }
      // aws-cdk-lib has predictive scaling for ECS only as the L1 policy: ScalableTaskCount offers no method for it.
      // ScalingTargetId takes the scalable target's Ref (CloudFormation, AWS::ApplicationAutoScaling::ScalingPolicy);
      // ScalableTaskCount keeps that target as its child 'Target', and its scalableTargetRef.resourceId resolves to the
      // same Ref, which is not a ResourceId.
      const target = scaling.node.findChild('Target') as appscaling.ScalableTarget;
      new appscaling.CfnScalingPolicy(this, 'PredictiveScaling', {
        policyName: `${this.node.path.replace(/\//g, '-')}-Predictive`.slice(-256),
        policyType: 'PredictiveScaling',
        scalingTargetId: target.scalableTargetId,
        predictiveScalingPolicyConfiguration: {
          mode: predictive.mode,
          maxCapacityBreachBehavior: 'HonorMaxCapacity',
          metricSpecifications: [{
            targetValue: s.targetCpuPercent,
            predefinedMetricPairSpecification: { predefinedMetricType: 'ECSServiceCPUUtilization' },
          }],
        },
      });
    }
    scaling.scaleOnCpuUtilization('Cpu', {
      targetUtilizationPercent: s.targetCpuPercent,
      scaleInCooldown: Duration.minutes(5),
      scaleOutCooldown: Duration.minutes(1),
    });
    // With blue/green the production target group alternates at each deployment: request tracking would follow the idle one.
    if (s.strategy.kind === ServiceDeploymentKind.ROLLING) {
      scaling.scaleOnRequestCount('Requests', {
        requestsPerTarget: s.requestsPerTarget,
        targetGroup: this.targetGroup,
        scaleInCooldown: Duration.minutes(5),
        scaleOutCooldown: Duration.minutes(1),
      });
    }
  }

  /** Port 80 answers with a redirect to HTTPS, so that plain-HTTP clients find the service. */
  private addHttpsRedirect(): void {
    const redirect = this.loadBalancer.addRedirect({ sourcePort: 80, targetPort: 443 });
    const reason = 'The port 80 listener only answers with a permanent redirect to the HTTPS listener on 443 '
      + 'and never forwards a request, so there is no TLS session to put a certificate on';
    for (const pack of ['NIST.800.53.R5', 'HIPAA.Security', 'PCI.DSS.321']) {
      Validations.of(redirect).acknowledge({ id: `${pack}-ELBv2ACMCertificateRequired`, reason });
    }
  }

  /** Plain HTTP was asked for: the HTTPS-only rules cannot pass, by design. */
  private acknowledgePlainHttp(): void {
    const reason = 'allowPlainHttp: true was set on purpose (no certificate); the service must not carry regulated data in this mode';
    for (const pack of ['NIST.800.53.R5', 'HIPAA.Security', 'PCI.DSS.321']) {
      Validations.of(this.loadBalancer).acknowledge({ id: `${pack}-ELBv2ACMCertificateRequired`, reason });
      Validations.of(this.loadBalancer).acknowledge({ id: `${pack}-ALBHttpToHttpsRedirection`, reason });
    }
    Validations.of(this.loadBalancer).acknowledge({ id: 'cdk-validator-cfnguard::alb_http_to_https_redirection_check', reason });
  }
}

