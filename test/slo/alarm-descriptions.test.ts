import {
  DescribedSlo, pairAlarmDescription, severityAlarmDescription, stillBurningAlarmDescription, windowAlarmDescription,
} from '../../src/slo/alarm-descriptions';
import { defaultAlertRequests, planAlerts } from '../../src/slo/alert-plan';

const slo: DescribedSlo = { serviceName: 'checkout', sloName: 'Availability', objectivePercent: 99.9, windowDays: 30, badEventsLabel: '5XX responses', minimumValidEvents: 0, minimumBadEvents: 0 };
const [page1h] = planAlerts(99.9, 30, defaultAlertRequests(30)).kept;

describe('alarm descriptions', () => {
  test('a window alarm says which window, threshold and burn rate', () => {
    expect(windowAlarmDescription(slo, page1h, 'short')).toBe(
      'checkout Availability SLO (99.9% over 30 days): 5XX responses were more than 1.44% of valid events over the last 5 minutes '
      + '(burn rate 14.4x). This is the short window of the PAGE pair; it notifies nobody alone, the pair fires when the 1 hour window agrees.');
  });

  test('the guard is mentioned when set', () => {
    expect(windowAlarmDescription({ ...slo, minimumValidEvents: 30 }, page1h, 'long')).toMatch(/Windows with fewer than 30 valid events never fire\.$/);
  });

  test('a pair says the budget spent and how long the rest lasts', () => {
    expect(pairAlarmDescription(slo, page1h, undefined, 'https://r.example/x')).toBe(
      'PAGE: checkout Availability SLO (99.9% over 30 days) is burning its error budget at 14.4x or faster: 5XX responses were more than '
      + '1.44% of valid events over both the last 1 hour and the last 5 minutes. When it fires, 2% of the 30-day error budget is spent; '
      + 'at this rate the whole budget lasts 2.1 days. Runbook: https://r.example/x');
  });

  test('the bad-event minimum is mentioned on long windows and pairs, not on short windows', () => {
    const guarded = { ...slo, minimumBadEvents: 3 };
    expect(windowAlarmDescription(guarded, page1h, 'long')).toMatch(/This window needs at least 3 bad events to fire\.$/);
    expect(windowAlarmDescription(guarded, page1h, 'short')).not.toMatch(/bad events to fire/);
    expect(pairAlarmDescription(guarded, page1h, undefined)).toMatch(/The long window needs at least 3 bad events to fire\.$/);
  });

  test('a pair with the still-burning condition says when it clears', () => {
    const [, page6h] = planAlerts(99.9, 30, defaultAlertRequests(30)).kept;
    expect(pairAlarmDescription(slo, page6h, 300)).toMatch(/It clears as soon as the last 5 minutes burn slower than the budget \(1x\)\.$/);
  });

  test('the still-burning alarm says its threshold and that it notifies nobody', () => {
    expect(stillBurningAlarmDescription(slo, 300)).toBe(
      'checkout Availability SLO (99.9% over 30 days): 5XX responses were more than 0.1% of valid events over the last 5 minutes '
      + '(burn rate 1x: the budget is still being spent faster than it lasts). It notifies nobody alone: page pairs with a long '
      + 'short window fire only while it is in ALARM, so they clear within 5 minutes of recovery. Without data it keeps its state.');
  });

  test('a long description is cut to 1,024 characters, keeping the runbook whole', () => {
    const labels = Array.from({ length: 100 }, (_, i) => `SLO number ${i} 1h/5m at 14.4x`);
    const text = severityAlarmDescription('checkout', 'PAGE', labels, 'https://runbooks.example.com/checkout');
    expect(text).toHaveLength(1_024);
    expect(text.endsWith('… Runbook: https://runbooks.example.com/checkout')).toBe(true);
  });

  test('severity alarms name their pairs', () => {
    expect(severityAlarmDescription('checkout', 'TICKET', ['A 1d/2h at 3x', 'A 3d/6h at 1x'])).toBe(
      'TICKET: checkout is burning an SLO error budget steadily enough to need a ticket. The child pair alarm in ALARM says which SLO '
      + 'and window pair. Pairs: A 1d/2h at 3x; A 3d/6h at 1x.');
  });
});
