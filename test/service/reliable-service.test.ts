import {
  App,
  Duration,
  Stack,
  aws_certificatemanager as acm,
  aws_cloudwatch_actions as actions,
  aws_ec2 as ec2,
  aws_ecs as ecs,
  aws_secretsmanager as secretsmanager,
  aws_sns as sns,
} from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { FisAction, PredictiveScalingMode, ReliableService, ReliableServiceProps, ServiceDeploymentStrategy } from '../../src';

const env = { account: '111111111111', region: 'us-east-1' };
const CERT = 'arn:aws:acm:us-east-1:111111111111:certificate/abc';

function build(extra: Partial<ReliableServiceProps> = {}, withCert = true) {
  const stack = new Stack(new App(), 'S', { env });
  const topic = sns.Topic.fromTopicArn(stack, 'Topic', 'arn:aws:sns:us-east-1:111111111111:alerts');
  const service = new ReliableService(stack, 'Api', {
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:1.27'),
    containerPort: 8080,
    healthCheckPath: '/',
    certificate: withCert ? acm.Certificate.fromCertificateArn(stack, 'Cert', CERT) : undefined,
    alarmActions: { page: [new actions.SnsAction(topic)], ticket: [new actions.SnsAction(topic)] },
    ...extra,
  });
  return { stack, service, template: Template.fromStack(stack) };
}

