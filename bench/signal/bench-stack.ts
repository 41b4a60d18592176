/**
 * The stack the benchmark replays: an SloAlarmSet (99.9 %, 30 days) on ALB metrics with its
 * defaults, the same set without its low-traffic guard and with the other guard, the two alarms
 * teams typically write instead, a variant of the page pairs, and the Workbook's pairs as published
 * (no hold), all as real constructs in one stack, synthesized to a CloudFormation template.
 */
import { App, Duration, Stack, aws_cloudwatch as cloudwatch, aws_elasticloadbalancingv2 as elbv2 } from 'aws-cdk-lib';
import { AlertSeverity, ServiceLevelObjective, SloAlarmSet, SloWindow } from '../../src/slo';
import { monthlyCostUsd } from '../../src/slo/alarm-cost';
import { DEFAULT_MINIMUM_BAD_EVENTS, defaultAlertRequests, planAlerts } from '../../src/slo/alert-plan';

/** A standard-resolution metric alarm reading `metrics` metrics. */
const metricAlarmCost = (metrics: number) => monthlyCostUsd({ standardAlarmMetrics: metrics, highResolutionAlarmMetrics: 0, compositeAlarms: 0 });

export const LOAD_BALANCER_FULL_NAME = 'app/checkout/50dc6c495c0c9188';
export const OBJECTIVE_PERCENT = 99.9;
export const LATENCY_THRESHOLD_SECONDS = 0.3;
export const GUARD_MINIMUM_VALID_EVENTS = 20;

/** An alarm set as the tables show it: which alarm is the page, which the ticket (if any). */
export interface AlarmSetUnderTest {
  readonly name: string;
  readonly pageAlarmId: string;
  readonly ticketAlarmId?: string;
  /** Monthly CloudWatch list price of the set's alarms (us-east-1). */
  readonly monthlyCostUsd?: number;
  /** SLO sets: every page pair composite, labelled e.g. `Availability 6h/30m`. */
  readonly pagePairs?: ReadonlyArray<{ readonly label: string; readonly id: string }>;
}

export interface BenchStack {
  /** The synthesized template (Resources, Metadata). */
  readonly template: { Resources: Record<string, unknown>; Metadata?: Record<string, unknown> };
  readonly sets: readonly AlarmSetUnderTest[];
}

export function synthesizeBenchStack(): BenchStack {
  const app = new App();
  const stack = new Stack(app, 'SignalBench', { env: { account: '111111111111', region: 'us-east-1' } });
  const loadBalancer = elbv2.ApplicationLoadBalancer.fromApplicationLoadBalancerAttributes(stack, 'Alb', {
    loadBalancerArn: `arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/${LOAD_BALANCER_FULL_NAME}`,
    securityGroupId: 'sg-0123456789abcdef0',
  });
  const slos = () => [
    ServiceLevelObjective.albAvailability({ objectivePercent: OBJECTIVE_PERCENT, loadBalancer }),
    ServiceLevelObjective.albLatency({ objectivePercent: OBJECTIVE_PERCENT, loadBalancer, threshold: Duration.seconds(LATENCY_THRESHOLD_SECONDS) }),
  ];
  const defaults = new SloAlarmSet(stack, 'Slo', { serviceName: 'checkout', slos: slos() });
  const unguarded = new SloAlarmSet(stack, 'UnguardedSlo', { serviceName: 'checkout', slos: slos(), minimumBadEvents: 0 });
  const validGuarded = new SloAlarmSet(stack, 'ValidGuardedSlo', {
    serviceName: 'checkout', slos: slos(), minimumBadEvents: 0, minimumValidEvents: GUARD_MINIMUM_VALID_EVENTS,
  });
  // The Workbook's pairs, except that the 6 h page pair confirms with 5 min instead of 30 min: the
  // other way to a fast page reset, measured against the still-burning condition (docs/benchmarks.md).
  const fastReset = new SloAlarmSet(stack, 'FastResetSlo', {
    serviceName: 'checkout',
    slos: slos(),
    burnRateAlerts: [
      { severity: AlertSeverity.PAGE, longWindow: Duration.hours(1), shortWindow: Duration.minutes(5), burnRate: 14.4 },
      { severity: AlertSeverity.PAGE, longWindow: Duration.hours(6), shortWindow: Duration.minutes(5), burnRate: 6 },
      { severity: AlertSeverity.TICKET, longWindow: Duration.days(1), shortWindow: Duration.hours(2), burnRate: 3 },
      { severity: AlertSeverity.TICKET, longWindow: Duration.days(3), shortWindow: Duration.hours(6), burnRate: 1 },
    ],
  });

  const published = workbookAsPublished(stack, slos());

  const m = loadBalancer.metrics;
  const perMinute = { statistic: 'Sum', period: Duration.minutes(1) };
  const requests = m.requestCount(perMinute);
  const target5xx = m.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, perMinute);
  const elb5xx = m.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, perMinute);
  const target4xx = m.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_4XX_COUNT, perMinute);
  // What teams write: a per-minute ratio in percent, M of N minutes, default missing-data handling.
  const static5xx = new cloudwatch.Alarm(stack, 'Static5xxRatio', {
    metric: new cloudwatch.MathExpression({
      expression: '100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / requests',
      usingMetrics: { target5xx, elb5xx, requests },
      period: Duration.minutes(1),
    }),
    threshold: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 5,
    datapointsToAlarm: 5,
  });
  const express = new cloudwatch.Alarm(stack, 'ExpressErrorRatio', {
    metric: new cloudwatch.MathExpression({
      expression: '100 * (FILL(target4xx, 0) + FILL(target5xx, 0) + FILL(elb5xx, 0)) / requests',
      usingMetrics: { target4xx, target5xx, elb5xx, requests },
      period: Duration.minutes(1),
    }),
    threshold: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 3,
    datapointsToAlarm: 2,
  });

  const logicalId = (c: { node: { defaultChild?: unknown } }) => stack.getLogicalId(c.node.defaultChild as cloudwatch.CfnAlarm);
  const template = app.synth().getStackByName(stack.stackName).template;
  const sloSet = (name: string, set: SloAlarmSet): AlarmSetUnderTest => ({
    name,
    pageAlarmId: logicalId(set.pageAlarm as cloudwatch.CompositeAlarm),
    ticketAlarmId: logicalId(set.ticketAlarm as cloudwatch.CompositeAlarm),
    monthlyCostUsd: set.monthlyCostUsd,
    ...alarmsOf(template, set.node.path),
  });
  return {
    template,
    sets: [
      sloSet('SloAlarmSet (99.9 %, 30 days, defaults)', defaults),
      sloSet('SloAlarmSet with minimumBadEvents 0 (no low-traffic guard)', unguarded),
      sloSet(`SloAlarmSet with minimumValidEvents ${GUARD_MINIMUM_VALID_EVENTS} instead of minimumBadEvents`, validGuarded),
      { name: 'Static: 5XX ratio > 1 % for 5 of 5 min', pageAlarmId: logicalId(static5xx), monthlyCostUsd: metricAlarmCost(3) },
      { name: 'ECS Express style: 4XX + 5XX ratio > 1 % for 2 of 3 min', pageAlarmId: logicalId(express), monthlyCostUsd: metricAlarmCost(4) },
      sloSet('Variant: SloAlarmSet with a 6 h / 5 min page pair (instead of 6 h / 30 min)', fastReset),
      {
        name: 'Workbook as published: the four pairs, one datapoint per window, no hold',
        pageAlarmId: logicalId(published.page),
        ticketAlarmId: logicalId(published.ticket),
        monthlyCostUsd: published.monthlyCostUsd,
      },
    ],
  };
}

