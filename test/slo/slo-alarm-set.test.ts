import { App, Duration, Stack, Token, aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as actions, aws_sns as sns } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { importedAlb, logicalIdOf, plainAvailability, testStack } from './helpers';
import { AlertSeverity, BurnRateAlert, ServiceLevelObjective, SloAlarmSet, SloAlarmSetProps, SloWindow } from '../../src/slo';

function build(props: Partial<SloAlarmSetProps> = {}, stack: Stack = testStack()) {
  const set = new SloAlarmSet(stack, 'Checkout', { serviceName: 'checkout', slos: [plainAvailability()], ...props });
  return { stack, set, template: Template.fromStack(stack) };
}

/** Threshold and period of every window alarm, keyed by construct id. */
function windowAlarms(stack: Stack, template: Template): Record<string, { threshold: number; period: number }> {
  const out: Record<string, { threshold: number; period: number }> = {};
  for (const [logicalId, resource] of Object.entries(template.findResources('AWS::CloudWatch::Alarm'))) {
    const props = (resource as any).Properties;
    const periods = new Set(props.Metrics.filter((m: any) => m.MetricStat).map((m: any) => m.MetricStat.Period));
    expect(periods.size).toBe(1); // every metric of one alarm shares the window as its period
    const id = stack.node.findAll().find((c) => c.node.defaultChild && logicalIdOf(c) === logicalId)!.node.id;
    out[id] = { threshold: props.Threshold, period: [...periods][0] as number };
  }
  return out;
}

