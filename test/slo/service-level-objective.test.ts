import { Duration, Token, aws_cloudwatch as cloudwatch, aws_elasticloadbalancingv2 as elbv2 } from 'aws-cdk-lib';
import { importedAlb, plainAvailability, testStack } from './helpers';
import { LatencyUnit, ServiceLevelObjective, SliKind, SloWindow } from '../../src/slo';
import { PercentileRankSli } from '../../src/slo/sli';

const latencyMetric = new cloudwatch.Metric({ namespace: 'Shop', metricName: 'Latency' });

describe('ServiceLevelObjective', () => {
  test('availability keeps name, objective, window and kind', () => {
    const slo = plainAvailability('Checkout', 99.5, { window: SloWindow.ROLLING_7_DAYS });
    expect([slo.name, slo.objectivePercent, slo.window, slo.kind]).toEqual(['Checkout', 99.5, SloWindow.ROLLING_7_DAYS, SliKind.AVAILABILITY]);
  });

  test('the window is left to the set unless given', () => {
    expect(plainAvailability().window).toBeUndefined();
  });

  test.each([0, 100, -1, 101, Number.NaN])('objectivePercent %d is rejected', (objectivePercent) => {
    expect(() => plainAvailability('Checkout', objectivePercent)).toThrow(
      `ServiceLevelObjective 'Checkout': objectivePercent must be a number strictly between 0 and 100, got ${objectivePercent}`);
  });

  test('a name with a slash is rejected', () => {
    expect(() => plainAvailability('a/b')).toThrow(
      "ServiceLevelObjective 'a/b': name must start with a letter or digit and hold only letters, digits, spaces, \"-\", \"_\" or \".\" (at most 64 characters), got \"a/b\"");
  });

  test('a missing metric is rejected with the prop name', () => {
    expect(() => ServiceLevelObjective.availability({ name: 'A', objectivePercent: 99, badEvents: undefined as any, validEvents: latencyMetric }))
      .toThrow("ServiceLevelObjective 'A': badEvents must be a CloudWatch IMetric, got undefined");
  });

  // JavaScript callers (and null from other jsii languages) can leave out the props object itself.
  test.each([
    ['availability', () => ServiceLevelObjective.availability(undefined as any), 'name, objectivePercent, badEvents and validEvents'],
    ['latency', () => ServiceLevelObjective.latency(undefined as any), 'name, objectivePercent, threshold and latencyMetric'],
    ['albAvailability', () => ServiceLevelObjective.albAvailability(null as any), 'objectivePercent and loadBalancer'],
    ['albLatency', () => ServiceLevelObjective.albLatency(undefined as any), 'objectivePercent, threshold and one of loadBalancer or targetGroup'],
  ])('%s without props is a house error, not a TypeError', (factory, call, required) => {
    expect(call).toThrow(`ServiceLevelObjective.${factory}: props must be an object with at least ${required}, got`);
    expect(call).not.toThrow(TypeError);
  });

  test('a token objective names the prop and never prints the token-encoded number', () => {
    const call = () => plainAvailability('Checkout', Token.asNumber({ Ref: 'Objective' }));
    expect(call).toThrow("ServiceLevelObjective 'Checkout': objectivePercent must be a number strictly between 0 and 100, got (a token)");
  });

  test('latency converts the threshold to the metric unit', () => {
    const seconds = ServiceLevelObjective.latency({ name: 'L', objectivePercent: 99, latencyMetric, threshold: Duration.millis(250) });
    const millis = ServiceLevelObjective.latency({ name: 'L', objectivePercent: 99, latencyMetric, threshold: Duration.millis(250), metricUnit: LatencyUnit.MILLISECONDS });
    expect((seconds._sli as PercentileRankSli).statistic).toBe('PR(:0.25)');
    expect((millis._sli as PercentileRankSli).statistic).toBe('PR(:250)');
    expect(seconds.kind).toBe(SliKind.LATENCY);
    expect(seconds.latencyThreshold?.toMilliseconds()).toBe(250);
  });

  test('latency rejects a math expression and a sub-millisecond threshold', () => {
    const expr = new cloudwatch.MathExpression({ expression: 'm * 2', usingMetrics: { m: latencyMetric } });
    expect(() => ServiceLevelObjective.latency({ name: 'L', objectivePercent: 99, latencyMetric: expr, threshold: Duration.millis(300) }))
      .toThrow("ServiceLevelObjective 'L': latencyMetric must be a single metric (percentile rank needs raw samples), got \"a math expression\"");
    expect(() => ServiceLevelObjective.latency({ name: 'L', objectivePercent: 99, latencyMetric, threshold: Duration.millis(0) }))
      .toThrow("ServiceLevelObjective 'L': threshold must be a whole number of milliseconds of at least 1, got 0 millis");
  });

  test('ALB helpers default their names', () => {
    const stack = testStack();
    const alb = importedAlb(stack);
    expect(ServiceLevelObjective.albAvailability({ objectivePercent: 99.9, loadBalancer: alb }).name).toBe('Availability');
    expect(ServiceLevelObjective.albLatency({ objectivePercent: 99, loadBalancer: alb, threshold: Duration.millis(300) }).name).toBe('Latency');
  });

  test('ALB availability reads 3 metrics (ELB 5XX once, in bad and valid), 2 without load balancer errors', () => {
    const stack = testStack();
    const alb = importedAlb(stack);
    expect(ServiceLevelObjective.albAvailability({ objectivePercent: 99.9, loadBalancer: alb })._sli.metricCount()).toBe(3);
    const targetOnly = ServiceLevelObjective.albAvailability({ objectivePercent: 99.9, loadBalancer: alb, countLoadBalancerErrors: false });
    expect(targetOnly._sli.metricCount()).toBe(2);
  });

  test('ALB latency needs exactly one of loadBalancer and targetGroup', () => {
    const stack = testStack();
    const alb = importedAlb(stack);
    expect(() => ServiceLevelObjective.albLatency({ objectivePercent: 99, threshold: Duration.millis(300) }))
      .toThrow("ServiceLevelObjective 'Latency': loadBalancer / targetGroup must have exactly one of the two set, got \"neither\"");
    const vpcLessGroup = elbv2.ApplicationTargetGroup.fromTargetGroupAttributes(stack, 'Tg', {
      targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/checkout/0123456789abcdef',
    });
    const threshold = Duration.millis(300);
    expect(() => ServiceLevelObjective.albLatency({ objectivePercent: 99, threshold, loadBalancer: alb, targetGroup: vpcLessGroup }))
      .toThrow(/must have exactly one of the two set, got "both"/);
    expect(() => ServiceLevelObjective.albLatency({ objectivePercent: 99, threshold: Duration.millis(300), targetGroup: vpcLessGroup }))
      .toThrow(/ServiceLevelObjective 'Latency': targetGroup must be attached to a load balancer/);
  });
});
