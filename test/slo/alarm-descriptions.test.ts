import { DescribedSlo, pairAlarmDescription, severityAlarmDescription, windowAlarmDescription } from '../../src/slo/alarm-descriptions';
import { defaultAlertRequests, planAlerts } from '../../src/slo/alert-plan';

const slo: DescribedSlo = { serviceName: 'checkout', sloName: 'Availability', objectivePercent: 99.9, windowDays: 30, badEventsLabel: '5XX responses', minimumValidEvents: 0 };
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
    expect(pairAlarmDescription(slo, page1h, 'https://r.example/x')).toBe(
      'PAGE: checkout Availability SLO (99.9% over 30 days) is burning its error budget at 14.4x or faster: 5XX responses were more than '
      + '1.44% of valid events over both the last 1 hour and the last 5 minutes. When it fires, 2% of the 30-day error budget is spent; '
      + 'at this rate the whole budget lasts 2.1 days. Runbook: https://r.example/x');
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
