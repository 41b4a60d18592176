import { Duration, Stack, aws_cloudwatch_actions as actions, aws_sns as sns } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { importedAlb, plainAvailability, testStack } from './helpers';
import { formatFindings } from '../../examples/compliance/findings';
import { synthWithCompliance } from '../../examples/compliance/synth';
import { ServiceLevelObjective, SloAlarmSet } from '../../src/slo';
import { applicationSignalsName } from '../../src/slo/application-signals';

describe('Application Signals SLO', () => {
  test('off by default', () => {
    const stack = testStack();
    new SloAlarmSet(stack, 'S', { serviceName: 'checkout', slos: [plainAvailability()] });
    Template.fromStack(stack).resourceCountIs('AWS::ApplicationSignals::ServiceLevelObjective', 0);
  });

  test('a request-based SLO per SLO: bad and total counts, goal, rolling window, burn-rate look-backs', () => {
    const stack = testStack();
    new SloAlarmSet(stack, 'S', { serviceName: 'checkout', slos: [plainAvailability()], applicationSignals: true });
    Template.fromStack(stack).hasResourceProperties('AWS::ApplicationSignals::ServiceLevelObjective', {
      Name: 'checkout Availability',
      Goal: { AttainmentGoal: 99.9, Interval: { RollingInterval: { Duration: 30, DurationUnit: 'DAY' } } },
      RequestBasedSli: {
        RequestBasedSliMetric: {
          TotalRequestCountMetric: [{ Id: 'total', ReturnData: true, MetricStat: { Metric: { Namespace: 'Shop', MetricName: 'Requests', Dimensions: [{ Name: 'Service', Value: 'checkout' }] }, Period: 60, Stat: 'Sum' } }],
          MonitoredRequestCountMetric: { BadCountMetric: [Match.objectLike({ Id: 'bad', ReturnData: true, MetricStat: Match.objectLike({ Stat: 'Sum', Period: 60 }) })] },
        },
      },
      BurnRateConfigurations: [5, 30, 60, 120, 360, 1_440, 4_320].map((m) => ({ LookBackWindowMinutes: m })),
    });
  });

  test('latency: bad count derived from the percentile rank', () => {
    const stack = testStack();
    new SloAlarmSet(stack, 'S', {
      serviceName: 'checkout',
      applicationSignals: true,
      slos: [ServiceLevelObjective.albLatency({ objectivePercent: 99, loadBalancer: importedAlb(stack), threshold: Duration.millis(300) })],
    });
    Template.fromStack(stack).hasResourceProperties('AWS::ApplicationSignals::ServiceLevelObjective', {
      RequestBasedSli: {
        RequestBasedSliMetric: {
          MonitoredRequestCountMetric: {
            BadCountMetric: Match.arrayWith([
              { Id: 'bad', Expression: 'samples * (100 - fast) / 100', ReturnData: true },
              Match.objectLike({ Id: 'fast', ReturnData: false, MetricStat: Match.objectLike({ Stat: 'PR(:0.3)' }) }),
            ]),
          },
        },
      },
    });
  });

  test('adds no compliance finding', () => {
    const result = synthWithCompliance((app) => {
      const stack = new Stack(app, 'Signals', { env: { account: '111111111111', region: 'us-east-1' } });
      // ReliabilityChecks wants the page and ticket alarms to notify someone.
      const onCall = new actions.SnsAction(sns.Topic.fromTopicArn(stack, 'OnCall', 'arn:aws:sns:us-east-1:111111111111:on-call'));
      new SloAlarmSet(stack, 'S', {
        serviceName: 'checkout', slos: [plainAvailability()], applicationSignals: true, pageActions: [onCall], ticketActions: [onCall],
      });
    });
    expect(formatFindings(result.findings)).toBe('');
  });

  test('names keep to the Application Signals pattern', () => {
    expect(applicationSignalsName('check/out', 'p99 (fast)')).toBe('check-out p99 -fast-');
    expect(applicationSignalsName('__x', 'y')).toBe('x y');
    expect(applicationSignalsName('a'.repeat(200), 'b')).toHaveLength(128);
  });
});
