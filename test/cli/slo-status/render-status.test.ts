import { renderStatusText } from '../../../src/cli/slo-status/render-status';
import { needsAttention, SloStatus } from '../../../src/cli/slo-status/slo-status-model';

const status: SloStatus = {
  stack: 'Api',
  service: 'checkout',
  name: 'Availability',
  objectivePercent: 99.9,
  windowName: 'ROLLING_30_DAYS',
  windowSeconds: 2_592_000,
  errorRatio: 0.0005,
  attainmentPercent: 99.95,
  errorBudgetRemainingPercent: 50,
  errorBudgetRemainingMinutes: 21.6,
  alerts: [{ severity: 'PAGE', alertBurnRate: 14.4, longWindowSeconds: 3600, shortWindowSeconds: 300, longBurnRate: 20, shortBurnRate: null, firing: false }],
};

describe('slo-status output', () => {
  test('text block per SLO', () => {
    expect(renderStatusText([status], new Date('2026-06-01T00:00:00Z'))).toBe([
      'SLO status at 2026-06-01T00:00:00.000Z',
      '',
      'checkout / Availability (Api): objective 99.9% over 30 d',
      '  attainment 99.950%, error budget remaining 50.0% (21.6 min of full outage)',
      '  PAGE      1 h:   20.00×   5 min:  no data  alerts at 14.4×',
      '',
    ].join('\n'));
  });

  test('needsAttention: spent budget or a firing pair', () => {
    expect(needsAttention(status)).toBe(false);
    expect(needsAttention({ ...status, errorBudgetRemainingPercent: -1 })).toBe(true);
    expect(needsAttention({ ...status, alerts: [{ ...status.alerts[0], firing: true }] })).toBe(true);
    expect(needsAttention({ ...status, errorBudgetRemainingPercent: null })).toBe(false);
  });
});
