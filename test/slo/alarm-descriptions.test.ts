import {
  DescribedSlo, severityAlarmDescription, stillBurningAlarmDescription, windowAlarmDescription,
} from '../../src/slo/alarm-descriptions';
import { defaultAlertRequests, planAlerts } from '../../src/slo/alert-plan';

const slo: DescribedSlo = { serviceName: 'checkout', sloName: 'Availability', objectivePercent: 99.9, windowDays: 30, badEventsLabel: '5XX responses', minimumValidEvents: 0, minimumBadEvents: 0 };
const [page1h] = planAlerts(99.9, 30, defaultAlertRequests(30)).kept;

describe('alarm descriptions', () => {
  test('a window alarm says which window, threshold, burn rate and budget; a page short window says it is read over the hold', () => {
    expect(windowAlarmDescription(slo, page1h, 'short')).toBe(
      'checkout Availability SLO (99.9% over 30 days): 5XX responses were more than 1.44% of valid events over the last 10 minutes '
      + '(burn rate 14.4x). This is the short window of the PAGE pair (2% of the 30-day budget spent when it fires; at this rate the whole '
      + 'budget lasts 2.1 days); it notifies nobody alone, the page alarm fires when the 1 hour window agrees. '
      + "The pair's short window (5 minutes) is read over the whole hold (the last 10 minutes), so one page holds through an incident.");
    expect(windowAlarmDescription(slo, page1h, 'long', 'https://r.example/x')).toMatch(/when the 5 minutes window agrees\. Runbook: https:\/\/r\.example\/x$/);
  });

  test('the guard is mentioned when set', () => {
    expect(windowAlarmDescription({ ...slo, minimumValidEvents: 30 }, page1h, 'long')).toMatch(/Windows with fewer than 30 valid events never fire\.$/);
  });

  test('the bad-event minimum is mentioned on long windows, not on short windows', () => {
    const guarded = { ...slo, minimumBadEvents: 3 };
    expect(windowAlarmDescription(guarded, page1h, 'long')).toMatch(/This window needs at least 3 bad events to fire\.$/);
    expect(windowAlarmDescription(guarded, page1h, 'short')).not.toMatch(/bad events to fire/);
  });

  test('the still-burning alarm says its threshold, its 10-minute look-back and that it notifies nobody', () => {
    expect(stillBurningAlarmDescription(slo, 600)).toBe(
      'checkout Availability SLO (99.9% over 30 days): 5XX responses were more than 0.1% of valid events over the '
      + 'last 10 minutes (burn rate 1x: the budget is still being spent faster than it lasts). It notifies nobody alone: page pairs with a long '
      + 'short window fire only while it is in ALARM, so they clear within 10 minutes of recovery. Without data it keeps its state.');
  });

  test('a long description is cut to 1,024 characters, keeping the runbook whole', () => {
    const labels = Array.from({ length: 100 }, (_, i) => `SLO number ${i} 1h/5m at 14.4x`);
    const text = severityAlarmDescription('checkout', 'PAGE', labels, 'https://runbooks.example.com/checkout');
    expect(text).toHaveLength(1_024);
    expect(text.endsWith('… Runbook: https://runbooks.example.com/checkout')).toBe(true);
  });

  test('severity alarms name their pairs; the page alarm says how a page holds and clears', () => {
    expect(severityAlarmDescription('checkout', 'TICKET', ['A 1d/2h at 3x', 'A 3d/6h at 1x'])).toBe(
      'TICKET: checkout is burning an SLO error budget steadily enough to need a ticket. The window alarms in ALARM say which SLO '
      + 'and window pair (each pair: long AND short window). Pairs: A 1d/2h at 3x; A 3d/6h at 1x.');
    expect(severityAlarmDescription('checkout', 'PAGE', ['A 1h/5m at 14.4x'])).toContain(
      'It holds while the SLO burned in the last 10 minutes and clears within 10 minutes of the last burning window. Pairs: A 1h/5m at 14.4x.');
  });
});