describe('SloAlarmSet defaults', () => {
  test('99.9 % over 30 days: exact thresholds and window lengths', () => {
    const { stack, template } = build();
    expect(windowAlarms(stack, template)).toEqual({
      StillBurning10m: { threshold: 0.001, period: 600 },
      Page1h5mLong: { threshold: 0.0144, period: 3_600 },
      Page1h5mShort: { threshold: 0.0144, period: 600 }, // the 5-minute window read over the 10-minute hold
      Page6h30mLong: { threshold: 0.006, period: 21_600 },
      Page6h30mShort: { threshold: 0.006, period: 1_800 },
      Ticket1d2hLong: { threshold: 0.003, period: 86_400 },
      Ticket1d2hShort: { threshold: 0.003, period: 7_200 },
      Ticket3d6hLong: { threshold: 0.001, period: 259_200 },
      Ticket3d6hShort: { threshold: 0.001, period: 21_600 },
    });
  });

  test('99.9 % over 28 days: rates scaled by 28/30, same windows', () => {
    const { stack, template } = build({ window: SloWindow.ROLLING_28_DAYS });
    const alarms = windowAlarms(stack, template);
    expect(Object.fromEntries(Object.entries(alarms).map(([id, a]) => [id, a.threshold]))).toEqual({
      StillBurning10m: 0.001, // 1x: the whole budget, whatever the window
      Page1h5mLong: 0.01344,
      Page1h5mShort: 0.01344,
      Page6h30mLong: 0.0056,
      Page6h30mShort: 0.0056,
      Ticket1d2hLong: 0.0028,
      Ticket1d2hShort: 0.0028,
      Ticket3d6hLong: 0.000933333333333,
      Ticket3d6hShort: 0.000933333333333,
    });
    expect(alarms.Ticket3d6hLong.period).toBe(259_200);
  });

  test('an SLO window overrides the set window', () => {
    const slo = plainAvailability('Availability', 99.9, { window: SloWindow.ROLLING_7_DAYS });
    const { stack, template } = build({ slos: [slo], window: SloWindow.ROLLING_28_DAYS });
    expect(windowAlarms(stack, template).Page1h5mLong.threshold).toBe(0.00336);
  });

  test('each window datapoint is the error ratio over the window, missing data is not breaching; the 30-minute page window looks back 2 windows', () => {
    const { set, template } = build({ minimumBadEvents: 0 });
    const byId = Object.fromEntries(set.alarmsFor('Availability').map((a) => [a.node.id, template.toJSON().Resources[logicalIdOf(a)].Properties]));
    const windows = Object.entries(byId).filter(([id]) => id !== 'StillBurning10m');
    expect(windows).toHaveLength(8);
    for (const [id, props] of windows) {
      // Any 1 of the last 2 thirty-minute windows: a burn hovering around 6x does not flap the page.
      const periods = id === 'Page6h30mShort' ? 2 : 1;
      expect(props).toMatchObject({ EvaluationPeriods: periods, DatapointsToAlarm: 1, ComparisonOperator: 'GreaterThanThreshold', TreatMissingData: 'notBreaching' });
      expect(props.Metrics).toEqual(expect.arrayContaining([
        expect.objectContaining({ Expression: 'FILL(bad, 0) / valid', ReturnData: true }),
        expect.objectContaining({ Id: 'bad', MetricStat: expect.objectContaining({ Stat: 'Sum', Metric: expect.objectContaining({ MetricName: 'Errors' }) }) }),
        expect.objectContaining({ Id: 'valid', MetricStat: expect.objectContaining({ Stat: 'Sum', Metric: expect.objectContaining({ MetricName: 'Requests' }) }) }),
      ]));
    }
    // Window alarms notify nobody: only pageAlarm and ticketAlarm carry actions.
    for (const resource of Object.values(template.findResources('AWS::CloudWatch::Alarm'))) {
      expect((resource as any).Properties.AlarmActions).toBeUndefined();
    }
  });

  test('the page rule is (1 h AND 5 min) OR (6 h AND 30 min AND still burning); the still-burning alarm is the 10-minute ratio above 1x', () => {
    const { set, template } = build();
    const byId = Object.fromEntries(set.alarmsFor('Availability').map((a) => [a.node.id, a]));
    const arn = (id: string) => ({ 'Fn::GetAtt': [logicalIdOf(byId[id]), 'Arn'] });
    template.hasResourceProperties('AWS::CloudWatch::CompositeAlarm', {
      AlarmRule: {
        'Fn::Join': ['', ['((ALARM("', arn('Page1h5mLong'), '") AND ALARM("', arn('Page1h5mShort'), '")) OR (ALARM("', arn('Page6h30mLong'),
          '") AND ALARM("', arn('Page6h30mShort'), '") AND ALARM("', arn('StillBurning10m'), '")))']],
      },
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 0.001,
      TreatMissingData: 'ignore',
      EvaluationPeriods: 1,
      DatapointsToAlarm: 1,
      Metrics: Match.arrayWith([Match.objectLike({ Expression: 'FILL(bad, 0) / valid', ReturnData: true })]),
      AlarmDescription: Match.stringLikeRegexp('over the last 10 minutes \\(burn rate 1x'),
    });
    // Ticket pairs stay two-window pairs without the condition.
    const rules = Object.values(template.findResources('AWS::CloudWatch::CompositeAlarm')).map((r: any) => JSON.stringify(r.Properties.AlarmRule));
    expect(rules.filter((r) => r.includes(logicalIdOf(byId.StillBurning10m)))).toHaveLength(1);
  });

  test('no still-burning alarm when every page pair confirms within the 10-minute hold', () => {
    const { set, template } = build({
      burnRateAlerts: [
        { severity: AlertSeverity.PAGE, longWindow: Duration.hours(1), burnRate: 14.4 },
        { severity: AlertSeverity.PAGE, longWindow: Duration.hours(6), shortWindow: Duration.minutes(5), burnRate: 6 },
        { severity: AlertSeverity.TICKET, longWindow: Duration.days(3), burnRate: 1 },
      ],
    });
    expect(set.alarmsFor('Availability').map((a) => a.node.id)).not.toContain('StillBurning10m');
    template.resourceCountIs('AWS::CloudWatch::Alarm', 6);
  });

  test('pageAlarm ORs the page pairs and carries the page actions; ticketAlarm the ticket ones', () => {
    const stack = testStack();
    const pageTopic = new sns.Topic(stack, 'Page');
    const ticketTopic = new sns.Topic(stack, 'Ticket');
    const { set, template } = build({ pageActions: [new actions.SnsAction(pageTopic)], ticketActions: [new actions.SnsAction(ticketTopic)] }, stack);
    const byId = Object.fromEntries(set.alarmsFor('Availability').map((a) => [a.node.id, a]));
    const arn = (id: string) => ({ 'Fn::GetAtt': [logicalIdOf(byId[id]), 'Arn'] });
    template.hasResourceProperties('AWS::CloudWatch::CompositeAlarm', {
      AlarmRule: { 'Fn::Join': ['', Match.arrayWith(['((ALARM("', arn('Page1h5mLong')])] },
      AlarmActions: [{ Ref: logicalIdOf(pageTopic) }],
    });
    template.hasResourceProperties('AWS::CloudWatch::CompositeAlarm', {
      AlarmRule: {
        'Fn::Join': ['', ['((ALARM("', arn('Ticket1d2hLong'), '") AND ALARM("', arn('Ticket1d2hShort'), '")) OR (ALARM("', arn('Ticket3d6hLong'),
          '") AND ALARM("', arn('Ticket3d6hShort'), '")))']],
      },
      AlarmActions: [{ Ref: logicalIdOf(ticketTopic) }],
    });
    expect(logicalIdOf(set.pageAlarm as any)).toMatch(/^CheckoutPageAlarm/);
    expect(logicalIdOf(set.ticketAlarm as any)).toMatch(/^CheckoutTicketAlarm/);
  });

  test('one SLO makes 8 window alarms and a still-burning alarm; the set adds 2 composites and nothing per pair', () => {
    const { set, template } = build();
    template.resourceCountIs('AWS::CloudWatch::Alarm', 9);
    template.resourceCountIs('AWS::CloudWatch::CompositeAlarm', 2);
    expect(set.alarmsFor('Availability')).toHaveLength(9);
    expect(set.alarms).toHaveLength(11);
    expect(set.alarms.slice(-2)).toEqual([set.pageAlarm, set.ticketAlarm]);
  });

  test('SLO names with spaces and dots make valid ids', () => {
    const { set, template } = build({ slos: [plainAvailability('p99 latency.v2')] });
    expect(set.alarmsFor('p99 latency.v2')[1].node.path).toBe('Test/Checkout/p99 latency.v2/Page1h5mLong');
    expect(Object.keys(template.findResources('AWS::CloudWatch::Alarm'))).toContainEqual(expect.stringMatching(/^Checkoutp99latencyv2Page1h5mLong[0-9A-F]{8}$/));
  });

  test('alarmsFor separates SLOs', () => {
    const { set } = build({ slos: [plainAvailability('A'), plainAvailability('B')] });
    const a = set.alarmsFor('A');
    const b = set.alarmsFor('B');
    expect(a.some((x) => b.includes(x))).toBe(false);
    expect(a.every((x) => x.node.path.includes('/A/'))).toBe(true);
  });

  test('monthly cost: (8 windows + still burning) × 2 metrics per SLO, plus 2 set composites', () => {
    const { set } = build({ slos: [plainAvailability('A'), plainAvailability('B')] });
    expect(set.monthlyCostUsdFor('A')).toBe(1.8);
    expect(set.monthlyCostUsd).toBe(4.6);
  });

  test('descriptions say what fired, the budget spent and the runbook', () => {
    const { template } = build({ runbookUrl: 'https://runbooks.example.com/checkout' });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmDescription: 'checkout Availability SLO (99.9% over 30 days): bad events were more than 1.44% of valid events over the last 1 hour '
        + '(burn rate 14.4x). This is the long window of the PAGE pair (2% of the 30-day budget spent when it fires; at this rate the whole '
        + 'budget lasts 2.1 days); it notifies nobody alone, the page alarm fires when the 5 minutes window agrees. '
        + 'This window needs at least 3 bad events to fire. Runbook: https://runbooks.example.com/checkout',
    });
    template.allResourcesProperties('AWS::CloudWatch::Alarm', {
      AlarmDescription: Match.stringLikeRegexp('Runbook: https://runbooks.example.com/checkout$'),
    });
  });

  test('a default pair that can never fire is left out with a warning, never emitted', () => {
    const { set, stack, template } = build({ slos: [plainAvailability('Availability', 90)] });
    expect(set.alarmsFor('Availability').map((a) => a.node.id)).not.toContain('Page1h5mLong');
    template.resourceCountIs('AWS::CloudWatch::Alarm', 7); // 3 pairs + still burning (for 6h/30m)
    Annotations.fromStack(stack).hasWarning('/Test/Checkout', Match.stringLikeRegexp(
      'left out the PAGE pair 1h/5m at burn rate 14.4, which could never fire \\(the highest burn rate at 90% is 10'));
  });
});

