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
    row(['trace', 'expected', 'theoretical detection', 'fired', 'pages', 'pages per incident', 'detection', 'Δ vs theory', 'reset after last bad minute',
      ...(pairs ? ['reset per page pair'] : [])]),
    row(['---', '---', '---:', '---', '---:', '---:', '---:', '---:', '---:', ...(pairs ? ['---'] : [])]),
  ];
  for (const r of results) {
    const o = r.outcomes[setIndex];
    const expected = r.label.literal === r.label.expected ? r.label.expected : `${r.label.expected} (literal: ${r.label.literal})`;
    // One value per incident that calls for the trace's expected severity, joined by " / ".
    const scored = o.incidents.map((inc, k) => ({ inc, label: r.label.incidents[k] })).filter((x) => x.label.expected === r.label.expected && x.label.expected !== 'none');
    const perIncident = (f: (x: (typeof scored)[number]) => string) => (scored.length > 0 ? scored.map(f).join(' / ') : '—');
    const paging = r.label.expected === 'page';
    const detection = paging ? perIncident((x) => minutes(x.inc.detectionMinutes)) : minutes(o.detectionMinutes);
    const delta = paging
      ? perIncident((x) => (x.inc.detectionMinutes !== undefined && x.label.theoreticalDetectionMinutes !== undefined
        ? signed(x.inc.detectionMinutes - x.label.theoreticalDetectionMinutes) : '—'))
      : (r.label.theoreticalDetectionMinutes !== undefined && o.detectionMinutes !== undefined ? signed(o.detectionMinutes - r.label.theoreticalDetectionMinutes) : '—');
    const reset = paging
      ? perIncident((x) => (x.inc.pages === 0 ? '—' : x.inc.resetMinutes === undefined ? 'not in replay' : minutes(x.inc.resetMinutes)))
      : (o.detectionMinutes === undefined ? '—' : o.resetMinutes === undefined ? 'not in replay' : minutes(o.resetMinutes));
    const pages = o.falsePages > 0 ? `${o.pages.length} (${o.falsePages} false)` : `${o.pages.length}`;
    const pairCell = o.pairResets.map((p) => `${p.label}: ${p.resetMinutes === undefined ? 'not in replay' : minutes(p.resetMinutes)}`).join('; ') || '—';
    lines.push(row([`\`${r.trace.name}\`: ${r.trace.description}`, expected, paging ? perIncident((x) => minutes(x.label.theoreticalDetectionMinutes)) : minutes(r.label.theoreticalDetectionMinutes),
      o.fired, pages, paging ? perIncident((x) => String(x.inc.pages)) : '—', detection, delta, reset, ...(pairs ? [pairCell] : [])]));
  }
  const t = totals(results, setIndex);
  lines.push('', `Missed pages: **${t.missedPages}** · false pages: **${t.falsePages}** · pages per incident: worst **${t.worstPagesPerIncident}**, `
    + `mean **${t.meanPagesPerIncident}** · median detection: **${minutes(t.medianDetectionMinutes)}** · median page reset: **${minutes(t.medianResetMinutes)}**`
    + `${set.monthlyCostUsd !== undefined ? ` · monthly cost of the set: **$${set.monthlyCostUsd.toFixed(2)}**` : ''}`);
  return lines.join('\n');
}

/** One line per alarm set: the corpus totals side by side, with the monthly cost. */
export function summaryTable(results: readonly TraceResult[], sets: readonly AlarmSetUnderTest[]): string {
  const lines = [
    row(['alarm set', 'missed pages', 'false pages', 'pages per incident (worst / mean)', 'median detection', 'median reset', '$/month']),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:']),
  ];
  sets.forEach((s, i) => {
    const t = totals(results, i);
    lines.push(row([s.name, String(t.missedPages), String(t.falsePages), `${t.worstPagesPerIncident} / ${t.meanPagesPerIncident}`,
      minutes(t.medianDetectionMinutes), minutes(t.medianResetMinutes), s.monthlyCostUsd === undefined ? '—' : `$${s.monthlyCostUsd.toFixed(2)}`]));
  });
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
