import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack, aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as actions, aws_sns as sns } from 'aws-cdk-lib';
import { ServiceLevelObjective, SloAlarmSet, SloWindow } from '../src/slo';

/**
 * An availability and a latency SLO on custom metrics (the test publishes none, so every window
 * reads "no data" and stays OK: missing data is not breaching). The assertions read the deployed
 * alarms back from CloudWatch: the 1 h window's threshold and period, the 5-minute window read over
 * the 10-minute hold and the still-burning alarm (the same 10 minutes at 1x), and the page composite's
 * rule (the pairs as AND groups, ORed) and action.
 */
const app = new App();
const stack = new Stack(app, 'SloAlarmSetInteg');

const pageTopic = new sns.Topic(stack, 'PageTopic', { enforceSSL: true });
const ticketTopic = new sns.Topic(stack, 'TicketTopic', { enforceSSL: true });
const metric = (metricName: string) => new cloudwatch.Metric({ namespace: 'CdkReliabilityInteg', metricName, dimensionsMap: { Service: 'checkout' } });

const set = new SloAlarmSet(stack, 'Checkout', {
  serviceName: 'checkout',
  window: SloWindow.ROLLING_30_DAYS,
  slos: [
    ServiceLevelObjective.availability({ name: 'Availability', objectivePercent: 99.9, badEvents: metric('Errors'), validEvents: metric('Requests') }),
    ServiceLevelObjective.latency({ name: 'Latency', objectivePercent: 99, latencyMetric: metric('Latency'), threshold: Duration.millis(300) }),
  ],
  pageActions: [new actions.SnsAction(pageTopic)],
  ticketActions: [new actions.SnsAction(ticketTopic)],
  minimumValidEvents: 10,
  runbookUrl: 'https://runbooks.example.com/checkout',
});
new cloudwatch.Dashboard(stack, 'Dashboard', { widgets: [set.widgets()] });

const availabilityAlarm = (id: string) => set.alarmsFor('Availability').find((a) => a.node.id === id)!;
const pageLong = availabilityAlarm('Page1h5mLong');
const pageShort = availabilityAlarm('Page1h5mShort');
const stillBurning = availabilityAlarm('StillBurning10m');
const integ = new IntegTest(app, 'SloAlarmSetTest', { testCases: [stack] });

integ.assertions
  .awsApiCall('CloudWatch', 'describeAlarms', { AlarmNames: [pageLong.alarmName] })
  .expect(ExpectedResult.objectLike({
    MetricAlarms: Match.arrayWith([Match.objectLike({
      Threshold: 0.0144,
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
      Metrics: Match.arrayWith([Match.objectLike({ Id: 'bad', MetricStat: Match.objectLike({ Period: 3600, Stat: 'Sum' }) })]),
    })]),
  }));

/** The deployed alarm reads one 10-minute datapoint at `threshold`, with this missing-data treatment. */
const expectTenMinuteHold = (alarm: cloudwatch.IAlarm, threshold: number, treatMissingData: string) => integ.assertions
  .awsApiCall('CloudWatch', 'describeAlarms', { AlarmNames: [alarm.alarmName] })
  .expect(ExpectedResult.objectLike({
    MetricAlarms: Match.arrayWith([Match.objectLike({
      Threshold: threshold,
      EvaluationPeriods: 1,
      DatapointsToAlarm: 1,
      TreatMissingData: treatMissingData,
      Metrics: Match.arrayWith([Match.objectLike({ Id: 'bad', MetricStat: Match.objectLike({ Period: 600, Stat: 'Sum' }) })]),
    })]),
  }));

// The 5-minute page window is read over the 10-minute hold (one datapoint): one page holds through bursts up to 10 minutes apart.
expectTenMinuteHold(pageShort, 0.0144, 'notBreaching');
// The condition that lets the 6 h / 30 min page pair clear within 10 minutes of the last bad minute.
expectTenMinuteHold(stillBurning, 0.001, 'ignore');

integ.assertions
  .awsApiCall('CloudWatch', 'describeAlarms', { AlarmNames: [set.pageAlarm.alarmName], AlarmTypes: ['CompositeAlarm'] })
  .expect(ExpectedResult.objectLike({
    CompositeAlarms: Match.arrayWith([Match.objectLike({
      AlarmActions: [pageTopic.topicArn],
      // The pairs are AND groups of the rule itself: no composite per pair.
      AlarmRule: Match.stringLikeRegexp('^\\(\\(ALARM\\(.+\\) AND ALARM\\(.+\\)\\) OR \\('),
    })]),
  }));