describe('ReliableService defaults', () => {
  const { service, template } = build();

  test('Fargate service: 3 tasks, full capacity during deployments, circuit breaker, AZ rebalancing', () => {
    template.hasResourceProperties('AWS::ECS::Service', {
      DesiredCount: 3,
      LaunchType: 'FARGATE',
      PlatformVersion: 'LATEST',
      AvailabilityZoneRebalancing: 'ENABLED',
      HealthCheckGracePeriodSeconds: 60,
      DeploymentConfiguration: Match.objectLike({
        MinimumHealthyPercent: 100,
        MaximumPercent: 200,
        DeploymentCircuitBreaker: { Enable: true, Rollback: true },
        Strategy: 'ROLLING',
      }),
      NetworkConfiguration: { AwsvpcConfiguration: Match.objectLike({ AssignPublicIp: 'DISABLED' }) },
    });
  });

  test('tasks run in the three private subnets', () => {
    const svc = Object.values(template.findResources('AWS::ECS::Service'))[0];
    const subnets = svc.Properties.NetworkConfiguration.AwsvpcConfiguration.Subnets.map((s: { Ref: string }) => s.Ref);
    expect(subnets).toHaveLength(3);
    expect(subnets.every((r: string) => r.includes('PrivateSubnet'))).toBe(true);
  });

  test('deployment alarms roll back on the 5XX-rate alarm and the SLO page alarm', () => {
    const svc = Object.values(template.findResources('AWS::ECS::Service'))[0];
    const alarms = svc.Properties.DeploymentConfiguration.Alarms;
    expect(alarms.Enable).toBe(true);
    expect(alarms.Rollback).toBe(true);
    expect(alarms.AlarmNames).toEqual([
      { Ref: Stack.of(service).getLogicalId(service.node.findChild('GoldenSignals').node.findChild('DeploymentErrorRate').node.defaultChild as never) },
      { Ref: Stack.of(service).getLogicalId(service.slos.pageAlarm.node.defaultChild as never) },
    ]);
  });

  test('container: non-root, read-only root filesystem with a writable /tmp, health check on healthCheckPath', () => {
    template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Cpu: '512',
      Memory: '1024',
      ContainerDefinitions: [Match.objectLike({
        User: '1000',
        ReadonlyRootFilesystem: true,
        Memory: 1024 - 16,
        MountPoints: [{ ContainerPath: '/tmp', ReadOnly: false, SourceVolume: 'scratch-0' }],
        DependsOn: [{ ContainerName: 'scratch-permissions', Condition: 'SUCCESS' }],
        HealthCheck: Match.objectLike({
          Command: ['CMD-SHELL', Match.stringLikeRegexp('curl -fs http://localhost:8080/ .*wget -q -O /dev/null http://localhost:8080/ ')],
        }),
        LogConfiguration: Match.objectLike({ LogDriver: 'awslogs' }),
      }), Match.objectLike({ Name: 'scratch-permissions' })],
      Volumes: [{ Name: 'scratch-0' }],
    });
  });

  test('fault injection is off unless asked for: no flag, no shared PID namespace, no declared platform', () => {
    const td = Object.values(template.findResources('AWS::ECS::TaskDefinition'))[0];
    expect(td.Properties.EnableFaultInjection).toBeUndefined();
    expect(td.Properties.PidMode).toBeUndefined();
    expect(td.Properties.RuntimePlatform).toBeUndefined();
  });

  test('log groups are KMS-encrypted and kept a year', () => {
    const groups = Object.values(template.findResources('AWS::Logs::LogGroup'));
    expect(groups).toHaveLength(3); // container, flow logs, WAF
    for (const g of groups) {
      expect(g.Properties.RetentionInDays).toBe(365);
      expect(g.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/LogsKey/), 'Arn'] });
      expect(g.DeletionPolicy).toBe('Retain');
    }
  });

  test('the logs key rotates and denies grants to non-AWS principals', () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([Match.objectLike({
          Sid: 'DenyGrantsToNonAwsServices', Effect: 'Deny', Action: 'kms:CreateGrant',
        })]),
      },
    });
  });

  test('new VPC: 3 AZs, a NAT gateway per AZ, flow logs to CloudWatch Logs', () => {
    template.resourceCountIs('AWS::EC2::NatGateway', 3);
    template.resourceCountIs('AWS::EC2::Subnet', 6);
    template.hasResourceProperties('AWS::EC2::FlowLog', { TrafficType: 'ALL', LogDestinationType: 'cloud-watch-logs' });
    template.allResourcesProperties('AWS::EC2::Subnet', { MapPublicIpOnLaunch: false });
  });

  test('load balancer: internet-facing, deletion protection, drop invalid headers, cross-zone, zonal shift, access logs', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internet-facing',
      LoadBalancerAttributes: Match.arrayWith([
        { Key: 'deletion_protection.enabled', Value: 'true' },
        { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
        { Key: 'load_balancing.cross_zone.enabled', Value: 'true' },
        { Key: 'zonal_shift.config.enabled', Value: 'true' },
        { Key: 'access_logs.s3.enabled', Value: 'true' },
      ]),
    });
  });

  test('HTTPS on 443 with the recommended TLS policy; port 80 redirects', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      Protocol: 'HTTPS',
      SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      Certificates: [{ CertificateArn: CERT }],
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      Protocol: 'HTTP',
      DefaultActions: [Match.objectLike({ Type: 'redirect', RedirectConfig: Match.objectLike({ Port: '443', Protocol: 'HTTPS' }) })],
    });
  });

  test('target group health check probes healthCheckPath on the tasks', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      TargetType: 'ip',
      Port: 8080,
      HealthCheckPath: '/',
      Matcher: { HttpCode: '200-399' },
    });
  });

  test('autoscaling tracks CPU and requests per target', () => {
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 3, MaxCapacity: 9 });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({
        TargetValue: 60,
        PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
      }),
    });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({
        TargetValue: 1000,
        PredefinedMetricSpecification: Match.objectLike({ PredefinedMetricType: 'ALBRequestCountPerTarget' }),
      }),
    });
  });

  test('saturation alarms on CPU and memory notify the ticket actions', () => {
    for (const metricName of ['CPUUtilization', 'MemoryUtilization']) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: metricName,
        Namespace: 'AWS/ECS',
        Threshold: 85,
        EvaluationPeriods: 15,
        DatapointsToAlarm: 10,
        AlarmActions: ['arn:aws:sns:us-east-1:111111111111:alerts'],
      });
    }
  });

  test('capacity guardrails are on: ceiling at 80 % of the default max of 9 tasks, shortage and Fargate vCPU quota, all tickets', () => {
    const guardrails = service.capacityGuardrails!;
    expect(guardrails.alarms).toHaveLength(3);
    const ceiling = template.toJSON().Resources[Stack.of(service).getLogicalId(guardrails.ceilingAlarm.node.defaultChild as any)].Properties;
    expect(ceiling).toMatchObject({ MetricName: 'RunningTaskCount', Threshold: 7.2, EvaluationPeriods: 15 });
    const ticket = ceiling.AlarmActions;
    expect(ticket).toHaveLength(1);
    for (const alarm of guardrails.alarms) {
      expect(template.toJSON().Resources[Stack.of(service).getLogicalId(alarm.node.defaultChild as any)].Properties.AlarmActions).toEqual(ticket);
    }
    expect(guardrails.monthlyCostUsd).toBe(0.4);
  });

  test('no traffic anomaly alarm unless asked for', () => {
    template.resourcePropertiesCountIs('AWS::CloudWatch::Alarm', { ThresholdMetricId: Match.anyValue() }, 0);
  });

  test('SLO alarm set: availability and latency, page alarm notifies the page actions', () => {
    expect(service.slos.slos.map((s) => [s.name, s.objectivePercent])).toEqual([['Availability', 99.9], ['Latency', 99]]);
    expect(service.slos.slos[1].latencyThreshold?.toMilliseconds()).toBe(500);
    template.hasResourceProperties('AWS::CloudWatch::CompositeAlarm', {
      AlarmActions: ['arn:aws:sns:us-east-1:111111111111:alerts'],
    });
  });

  test('WAF: managed rule groups, rate limit, association and logging', () => {
    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      Rules: Match.arrayWith([
        Match.objectLike({ Name: 'AWSManagedRulesCommonRuleSet' }),
        Match.objectLike({ Name: 'RateLimitPerIp', Statement: { RateBasedStatement: { Limit: 2000, AggregateKeyType: 'IP' } } }),
      ]),
    });
    template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
    template.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: Match.stringLikeRegexp('^aws-waf-logs-') });
    template.resourceCountIs('AWS::WAFv2::LoggingConfiguration', 1);
  });

  test('access-log buckets: versioned, object lock, TLS only, lifecycle, EventBridge, server access logging', () => {
    template.resourceCountIs('AWS::S3::Bucket', 2);
    template.allResourcesProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      ObjectLockEnabled: true,
      NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } },
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 365, Status: 'Enabled' })] },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'load-balancer-logs/' },
    });
  });

  test('the dashboard shows the golden signals and the SLO widgets', () => {
    const dash = Object.values(template.findResources('AWS::CloudWatch::Dashboard'))[0];
    const body = JSON.stringify(dash.Properties.DashboardBody);
    for (const title of ['Api latency (target response time)', 'Api traffic (requests)', 'Api errors (5XX, 4XX)', 'Api saturation']) {
      expect(body).toContain(title);
    }
    expect(body).toContain('Availability');
    expect(body).toContain('Latency');
  });

  test('no inline IAM policies: grants land in customer-managed policies', () => {
    template.resourceCountIs('AWS::IAM::Policy', 0);
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'] })]) },
    });
  });

  test('metric helpers read the load balancer and the service', () => {
    const stack = Stack.of(service);
    const requests = stack.resolve(service.metricRequestCount().toMetricConfig().metricStat);
    expect(requests).toMatchObject({ namespace: 'AWS/ApplicationELB', metricName: 'RequestCount', statistic: 'Sum' });
    expect(service.metricTargetResponseTime().toMetricConfig().metricStat?.statistic).toBe('p99');
    expect(service.metricTarget5xxCount().metricName).toBe('HTTPCode_Target_5XX_Count');
    expect(service.metricCpuUtilization().metricName).toBe('CPUUtilization');
    expect(service.metricMemoryUtilization().metricName).toBe('MemoryUtilization');
    expect(service.metricHttp5xxCount().toMetricConfig().mathExpression?.expression).toBe('FILL(target5xx, 0) + FILL(elb5xx, 0)');
  });
});