/**
 * The SRE Workbook's multiwindow, multi-burn-rate alerts as the book writes them, on the same SLIs and
 * with the same low-traffic guard as the defaults (3 bad events in a long window): each window one
 * datapoint, page = any (long AND short) page pair, no hold and no still-burning condition.
 */
function workbookAsPublished(stack: Stack, slos: readonly ServiceLevelObjective[]) {
  const longGuard = { minimumBadEvents: DEFAULT_MINIMUM_BAD_EVENTS };
  const days = SloWindow.ROLLING_30_DAYS.days;
  const pairs: Array<{ severity: string; rule: cloudwatch.IAlarmRule }> = [];
  let metrics = 0;
  for (const slo of slos) {
    for (const alert of planAlerts(slo.objectivePercent, days, defaultAlertRequests(days)).kept) {
      const window = (which: 'Long' | 'Short', seconds: number) => new cloudwatch.Alarm(stack, `Published${slo.name}${alert.severity}${alert.longWindowSeconds}${which}`, {
        metric: slo._sli.errorRatio(Duration.seconds(seconds), which === 'Long' ? longGuard : undefined),
        threshold: alert.threshold,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      pairs.push({ severity: alert.severity, rule: cloudwatch.AlarmRule.allOf(window('Long', alert.longWindowSeconds), window('Short', alert.shortWindowSeconds)) });
      metrics += slo._sli.metricCount(longGuard) + slo._sli.metricCount();
    }
  }
  const composite = (severity: string) => new cloudwatch.CompositeAlarm(stack, `Published${severity}`, {
    alarmRule: cloudwatch.AlarmRule.anyOf(...pairs.filter((p) => p.severity === severity).map((p) => p.rule)),
  });
  return {
    page: composite('PAGE'),
    ticket: composite('TICKET'),
    monthlyCostUsd: monthlyCostUsd({ standardAlarmMetrics: metrics, highResolutionAlarmMetrics: 0, compositeAlarms: 2 }),
  };
}

interface SloMetadata {
  alarmSets: Array<{
    constructPath: string;
    pageAlarmLogicalId: string;
    ticketAlarmLogicalId: string;
    slos: Array<{
      name: string;
      alerts: Array<{
        severity: string;
        longWindowSeconds: number;
        shortWindowSeconds: number;
        longAlarmLogicalId: string;
        shortAlarmLogicalId: string;
        pairAlarmLogicalId?: string;
      }>;
    }>;
  }>;
}

/** Page pairs of one set, read from the template metadata the set writes for the CLI. */
function alarmsOf(template: BenchStack['template'], constructPath: string): Pick<AlarmSetUnderTest, 'pagePairs'> {
  const metadata = template.Metadata?.['cdk-reliability:slos'] as SloMetadata | undefined;
  const set = metadata?.alarmSets.find((s) => s.constructPath === constructPath);
  if (!set) throw new Error(`no cdk-reliability:slos metadata for ${constructPath}`);
  const compact = (s: number) => (s % 86_400 === 0 ? `${s / 86_400}d` : s % 3600 === 0 ? `${s / 3600}h` : `${s / 60}m`);
  const alerts = set.slos.flatMap((slo) => slo.alerts.map((a) => ({ slo: slo.name, ...a })));
  const pairs = alerts.filter((a) => a.severity === 'PAGE' && a.pairAlarmLogicalId !== undefined)
    .map((a) => ({ label: `${a.slo} ${compact(a.longWindowSeconds)}/${compact(a.shortWindowSeconds)}`, id: a.pairAlarmLogicalId! }));
  // Sets whose page rule holds the windows directly have no pair composites to show.
  return pairs.length > 0 ? { pagePairs: pairs } : {};
}