describe('SloAlarmSet low-traffic guard', () => {
  /** The returned expression of every metric alarm, by construct id. */
  function expressions(set: SloAlarmSet, template: Template): Record<string, string> {
    return Object.fromEntries(set.alarmsFor('Availability').filter((a) => a instanceof cloudwatch.Alarm).map((a) => {
      const props = template.toJSON().Resources[logicalIdOf(a)].Properties;
      return [a.node.id, props.Metrics.find((m: any) => m.ReturnData !== false && m.Expression).Expression];
    }));
  }

  test('by default only long windows are guarded, by 3 bad events; short windows and still burning are not', () => {
    const { set, template } = build();
    const byId = expressions(set, template);
    for (const id of ['Page1h5mLong', 'Page6h30mLong', 'Ticket1d2hLong', 'Ticket3d6hLong']) {
      expect(byId[id]).toBe('IF(FILL(bad, 0) >= 3, FILL(bad, 0) / valid, 0)');
    }
    for (const id of ['Page1h5mShort', 'Page6h30mShort', 'Ticket1d2hShort', 'Ticket3d6hShort', 'StillBurning10m']) {
      expect(byId[id]).toBe('FILL(bad, 0) / valid');
    }
    expect(JSON.stringify(template.toJSON())).not.toContain('IF(valid');
  });

  test('minimumBadEvents 0 turns the evidence guard off', () => {
    const { template } = build({ minimumBadEvents: 0 });
    expect(JSON.stringify(template.toJSON())).not.toContain('IF(');
  });

  test('minimumValidEvents guards every window (ANDed with the bad-event minimum on long ones), never still burning', () => {
    const { set, template } = build({ minimumValidEvents: 100, minimumBadEvents: 5 });
    const byId = expressions(set, template);
    expect(byId.Page1h5mLong).toBe('IF(valid >= 100 AND FILL(bad, 0) >= 5, FILL(bad, 0) / valid, 0)');
    expect(byId.Page1h5mShort).toBe('IF(valid >= 100, FILL(bad, 0) / valid, 0)');
    // A guard here would keep a low-traffic outage's slow page pair from ever firing.
    expect(byId.StillBurning10m).toBe('FILL(bad, 0) / valid');
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmDescription: Match.stringLikeRegexp('fewer than 100 valid events never fire\\. This window needs at least 5 bad events to fire\\.$'),
    });
  });
});

