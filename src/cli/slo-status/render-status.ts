import { SloStatus } from './slo-status-model';
import { humanSeconds } from '../report/collect-slos';

const fixed = (value: number | null, digits: number, suffix = '') => (value === null ? 'no data' : `${value.toFixed(digits)}${suffix}`);

/** One block per SLO: attainment, budget left, and the burn rate of every alert window. */
export function renderStatusText(statuses: readonly SloStatus[], at: Date): string {
  const lines = [`SLO status at ${at.toISOString()}`, ''];
  for (const s of statuses) {
    lines.push(`${s.service} / ${s.name} (${s.stack}): objective ${s.objectivePercent}% over ${humanSeconds(s.windowSeconds)}`);
    lines.push(`  attainment ${fixed(s.attainmentPercent, 3, '%')}, error budget remaining ${fixed(s.errorBudgetRemainingPercent, 1, '%')}`
      + ` (${fixed(s.errorBudgetRemainingMinutes, 1, ' min')} of full outage)`);
    for (const a of s.alerts) {
      lines.push(`  ${a.severity.padEnd(6)} ${humanSeconds(a.longWindowSeconds).padStart(6)}: ${fixed(a.longBurnRate, 2, '×').padStart(8)}`
        + `  ${humanSeconds(a.shortWindowSeconds).padStart(6)}: ${fixed(a.shortBurnRate, 2, '×').padStart(8)}`
        + `  alerts at ${a.alertBurnRate}×${a.firing ? '  FIRING' : ''}`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
