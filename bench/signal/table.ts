/** Markdown tables of the benchmark results. */
import type { AlarmSetUnderTest } from './bench-stack';
import { TraceResult, totals } from './benchmark';

const minutes = (m: number | undefined, suffix = ''): string => (m === undefined ? '—' : `${Number.isInteger(m) ? m : m.toFixed(1)} min${suffix}`);

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** One table for one alarm set: a row per trace, then the totals. */
export function alarmSetTable(results: readonly TraceResult[], set: AlarmSetUnderTest, setIndex: number): string {
  const pairs = set.pagePairs !== undefined;
  const lines = [
    `### ${set.name}`,
    '',
    row(['trace', 'expected', 'theoretical detection', 'fired', 'pages', 'detection', 'Δ vs theory', 'reset after end', ...(pairs ? ['reset per page pair'] : [])]),
    row(['---', '---', '---:', '---', '---:', '---:', '---:', '---:', ...(pairs ? ['---'] : [])]),
  ];
  for (const r of results) {
    const o = r.outcomes[setIndex];
    const expected = r.label.literal === r.label.expected ? r.label.expected : `${r.label.expected} (literal: ${r.label.literal})`;
    const theory = r.label.theoreticalDetectionMinutes;
    const delta = theory !== undefined && o.detectionMinutes !== undefined ? signed(o.detectionMinutes - theory) : '—';
    const pages = o.falsePages > 0 ? `${o.pages.length} (${o.falsePages} false)` : `${o.pages.length}`;
    const reset = o.detectionMinutes === undefined ? '—' : o.resetMinutes === undefined ? 'not in replay' : minutes(o.resetMinutes);
    const pairCell = o.pairResets.map((p) => `${p.label}: ${p.resetMinutes === undefined ? 'not in replay' : minutes(p.resetMinutes)}`).join('; ') || '—';
    lines.push(row([`\`${r.trace.name}\`: ${r.trace.description}`, expected, minutes(theory), o.fired, pages, minutes(o.detectionMinutes), delta, reset,
      ...(pairs ? [pairCell] : [])]));
  }
  const t = totals(results, setIndex);
  lines.push('', `Missed pages: **${t.missedPages}** · false pages: **${t.falsePages}** · median detection: **${minutes(t.medianDetectionMinutes)}** · median page reset: **${minutes(t.medianResetMinutes)}**`);
  return lines.join('\n');
}

function signed(m: number): string {
  return `${m > 0 ? '+' : m < 0 ? '−' : '±'}${Math.abs(m)} min`;
}

/** The same traces through two alarm sets side by side (the low-traffic guard). */
export function comparisonTable(results: readonly TraceResult[], sets: readonly AlarmSetUnderTest[], indexes: readonly number[]): string {
  const lines = [
    row(['trace', 'expected', ...indexes.map((i) => `${sets[i].name}: fired (pages)`)]),
    row(['---', '---', ...indexes.map(() => '---')]),
  ];
  for (const r of results) {
    lines.push(row([`\`${r.trace.name}\``, r.label.expected, ...indexes.map((i) => {
      const o = r.outcomes[i];
      return `${o.fired} (${o.pages.length}${o.falsePages > 0 ? `, ${o.falsePages} false` : ''})`;
    })]));
  }
  return lines.join('\n');
}

/** The labels with the budget each criterion's window spent at its worst. */
export function labelTable(results: readonly TraceResult[]): string {
  const lines = [
    row(['trace', 'peak % of budget in 1 h', 'in 6 h', 'in 3 d', 'literal label', 'expected']),
    row(['---', '---:', '---:', '---:', '---', '---']),
  ];
  for (const r of results) {
    const [h1, h6, d3] = r.label.peakBudgetPercent.map((p) => p.toFixed(2));
    lines.push(row([`\`${r.trace.name}\``, h1, h6, d3, r.label.literal, r.label.expected]));
  }
  return lines.join('\n');
}
