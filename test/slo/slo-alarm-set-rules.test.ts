import { Duration } from 'aws-cdk-lib';
import { AlertSeverity } from '../../src/slo/alert-severity';
import * as rules from '../../src/slo/slo-alarm-set-rules';

const O = "SloAlarmSet 'Checkout'";

describe('SloAlarmSet rules (pure)', () => {
  test('service name: 1 to 128 characters', () => {
    expect(() => rules.checkServiceName(O, 'checkout')).not.toThrow();
    expect(() => rules.checkServiceName(O, ' ')).toThrow(`${O}: serviceName must be a non-empty string of at most 128 characters, got " "`);
    expect(() => rules.checkServiceName(O, 'x'.repeat(129))).toThrow(/serviceName must be a non-empty string of at most 128 characters/);
  });

  test('at most 5 actions per state; ticket actions required with page actions', () => {
    expect(() => rules.checkActionCount(O, 'pageActions', [1, 2, 3, 4, 5])).not.toThrow();
    expect(() => rules.checkActionCount(O, 'pageActions', [1, 2, 3, 4, 5, 6])).toThrow(`${O}: pageActions must hold at most 5 actions (a CloudWatch limit per alarm state)`);
    expect(() => rules.checkTicketRoute(O, [1], undefined)).toThrow(/ticketActions must hold at least one action when pageActions are given/);
    expect(() => rules.checkTicketRoute(O, undefined, undefined)).not.toThrow();
  });

  test('event minimums are whole numbers of 0 or more; runbook links are http(s) without spaces', () => {
    expect(() => rules.checkEventMinimum(O, 'minimumBadEvents', 0)).not.toThrow();
    expect(() => rules.checkEventMinimum(O, 'minimumBadEvents', 2.5)).toThrow(`${O}: minimumBadEvents must be a whole number of 0 or more, got 2.5`);
    expect(() => rules.checkEventMinimum(O, 'minimumValidEvents', -1)).toThrow(/minimumValidEvents must be a whole number of 0 or more, got -1/);
    expect(() => rules.checkRunbookUrl(O, 'https://runbooks.example.com/x')).not.toThrow();
    expect(() => rules.checkRunbookUrl(O, 'ftp://x')).toThrow(/runbookUrl must be an http\(s\) URL/);
  });

  test('custom pairs: both severities, a positive burn rate, short < long, no duplicate', () => {
    expect(() => rules.checkBothSeverities(O, ['PAGE'])).toThrow(`${O}: burnRateAlerts must hold at least one TICKET alert (pageAlarm and ticketAlarm both need a child), got "PAGE"`);
    const page = rules.toAlertRequest(O, 'burnRateAlerts[0]', { severity: AlertSeverity.PAGE, longWindow: Duration.hours(1), burnRate: 14.4 });
    expect(page).toEqual({ severity: 'PAGE', longWindowSeconds: 3_600, shortWindowSeconds: 300, burnRate: 14.4 });
    expect(() => rules.toAlertRequest(O, 'burnRateAlerts[0]', { severity: AlertSeverity.PAGE, longWindow: Duration.hours(1), burnRate: 0 }))
      .toThrow(`${O}: burnRateAlerts[0].burnRate must be a number above 0, got 0`);
    expect(() => rules.toAlertRequest(O, 'burnRateAlerts[0]', { severity: AlertSeverity.PAGE, longWindow: Duration.hours(1), shortWindow: Duration.hours(1), burnRate: 2 }))
      .toThrow(/burnRateAlerts\[0\]\.shortWindow must be shorter than longWindow \(1 hour\)/);
    expect(() => rules.checkDistinctPairs(O, [page, page])).toThrow(`${O}: burnRateAlerts[1] must differ from every other alert in severity or windows, got "PAGE 1h/5m"`);
  });

  test('CloudWatch limits: 10 metrics per math alarm, 100 composite children, 10,240 rule characters; a severity left without pairs', () => {
    expect(() => rules.checkMetricCount(O, 'slos[0]', 10)).not.toThrow();
    expect(() => rules.checkMetricCount(O, 'slos[0]', 11)).toThrow(/slos\[0\] must reference at most 10 metrics/);
    expect(() => rules.checkCompositeLimits(O, 'pageAlarm', 100, 10_240)).not.toThrow();
    expect(() => rules.checkCompositeLimits(O, 'pageAlarm', 101, 100)).toThrow(/pageAlarm must have at most 100 child alarms .*, got 101$/);
    expect(() => rules.checkCompositeLimits(O, 'ticketAlarm', 4, 10_241)).toThrow(/ticketAlarm must have a rule of at most 10240 characters .*, got 10241$/);
    expect(() => rules.checkSeverityLeft(O, 'PAGE', 0, [80])).toThrow(`${O}: slos must leave at least one PAGE pair that can fire, got none (objectives 80;`);
  });
});