describe('ReliableService options', () => {
  test('blue/green: alternate target group, closed test listener, bake time, CPU-only scaling', () => {
    const { template } = build({ deploymentStrategy: ServiceDeploymentStrategy.blueGreen({ bakeTime: Duration.minutes(10) }) });
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::TargetGroup', 2);
    template.hasResourceProperties('AWS::ECS::Service', {
      DeploymentConfiguration: Match.objectLike({ Strategy: 'BLUE_GREEN', BakeTimeInMinutes: 10 }),
      LoadBalancers: [Match.objectLike({
        AdvancedConfiguration: Match.objectLike({ AlternateTargetGroupArn: Match.anyValue(), TestListenerRule: Match.anyValue() }),
      })],
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 8443, Protocol: 'HTTPS' });
    const ingressPorts = Object.values(template.findResources('AWS::EC2::SecurityGroup'))
      .flatMap((sg) => (sg.Properties.SecurityGroupIngress ?? []).map((r: { FromPort: number }) => r.FromPort));
    expect(ingressPorts).not.toContain(8443);
    template.resourceCountIs('AWS::ApplicationAutoScaling::ScalingPolicy', 1);
  });

  test('plain HTTP on purpose: one HTTP listener on 80 and no redirect', () => {
    const { template } = build({ allowPlainHttp: true }, false);
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 1);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 80, Protocol: 'HTTP' });
  });

  test('secrets, environment, fault injection, sizes, custom health check', () => {
    const stack = new Stack(new App(), 'S2', { env });
    const secret = secretsmanager.Secret.fromSecretCompleteArn(stack, 'Db', 'arn:aws:secretsmanager:us-east-1:111111111111:secret:db-AbCdEf');
    new ReliableService(stack, 'Api', {
      image: ecs.ContainerImage.fromRegistry('app'),
      containerPort: 3000,
      allowPlainHttp: true,
      cpu: 1024,
      memoryLimitMiB: 4096,
      desiredCount: 2,
      healthCheckPath: '/ready',
      containerHealthCheckCommand: ['CMD', '/bin/health'],
      secrets: { DB_PASSWORD: ecs.Secret.fromSecretsManager(secret) },
      environment: { LOG_LEVEL: 'info' },
      enableFaultInjection: true,
      trafficAnomalyAlarm: true,
      autoScaling: { minCapacity: 2, maxCapacity: 20, targetCpuPercent: 50, requestsPerTarget: 300 },
    });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Cpu: '1024',
      Memory: '4096',
      EnableFaultInjection: true,
      // The app container, the scratch-volume init container, then the SSM agent sidecar of fault injection.
      ContainerDefinitions: [Match.objectLike({
        Name: 'app',
        Secrets: [{ Name: 'DB_PASSWORD', ValueFrom: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:db-AbCdEf' }],
        Environment: [{ Name: 'LOG_LEVEL', Value: 'info' }],
        HealthCheck: Match.objectLike({ Command: ['CMD', '/bin/health'] }),
      }), Match.objectLike({ Name: 'scratch-permissions', Essential: false }), Match.objectLike({ Name: 'ssm-agent', Essential: false })],
    });
    t.hasResourceProperties('AWS::ECS::Service', { DesiredCount: 2 });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { HealthCheckPath: '/ready' });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 2, MaxCapacity: 20 });
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'] })]) },
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      ComparisonOperator: 'LessThanLowerOrGreaterThanUpperThreshold',
      ThresholdMetricId: Match.anyValue(),
    });
  });

  test('fault injection also sets pidMode task and a Linux X86_64 platform, which the FIS network actions need', () => {
    const { service, template: t } = build({ enableFaultInjection: true });
    t.hasResourceProperties('AWS::ECS::TaskDefinition', {
      EnableFaultInjection: true,
      PidMode: 'task',
      RuntimePlatform: { OperatingSystemFamily: 'LINUX', CpuArchitecture: 'X86_64' },
    });
    // The check ChaosFisExperiment runs on the task definition of a latency experiment.
    expect(() => FisAction.ecsTaskNetworkLatency({ service: service.service, duration: Duration.minutes(5) })).not.toThrow();
  });

  test('without fault injection the FIS network actions refuse the task definition', () => {
    const { service } = build();
    expect(() => FisAction.ecsTaskNetworkLatency({ service: service.service, duration: Duration.minutes(5) }))
      .toThrow("FisAction 'networkLatency': taskDefinition enableFaultInjection must be true");
  });

  test('cpuArchitecture ARM64 with fault injection', () => {
    const { template: t } = build({ enableFaultInjection: true, cpuArchitecture: ecs.CpuArchitecture.ARM64 });
    t.hasResourceProperties('AWS::ECS::TaskDefinition', {
      EnableFaultInjection: true,
      PidMode: 'task',
      RuntimePlatform: { OperatingSystemFamily: 'LINUX', CpuArchitecture: 'ARM64' },
    });
  });

  test('cpuArchitecture alone declares the platform without fault injection', () => {
    const { template: t } = build({ cpuArchitecture: ecs.CpuArchitecture.ARM64 });
    const td = Object.values(t.findResources('AWS::ECS::TaskDefinition'))[0];
    expect(td.Properties.RuntimePlatform).toEqual({ OperatingSystemFamily: 'LINUX', CpuArchitecture: 'ARM64' });
    expect(td.Properties.EnableFaultInjection).toBeUndefined();
    expect(td.Properties.PidMode).toBeUndefined();
  });

  test('capacity guardrails: tuned, or turned off (then Container Insights may be off too)', () => {
    const tuned = build({
      capacityGuardrails: { ceilingPercent: 50, quotas: [] },
      autoScaling: { maxCapacity: 10, predictiveScaling: PredictiveScalingMode.FORECAST_ONLY },
    });
    expect(tuned.service.capacityGuardrails!.quotaAlarms).toHaveLength(0);
    // Opt-in predictive scaling on the CPU metric pair, on the service's own scalable target.
    const [targetId] = Object.keys(tuned.template.findResources('AWS::ApplicationAutoScaling::ScalableTarget'));
    const [predictive] = Object.values(tuned.template.findResources('AWS::ApplicationAutoScaling::ScalingPolicy', { Properties: { PolicyType: 'PredictiveScaling' } }));
    expect(predictive.Properties).toMatchObject({
      ScalingTargetId: { Ref: targetId },
      PredictiveScalingPolicyConfiguration: {
        Mode: 'ForecastOnly',
        MaxCapacityBreachBehavior: 'HonorMaxCapacity',
        MetricSpecifications: [{ TargetValue: 60, PredefinedMetricPairSpecification: { PredefinedMetricType: 'ECSServiceCPUUtilization' } }],
      },
    });
    tuned.template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'RunningTaskCount', Threshold: 5 });
    const off = build({ capacityGuardrails: { enabled: false }, containerInsights: ecs.ContainerInsights.DISABLED });
    expect(off.service.capacityGuardrails).toBeUndefined();
    off.template.resourcePropertiesCountIs('AWS::CloudWatch::Alarm', { Namespace: 'ECS/ContainerInsights' }, 0);
    off.template.resourcePropertiesCountIs('AWS::ApplicationAutoScaling::ScalingPolicy', { PolicyType: 'PredictiveScaling' }, 0);
  });

  test('a given VPC is used as is', () => {
    const stack = new Stack(new App(), 'S3', { env });
    const vpc = new ec2.Vpc(stack, 'Shared', { maxAzs: 2, natGateways: 1 });
    const service = new ReliableService(stack, 'Api', {
      image: ecs.ContainerImage.fromRegistry('app'), containerPort: 3000, healthCheckPath: '/', allowPlainHttp: true, vpc,
    });
    expect(service.vpc).toBe(vpc);
    Template.fromStack(stack).resourceCountIs('AWS::EC2::VPC', 1);
    Template.fromStack(stack).resourceCountIs('AWS::EC2::FlowLog', 0);
  });
});

