import {
  Duration, Stack, Validations,
  aws_cloudwatch as cloudwatch, aws_ec2 as ec2, aws_ecs as ecs, aws_elasticloadbalancingv2 as elbv2, aws_iam as iam,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { PipelineStorage } from './pipeline-storage';
import { PreTrafficCheck } from './pre-traffic-check';
import { resolveLaterAsString } from './resolve-later';
import { StageTargetFacts } from './stage-target';
import { TrafficShift, TrafficShiftKind } from './traffic-shift';
import { ManagedPolicyRole } from '../common/managed-policy-role';

/** Inputs of one stage's blue/green wiring (internal). */
export interface BlueGreenWiringProps {
  readonly service: ecs.FargateService;
  readonly productionListener: elbv2.ApplicationListener;
  readonly productionTargetGroup: elbv2.ApplicationTargetGroup;
  readonly facts: StageTargetFacts;
  readonly testListenerPort: number;
  readonly productionRulePriority: number;
  /**
   * ECS moves traffic by rule weights, so both listeners get a weighted catch-all rule;
   * CodeDeploy swaps listener default actions, so the test listener forwards to production.
   */
  readonly weightedRules: boolean;
}

/** The alternate target group and the listeners both engines need. */
export interface BlueGreenWiring {
  readonly alternateTargetGroup: elbv2.ApplicationTargetGroup;
  readonly testListener: elbv2.ApplicationListener;
  /** Undefined on the CodeDeploy path. */
  readonly productionRule?: elbv2.ApplicationListenerRule;
  /** Undefined on the CodeDeploy path. */
  readonly testRule?: elbv2.ApplicationListenerRule;
}

/**
 * Adds the green side next to the production target group: an alternate target group with the
 * same health check, a test listener on the same load balancer (same protocol, closed to all but
 * what the caller allows), and on both listeners a catch-all rule that forwards by weight, which
 * is what ECS (and CodeDeploy) turn during a rollout.
 */
export function wireAlternateTarget(scope: Construct, props: BlueGreenWiringProps): BlueGreenWiring {
  const { facts, productionTargetGroup, productionListener } = props;
  const healthCheck = productionTargetGroup.healthCheck ?? {};
  const alternateTargetGroup = new elbv2.ApplicationTargetGroup(scope, 'AlternateTargetGroup', {
    vpc: props.service.cluster.vpc,
    targetType: elbv2.TargetType.IP,
    port: facts.targetGroupPort ?? facts.containerPort,
    protocol: facts.targetGroupProtocol,
    healthCheck,
  });
  const productionListenerCfn = productionListener.node.defaultChild as elbv2.CfnListener;
  const https = facts.listenerProtocol === elbv2.ApplicationProtocol.HTTPS;
  const testListener = new elbv2.ApplicationListener(scope, 'TestListener', {
    loadBalancer: productionListener.loadBalancer,
    port: props.testListenerPort,
    protocol: facts.listenerProtocol,
    sslPolicy: facts.listenerSslPolicy as elbv2.SslPolicy | undefined,
    // Same certificate as production: the green tasks answer under the same name.
    // The L1 property holds the L2's unrendered (camel-case) objects.
    certificates: https ? [elbv2.ListenerCertificate.fromArn(resolveLaterAsString(
      (context) => (context.resolve(productionListenerCfn.certificates) as Array<{ certificateArn?: string }> | undefined)?.[0]?.certificateArn,
    ))] : undefined,
    open: false,
    defaultAction: props.weightedRules
      ? elbv2.ListenerAction.fixedResponse(404, { contentType: 'text/plain', messageBody: 'no test route' })
      : elbv2.ListenerAction.forward([productionTargetGroup]),
  });
  if (!https) {
    // Mirrors production: a plain-HTTP production listener (acknowledged where it is built) gets a plain-HTTP test listener.
    const reason = 'The test listener copies the protocol of the production listener, which serves plain HTTP; it is closed to '
      + 'every source but the pre-traffic check and carries no production traffic';
    for (const pack of ['NIST.800.53.R5', 'HIPAA.Security', 'PCI.DSS.321']) {
      Validations.of(testListener).acknowledge({ id: `${pack}-ELBv2ACMCertificateRequired`, reason });
      Validations.of(testListener).acknowledge({ id: `${pack}-ALBHttpToHttpsRedirection`, reason });
    }
    Validations.of(testListener).acknowledge({ id: 'cdk-validator-cfnguard::alb_http_to_https_redirection_check', reason });
  }
  if (!props.weightedRules) return { alternateTargetGroup, testListener };
  const weighted = () => elbv2.ListenerAction.weightedForward([
    { targetGroup: productionTargetGroup, weight: 100 },
    { targetGroup: alternateTargetGroup, weight: 0 },
  ]);
  const productionRule = new elbv2.ApplicationListenerRule(scope, 'ProductionRule', {
    listener: productionListener,
    priority: props.productionRulePriority,
    conditions: [elbv2.ListenerCondition.pathPatterns(['/*'])],
    action: weighted(),
  });
  const testRule = new elbv2.ApplicationListenerRule(scope, 'TestRule', {
    listener: testListener,
    priority: 1,
    conditions: [elbv2.ListenerCondition.pathPatterns(['/*'])],
    action: weighted(),
  });
  // The service may only start once both rules route to its target groups.
  (props.service.node.defaultChild as ecs.CfnService).node.addDependency(productionRule, testRule);
  return { alternateTargetGroup, testListener, productionRule, testRule };
}

/** Inputs of the ECS-native configuration of one stage's service (internal). */
export interface NativeBlueGreenProps {
  readonly service: ecs.FargateService;
  readonly productionListener: elbv2.ApplicationListener;
  readonly productionTargetGroup: elbv2.ApplicationTargetGroup;
  readonly facts: StageTargetFacts;
  /** The port the pre-traffic check calls when the test listener's own port is a token. */
  readonly testListenerPort: number;
  readonly wiring: BlueGreenWiring;
  readonly trafficShift: TrafficShift;
  readonly bakeTime: Duration;
  readonly alarms: cloudwatch.IAlarm[];
  readonly storage: PipelineStorage;
  readonly preTrafficCheck: boolean;
}

/**
 * Turns the service into an ECS-native blue/green service: strategy, bake time, traffic steps,
 * the alternate target with a scoped load balancer role, rollback alarms and the pre-traffic
 * check hook. The service is already built, so its L1 deployment configuration is extended.
 */
export function configureNativeBlueGreen(scope: Construct, props: NativeBlueGreenProps): PreTrafficCheck | undefined {
  const { service, wiring, facts } = props;
  const cfnService = service.node.defaultChild as ecs.CfnService;
  const existing = (cfnService.deploymentConfiguration ?? {}) as ecs.CfnService.DeploymentConfigurationProperty;
  const shift = props.trafficShift;
  cfnService.deploymentConfiguration = {
    ...existing,
    strategy: strategyOf(shift),
    bakeTimeInMinutes: props.bakeTime.toMinutes(),
    canaryConfiguration: shift.kind === TrafficShiftKind.CANARY
      ? { canaryPercent: shift.stepPercent, canaryBakeTimeInMinutes: shift.interval?.toMinutes() } : undefined,
    linearConfiguration: shift.kind === TrafficShiftKind.LINEAR
      ? { stepPercent: shift.stepPercent, stepBakeTimeInMinutes: shift.interval?.toMinutes() } : undefined,
  };

  if (wiring.productionRule && wiring.testRule) bindAlternateTarget(scope, props, wiring.productionRule, wiring.testRule);

  // Alarms the service already watches (ReliableService adds its own) are not repeated. They are
  // read from the L1 deployment configuration and compared resolved, as CloudFormation will see them.
  const stack = Stack.of(service);
  const watchedAlarms = stack.resolve(existing.alarms) as { alarmNames?: unknown[] } | undefined;
  const watched = new Set((watchedAlarms?.alarmNames ?? []).map((name) => JSON.stringify(name)));
  const newAlarmNames = props.alarms.map((alarm) => alarm.alarmName)
    .filter((name) => !watched.has(JSON.stringify(stack.resolve(name))));
  if (newAlarmNames.length) {
    service.enableDeploymentAlarms(newAlarmNames, { behavior: ecs.AlarmBehavior.ROLLBACK_ON_ALARM });
  }

  if (!props.preTrafficCheck) return undefined;
  const testListenerCfn = wiring.testListener.node.defaultChild as elbv2.CfnListener;
  const testListenerPort = testListenerCfn.port ?? props.testListenerPort;
  const https = (testListenerCfn.protocol ?? facts.listenerProtocol) === elbv2.ApplicationProtocol.HTTPS;
  const check = new PreTrafficCheck(scope, 'PreTrafficCheck', {
    vpc: service.cluster.vpc,
    storage: props.storage,
    // The DNS name only names the host (Host header, TLS server name): the hook calls the load
    // balancer's private addresses, the only ones the security-group rule below admits.
    checkUrl: `${https ? 'https' : 'http'}://${props.productionListener.loadBalancer.loadBalancerDnsName}:${testListenerPort}${facts.healthCheckPath}`,
    loadBalancerArn: props.productionListener.loadBalancer.loadBalancerArn,
    expectedStatus: facts.healthyHttpCodes,
    insecureTls: https,
  });
  wiring.testListener.connections.allowFrom(check.securityGroup, ec2.Port.tcp(testListenerPort),
    'Pre-traffic check calls the green tasks through the test listener');
  const hookRole = new ManagedPolicyRole(scope, 'HookInvokeRole', {
    assumedBy: new iam.ServicePrincipal('ecs.amazonaws.com'),
    description: 'Lets ECS invoke this stage\'s pre-traffic check and nothing else',
  });
  hookRole.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['lambda:InvokeFunction'],
    resources: [check.function.functionArn],
  }));
  service.addLifecycleHook(new ecs.DeploymentLifecycleLambdaTarget(check.function, 'PreTrafficCheck', {
    role: hookRole,
    lifecycleStages: [ecs.DeploymentLifecycleStage.POST_TEST_TRAFFIC_SHIFT],
  }));
  return check;
}