describe('SloAlarmSet on an ALB', () => {
  test('availability: target + load balancer 5XX over requests + load balancer 5XX, three metrics (the ELB 5XX read once)', () => {
    const stack = testStack();
    const slo = ServiceLevelObjective.albAvailability({ objectivePercent: 99.9, loadBalancer: importedAlb(stack) });
    const { template } = build({ slos: [slo] }, stack);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 0.0144,
      Metrics: Match.arrayWith([
        Match.objectLike({ Id: 'bad', Expression: 'FILL(targetErrors, 0) + FILL(lbErrors, 0)' }),
        Match.objectLike({ Id: 'targetErrors', MetricStat: { Metric: { Namespace: 'AWS/ApplicationELB', MetricName: 'HTTPCode_Target_5XX_Count', Dimensions: [{ Name: 'LoadBalancer', Value: 'app/checkout/0123456789abcdef' }] }, Period: 3_600, Stat: 'Sum' } }),
        Match.objectLike({ Id: 'lbErrors', MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: 'HTTPCode_ELB_5XX_Count' }) }) }),
        Match.objectLike({ Id: 'valid', Expression: 'requests + FILL(lbErrors, 0)' }),
        Match.objectLike({ Id: 'requests', MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: 'RequestCount' }) }) }),
      ]),
    });
    for (const resource of Object.values(template.findResources('AWS::CloudWatch::Alarm'))) {
      expect((resource as any).Properties.Metrics.filter((m: any) => m.MetricStat)).toHaveLength(3);
    }
    expect(JSON.stringify(template.toJSON())).not.toContain('HTTPCode_ELB_503_Count');
  });

  test('latency: PR(:0.3) of TargetResponseTime, error ratio (100 − PR) / 100', () => {
    const stack = testStack();
    const slo = ServiceLevelObjective.albLatency({ objectivePercent: 99, loadBalancer: importedAlb(stack), threshold: Duration.millis(300) });
    const { set, template } = build({ slos: [slo], minimumValidEvents: 50 }, stack);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 0.144,
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: 'IF(valid >= 50 AND valid * (100 - fast) / 100 >= 2.5, (100 - fast) / 100, 0)', ReturnData: true }),
        Match.objectLike({ Id: 'fast', MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: 'TargetResponseTime' }), Stat: 'PR(:0.3)', Period: 3_600 }) }),
        Match.objectLike({ Id: 'valid', MetricStat: Match.objectLike({ Stat: 'SampleCount', Period: 3_600 }) }),
      ]),
    });
    // 1 metric + the guard's sample count: 8 × 2 × $0.10; still burning 1 × $0.10; no composite per pair
    expect(set.monthlyCostUsdFor('Latency')).toBe(1.7);
  });
});