describe('ReliableService validation', () => {
  function attempt(extra: Partial<ReliableServiceProps>, withCert = true) {
    return () => build(extra, withCert);
  }

  test('guardrails without Container Insights', () => {
    expect(attempt({ containerInsights: ecs.ContainerInsights.DISABLED })).toThrow("[S/Api] ReliableService 'Api': containerInsights must be ENABLED "
      + 'or ENHANCED while capacityGuardrails is on (the guardrails read Container Insights RunningTaskCount and DesiredTaskCount); '
      + 'set capacityGuardrails.enabled: false to run without both, got "DISABLED"');
    expect(attempt({ capacityGuardrails: { ceilingPercent: 0 } })).toThrow("[S/Api/CapacityGuardrails] CapacityGuardrails 'CapacityGuardrails': ceilingPercent must be a number between 1 and 100, got 0");
  });

  test('desiredCount below 2', () => {
    expect(attempt({ desiredCount: 1 }))
      .toThrow("ReliableService 'Api': desiredCount must be an integer of at least 2 (one task per AZ survives an AZ loss), got 1");
  });

  test('fewer than 2 AZs', () => {
    const stack = new Stack(new App(), 'OneAz', { env });
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 1 });
    expect(() => new ReliableService(stack, 'Api', {
      image: ecs.ContainerImage.fromRegistry('app'), containerPort: 3000, healthCheckPath: '/', allowPlainHttp: true, vpc,
    })).toThrow("ReliableService 'Api': vpc (task subnets) must span at least 2 Availability Zones, got 1 Availability Zone");
  });

  test('minHealthyPercent below 100 without the opt-out', () => {
    expect(attempt({ minHealthyPercent: 50 })).toThrow("ReliableService 'Api': minHealthyPercent must be 100 unless allowReducedCapacityDeployments is true");
    expect(attempt({ minHealthyPercent: 50, allowReducedCapacityDeployments: true })).not.toThrow();
  });

  test('HTTP listener without certificate or opt-out', () => {
    expect(attempt({}, false)).toThrow("ReliableService 'Api': certificate must be given for an HTTPS listener, got undefined");
  });

  test('unsupported CPU / memory', () => {
    expect(attempt({ cpu: 256, memoryLimitMiB: 4096 }))
      .toThrow("ReliableService 'Api': memoryLimitMiB must be 512 or 1024 to 2048 in steps of 1024 with cpu 256, got 4096");
    expect(attempt({ cpu: 300 })).toThrow("ReliableService 'Api': cpu must be one of 256, 512, 1024, 2048, 4096, 8192, 16384, got 300");
  });

  test('health-check path without a leading slash', () => {
    expect(attempt({ healthCheckPath: 'health' })).toThrow("ReliableService 'Api': healthCheckPath must start with '/'");
  });

  test('bad port numbers', () => {
    expect(attempt({ containerPort: 70000 })).toThrow("ReliableService 'Api': containerPort must be an integer between 1 and 65535, got 70000");
    expect(attempt({ deploymentStrategy: ServiceDeploymentStrategy.blueGreen({ testListenerPort: 0 }) }))
      .toThrow("ReliableService 'Api': deploymentStrategy.testListenerPort must be an integer between 1 and 65535, got 0");
  });

  test('plain-text secrets and root user', () => {
    expect(attempt({ environment: { API_TOKEN: 'abc' } }))
      .toThrow("ReliableService 'Api': environment.API_TOKEN must be passed in secrets");
    expect(attempt({ user: 'root' })).toThrow("ReliableService 'Api': user must name a non-root user (not root or uid 0), got \"root\"");
    expect(attempt({ user: '0:0' })).toThrow("ReliableService 'Api': user must name a non-root user");
  });

  test('a Region-agnostic stack', () => {
    const stack = new Stack(new App(), 'NoRegion');
    expect(() => new ReliableService(stack, 'Api', {
      image: ecs.ContainerImage.fromRegistry('app'), containerPort: 3000, healthCheckPath: '/', allowPlainHttp: true,
    })).toThrow("ReliableService 'Api': the stack must set env.region (load balancer access logging needs the Region's log delivery principal), got a Region-agnostic stack");
  });

  test('an unknown CPU architecture', () => {
    expect(attempt({ enableFaultInjection: true, cpuArchitecture: ecs.CpuArchitecture.of('RISCV') }))
      .toThrow("ReliableService 'Api': cpuArchitecture must be one of ecs.CpuArchitecture.X86_64, ecs.CpuArchitecture.ARM64, got \"RISCV\"");
  });

  test('SLO objectives out of range', () => {
    expect(attempt({ slo: { availabilityPercent: 99.9999 } }))
      .toThrow("ReliableService 'Api': slo.availabilityPercent must be a number between 90 and 99.999, got 99.9999");
  });
});