/** Registers the alternate target group on the service's production load balancer entry, with a scoped role. */
function bindAlternateTarget(
  scope: Construct, props: NativeBlueGreenProps,
  productionRule: elbv2.ApplicationListenerRule, testRule: elbv2.ApplicationListenerRule,
): void {
  const { service, wiring, facts } = props;
  const loadBalancerRole = new ManagedPolicyRole(scope, 'LoadBalancerRole', {
    assumedBy: new iam.ServicePrincipal('ecs.amazonaws.com'),
    description: 'Lets ECS move traffic between the blue and green target groups of this stage only',
  });
  loadBalancerRole.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['elasticloadbalancing:ModifyListener'],
    resources: [props.productionListener.listenerArn, wiring.testListener.listenerArn],
  }));
  loadBalancerRole.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['elasticloadbalancing:ModifyRule'],
    resources: [productionRule.listenerRuleArn, testRule.listenerRuleArn],
  }));
  loadBalancerRole.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['elasticloadbalancing:RegisterTargets', 'elasticloadbalancing:DeregisterTargets'],
    resources: [props.productionTargetGroup.targetGroupArn, wiring.alternateTargetGroup.targetGroupArn],
  }));
  loadBalancerRole.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: [
      'elasticloadbalancing:DescribeListeners', 'elasticloadbalancing:DescribeRules',
      'elasticloadbalancing:DescribeTargetGroups', 'elasticloadbalancing:DescribeTargetHealth',
    ],
    resources: ['*'],
  }));

  const alternate = new ecs.AlternateTarget('AlternateTarget', {
    alternateTargetGroup: wiring.alternateTargetGroup,
    productionListener: ecs.ListenerRuleConfiguration.applicationListenerRule(productionRule),
    testListener: ecs.ListenerRuleConfiguration.applicationListenerRule(testRule),
    role: loadBalancerRole,
  }).bind(service);
  service.loadBalancers = service.loadBalancers.map((entry, index) =>
    index === facts.loadBalancerIndex ? { ...entry, advancedConfiguration: alternate } : entry);
}

function strategyOf(shift: TrafficShift): ecs.DeploymentStrategy {
  switch (shift.kind) {
    case TrafficShiftKind.CANARY: return ecs.DeploymentStrategy.CANARY;
    case TrafficShiftKind.LINEAR: return ecs.DeploymentStrategy.LINEAR;
    default: return ecs.DeploymentStrategy.BLUE_GREEN;
  }
}