describe('SloAlarmSet custom burn-rate alerts', () => {
  const alerts: BurnRateAlert[] = [
    { severity: AlertSeverity.PAGE, longWindow: Duration.hours(1), burnRate: 10 },
    { severity: AlertSeverity.TICKET, longWindow: Duration.days(7), shortWindow: Duration.hours(12), burnRate: 2 },
  ];

  test('burn rates are used as given; the short window defaults to a twelfth', () => {
    const { stack, template } = build({ burnRateAlerts: alerts, window: SloWindow.ROLLING_28_DAYS });
    expect(windowAlarms(stack, template)).toEqual({
      Page1h5mLong: { threshold: 0.01, period: 3_600 },
      Page1h5mShort: { threshold: 0.01, period: 600 },
      Ticket7d12hLong: { threshold: 0.002, period: 604_800 },
      Ticket7d12hShort: { threshold: 0.002, period: 43_200 },
    });
  });
});

describe('SloAlarmSet validation', () => {
  const TICKET_1D: BurnRateAlert = { severity: AlertSeverity.TICKET, longWindow: Duration.days(1), burnRate: 1 };
  const expectError = (props: Partial<SloAlarmSetProps>, message: string | RegExp) => {
    expect(() => build(props)).toThrow(message);
  };

  test('no props at all (a JavaScript caller) is a house error, not a TypeError', () => {
    const call = () => new SloAlarmSet(testStack(), 'Checkout', undefined as any);
    expect(call).toThrow("SloAlarmSet 'Checkout': props must be an object with at least serviceName and slos, got undefined");
    expect(call).not.toThrow(TypeError);
  });

  test('a token guard count names its prop and hides the token-encoded number', () => {
    expectError({ minimumBadEvents: Token.asNumber({ Ref: 'Guard' }) },
      "SloAlarmSet 'Checkout': minimumBadEvents must be a whole number of 0 or more, got (a token)");
  });

  test('page actions without ticket actions: the ticket alarm would stay silent, so it is an error that says how', () => {
    const topic = new sns.Topic(testStack(), 'T');
    expectError({ pageActions: [new actions.SnsAction(topic)] },
      "SloAlarmSet 'Checkout': ticketActions must hold at least one action when pageActions are given");
  });

  test('empty slos', () => {
    expectError({ slos: [] }, "SloAlarmSet 'Checkout': slos must hold at least one ServiceLevelObjective, got an array of 0");
  });

  test('duplicate SLO names', () => {
    expectError({ slos: [plainAvailability('A'), plainAvailability('A')] }, 'SloAlarmSet \'Checkout\': slos must have unique names, got "A" twice');
  });

  test('more than 5 actions per state', () => {
    const stack = testStack();
    const topic = new sns.Topic(stack, 'T');
    const six = Array.from({ length: 6 }, () => new actions.SnsAction(topic));
    expect(() => build({ pageActions: six }, stack)).toThrow(
      "SloAlarmSet 'Checkout': pageActions must hold at most 5 actions (a CloudWatch limit per alarm state), got an array of 6");
    expect(() => build({ ticketActions: six }, testStack())).toThrow(/ticketActions must hold at most 5 actions/);
  });

  test('a custom pair that can never fire', () => {
    expectError({
      slos: [plainAvailability('A', 95)],
      burnRateAlerts: [{ severity: AlertSeverity.PAGE, longWindow: Duration.hours(1), burnRate: 25 }, TICKET_1D],
    }, "SloAlarmSet 'Checkout': slos[0].objectivePercent must be above 96 for the PAGE pair 1h/5m at burn rate 25 to ever fire, got 95");
  });

  test('an objective so low that no page pair is left', () => {
    expectError({ slos: [plainAvailability('A', 80)] }, /slos must leave at least one PAGE pair that can fire, got none \(objectives 80/);
  });

  test('a long window beyond the CloudWatch evaluation range', () => {
    expectError({
      burnRateAlerts: [{ severity: AlertSeverity.PAGE, longWindow: Duration.days(8), burnRate: 1 }, TICKET_1D],
    }, "SloAlarmSet 'Checkout': burnRateAlerts[0].longWindow must keep period × evaluation periods at or under 604800 seconds (7 days), got 8 days");
  });

  test('a short window that is not a CloudWatch period', () => {
    expectError({
      burnRateAlerts: [{ severity: AlertSeverity.PAGE, longWindow: Duration.minutes(10), burnRate: 1 }, TICKET_1D],
    }, "SloAlarmSet 'Checkout': burnRateAlerts[0].shortWindow (default longWindow / 12) must be 10, 20 or 30 seconds or a whole number of minutes (a CloudWatch alarm period), got 50 seconds");
  });

  test('a short window not shorter than the long one', () => {
    expectError({
      burnRateAlerts: [
        { severity: AlertSeverity.PAGE, longWindow: Duration.hours(1), shortWindow: Duration.hours(1), burnRate: 1 }, TICKET_1D,
      ],
    }, "SloAlarmSet 'Checkout': burnRateAlerts[0].shortWindow must be shorter than longWindow (1 hour), got 1 hour");
  });

  test('custom alerts without a ticket pair', () => {
    expectError({ burnRateAlerts: [{ severity: AlertSeverity.PAGE, longWindow: Duration.hours(1), burnRate: 1 }] },
      "SloAlarmSet 'Checkout': burnRateAlerts must hold at least one TICKET alert (pageAlarm and ticketAlarm both need a child), got \"PAGE\"");
  });

  test('two custom alerts with the same severity and windows', () => {
    const page = { severity: AlertSeverity.PAGE, longWindow: Duration.hours(1), burnRate: 2 };
    expectError({ burnRateAlerts: [page, { ...page, burnRate: 3 }, TICKET_1D] },
      "SloAlarmSet 'Checkout': burnRateAlerts[1] must differ from every other alert in severity or windows, got \"PAGE 1h/5m\"");
  });

  test('a burn rate that is not positive', () => {
    expectError({ burnRateAlerts: [{ severity: AlertSeverity.PAGE, longWindow: Duration.hours(1), burnRate: 0 }, TICKET_1D] },
      "SloAlarmSet 'Checkout': burnRateAlerts[0].burnRate must be a number above 0, got 0");
  });

  test('more than 10 metrics in one math expression', () => {
    const usingMetrics: Record<string, cloudwatch.IMetric> = {};
    for (let i = 0; i < 10; i++) usingMetrics[`m${i}`] = new cloudwatch.Metric({ namespace: 'Shop', metricName: `E${i}` });
    const slo = ServiceLevelObjective.availability({
      name: 'Wide',
      objectivePercent: 99.9,
      badEvents: new cloudwatch.MathExpression({ expression: Object.keys(usingMetrics).join(' + '), usingMetrics }),
      validEvents: new cloudwatch.Metric({ namespace: 'Shop', metricName: 'Requests' }),
    });
    expectError({ slos: [slo] },
      "SloAlarmSet 'Checkout': slos[0] must reference at most 10 metrics in its error-ratio expression (a CloudWatch metric-math alarm limit), got 11");
  });

  test('a composite rule over 10,240 characters', () => {
    const stack = new Stack(new App(), 'S'.repeat(100), { env: { account: '111111111111', region: 'us-east-1' } });
    const manyPages: BurnRateAlert[] = [1, 2, 3, 4, 5, 6, 7, 8]
      .map((h) => ({ severity: AlertSeverity.PAGE, longWindow: Duration.hours(h), burnRate: 2 }));
    const slos = [1, 2, 3, 4, 5].map((i) => plainAvailability(`${'Long name '.repeat(6)}${i}`));
    expect(() => new SloAlarmSet(stack, 'C'.repeat(100), {
      serviceName: 'checkout',
      slos,
      burnRateAlerts: [...manyPages, TICKET_1D],
    })).toThrow(/SloAlarmSet 'C+': pageAlarm must have a rule of at most 10240 characters \(a composite alarm limit\); split the SLOs over several sets, got \d{5}/);
  });

  test('more than 100 children in one composite', () => {
    // 26 SLOs × 2 page pairs × (long + short): the rule reads every window alarm directly.
    const pages: BurnRateAlert[] = [1, 2].map((h) => ({ severity: AlertSeverity.PAGE, longWindow: Duration.hours(h), burnRate: 2 }));
    const slos = Array.from({ length: 26 }, (_, i) => plainAvailability(`S${i}`));
    expectError({ slos, burnRateAlerts: [...pages, TICKET_1D] },
      "SloAlarmSet 'Checkout': pageAlarm must have at most 100 child alarms (a composite alarm limit); use fewer SLOs or pairs, got 104");
  });

  test('a bad minimumBadEvents', () => {
    expectError({ minimumBadEvents: -3 }, "SloAlarmSet 'Checkout': minimumBadEvents must be a whole number of 0 or more, got -3");
    expectError({ minimumBadEvents: 0.5 }, /minimumBadEvents must be a whole number of 0 or more, got 0.5/);
  });

  test('a bad minimumValidEvents', () => {
    expectError({ minimumValidEvents: -1 }, "SloAlarmSet 'Checkout': minimumValidEvents must be a whole number of 0 or more, got -1");
    expectError({ minimumValidEvents: 2.5 }, /minimumValidEvents must be a whole number of 0 or more, got 2.5/);
  });

  test('a bad runbookUrl', () => {
    expectError({ runbookUrl: 'wiki/checkout' }, "SloAlarmSet 'Checkout': runbookUrl must be an http(s) URL of at most 512 characters without spaces, got \"wiki/checkout\"");
  });

  test('a bad serviceName', () => {
    expectError({ serviceName: ' ' }, "SloAlarmSet 'Checkout': serviceName must be a non-empty string of at most 128 characters, got \" \"");
  });

  test('alarmsFor an unknown SLO', () => {
    const { set } = build();
    expect(() => set.alarmsFor('Latency')).toThrow("SloAlarmSet 'Checkout': sloName must be one of \"Availability\", got \"Latency\"");
  });
});

describe('SloAlarmSet and the alarm model the CLI replays', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const model = require('../../src/alarm-model');

  test('every window alarm parses, and the guarded ratio evaluates as documented', () => {
    const stack = testStack();
    const alb = importedAlb(stack);
    const { template } = build({
      slos: [
        ServiceLevelObjective.albAvailability({ objectivePercent: 99.9, loadBalancer: alb }),
        ServiceLevelObjective.albLatency({ objectivePercent: 99, loadBalancer: alb, threshold: Duration.millis(300) }),
      ],
      minimumValidEvents: 10,
    }, stack);
    const alarms = Object.entries(template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms).toHaveLength(18);
    for (const [logicalId, resource] of alarms) {
      expect(() => model.parseMetricAlarm(logicalId, (resource as any).Properties)).not.toThrow();
    }

    /** Three hourly datapoints of `bad` and `valid` through one expression. */
    const evaluate = (expression: string, valid: number[], bad: number[]) => {
      const series: Record<string, Float64Array> = { valid: Float64Array.from(valid), bad: Float64Array.from(bad) };
      const value = model.evaluateMath(model.parseMathExpression(expression, 'test'), {
        length: 3,
        resolve: (id: string) => ({ kind: 'series', values: series[id] }),
        metricIds: ['bad', 'valid'],
        periodOf: () => 3_600,
        context: 'test',
      });
      return Array.from(value.values as Float64Array);
    };
    // valid: 100, 5 (under the minimum), missing; bad: missing (ALB omits zero counts), 5, 1
    expect(evaluate('IF(valid >= 10, FILL(bad, 0) / valid, 0)', [100, 5, NaN], [NaN, 5, 1])).toEqual([0, 0, NaN]);
    // The long windows' default evidence guard, ANDed: 2 bad events are not enough, 3 are.
    expect(evaluate('IF(valid >= 10 AND FILL(bad, 0) >= 3, FILL(bad, 0) / valid, 0)', [20, 20, 20], [2, 3, NaN])).toEqual([0, 0.15, 0]);
  });
});
