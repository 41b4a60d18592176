import escapeHtml from 'escape-html';
import { ServiceForecast } from './forecast-service';
import { isoDay } from '../../capacity/capacity-forecast';

/** The `--json` document: the contract's fields per service, then notes. */
export function capacityJson(forecasts: readonly ServiceForecast[]): unknown {
  return {
    services: forecasts.map((f) => ({
      stack: f.stack,
      logicalId: f.logicalId,
      maxCapacity: f.maxCapacity,
      peakTasksNeeded: f.peakTasksNeeded,
      growthPerDay: f.growthPerDay,
      daysToLimit: f.daysToLimit,
      limitDate: f.limitDate,
      daysToLimitRange: f.daysToLimitRange,
      weeklySeasonality: f.weeklySeasonality,
      quotas: f.quotas,
      sources: f.sources,
      notes: f.notes,
    })),
  };
}

function when(f: ServiceForecast): string {
  if (f.growthPerDay === null) return 'no forecast';
  if (f.daysToLimit === null) return 'not within two years';
  const range = f.daysToLimitRange;
  const band = range && (range.earliest !== null || range.latest !== null)
    ? ` (90 % band: ${range.earliest ?? '?'} to ${range.latest ?? 'beyond two years'} days)` : '';
  return f.daysToLimit === 0 ? `already at the limit${band}` : `in ${f.daysToLimit} days, ${f.limitDate}${band}`;
}

function growth(f: ServiceForecast): string {
  return f.growthPerDay === null ? '–' : `${f.growthPerDay >= 0 ? '+' : ''}${f.growthPerDay} tasks/day`;
}

/** One line per service for the terminal. */
function quotaWhen(q: ServiceForecast['quotas'][number]): string {
  return `${q.name} (${q.usage} of ${q.quota} used, room for ${q.limitTasks} tasks): `
    + (q.daysToLimit === null ? 'not within two years' : q.daysToLimit === 0 ? 'already reached' : `in ${q.daysToLimit} days, ${q.limitDate}`);
}

export function capacityText(forecasts: readonly ServiceForecast[]): string {
  if (forecasts.length === 0) return 'No scalable ECS service in the assembly: nothing to forecast.\n';
  const lines = forecasts.map((f) => `${f.stack}/${f.logicalId}: peak ${f.peakTasksNeeded ?? '–'} of max ${f.maxCapacity} tasks, `
    + `${growth(f)}, reaches the maximum ${when(f)}`
    + f.quotas.map((q) => `\n  quota ${quotaWhen(q)}`).join('')
    + `${f.notes.length ? `\n  note: ${f.notes.join('\n  note: ')}` : ''}`);
  return `${lines.join('\n')}\n`;
}

/** The Markdown summary. */
export function capacityMarkdown(forecasts: readonly ServiceForecast[]): string {
  const lines = ['# Capacity forecast', '', '| Service | Max | Peak tasks needed | Growth | Reaches the maximum | Reaches a quota | Weekly pattern | From |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |'];
  for (const f of forecasts) {
    lines.push(`| \`${f.stack}/${f.logicalId}\` | ${f.maxCapacity} | ${f.peakTasksNeeded ?? '–'} | ${growth(f)} | ${when(f)} | `
      + `${f.quotas.map(quotaWhen).join('; ') || '–'} | ${f.weeklySeasonality ? 'yes' : 'no'} | ${f.sources.join(', ') || '–'} |`);
  }
  const noted = forecasts.filter((f) => f.notes.length);
  if (noted.length) {
    lines.push('', '## Notes', '');
    for (const f of noted) for (const n of f.notes) lines.push(`- \`${f.stack}/${f.logicalId}\`: ${n}`);
  }
  return `${lines.join('\n')}\n`;
}

const W = 640;
const H = 240;
const PAD = { left: 40, right: 10, top: 10, bottom: 24 };

/**
 * One chart: daily peaks (dots and line), the forecast (dashed) inside its 90 % band (shaded), and
 * the maximum capacity (red line). Inline SVG, no script, no external asset.
 */
export function capacityChart(f: ServiceForecast): string {
  if (f.history.length === 0) return '<p class="none">No history to draw.</p>';
  const first = f.history[0].day;
  const last = f.forecast.length ? f.forecast[f.forecast.length - 1].day : f.history[f.history.length - 1].day;
  const top = Math.max(f.maxCapacity, ...f.history.map((p) => p.peak), ...f.forecast.map((p) => p.high),
    ...f.quotas.map((q) => q.limitTasks).filter((l) => l < 2 * f.maxCapacity)) * 1.1;
  const bottom = Math.min(0, ...f.forecast.map((p) => p.low));
  const x = (day: number) => (PAD.left + ((day - first) / Math.max(1, last - first)) * (W - PAD.left - PAD.right)).toFixed(1);
  const y = (v: number) => (PAD.top + (1 - (v - bottom) / (top - bottom)) * (H - PAD.top - PAD.bottom)).toFixed(1);
  const path = (pts: Array<[number, number]>) => pts.map(([d, v], i) => `${i ? 'L' : 'M'}${x(d)},${y(v)}`).join(' ');
  const band = f.forecast.length
    ? `<path class="band" d="${path(f.forecast.map((p) => [p.day, p.high]))} ${f.forecast.slice().reverse().map((p) => `L${x(p.day)},${y(p.low)}`).join(' ')} Z"/>`
    : '';
  const forecast = f.forecast.length ? `<path class="forecast" d="${path(f.forecast.map((p) => [p.day, p.expected]))}"/>` : '';
  const limitY = y(f.maxCapacity);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" `
    + `aria-label="Daily peak of tasks needed by ${e(f.stack)}/${e(f.logicalId)}, forecast and maximum capacity">`
    + `<line class="axis" x1="${PAD.left}" y1="${y(bottom)}" x2="${W - PAD.right}" y2="${y(bottom)}"/>`
    + band + forecast
    + `<path class="history" d="${path(f.history.map((p) => [p.day, p.peak]))}"/>`
    + f.history.map((p) => `<circle class="peak" cx="${x(p.day)}" cy="${y(p.peak)}" r="2"/>`).join('')
    + `<line class="limit" x1="${PAD.left}" y1="${limitY}" x2="${W - PAD.right}" y2="${limitY}"/>`
    + f.quotas.filter((q) => q.limitTasks <= top).map((q) => `<line class="quota" x1="${PAD.left}" y1="${y(q.limitTasks)}" x2="${W - PAD.right}" y2="${y(q.limitTasks)}"/>`
      + `<text x="${W - PAD.right - 4}" y="${Number(y(q.limitTasks)) - 4}" text-anchor="end">${e(q.name)} ${formatTasks(q.limitTasks)}</text>`).join('')
    + `<text x="${PAD.left + 4}" y="${Number(limitY) - 4}">max ${f.maxCapacity}</text>`
    + `<text x="${PAD.left}" y="${H - 6}">${isoDay(first)}</text>`
    + `<text x="${W - PAD.right}" y="${H - 6}" text-anchor="end">${isoDay(last)}</text>`
    + `<text x="4" y="${Number(y(top / 1.1)) + 4}">${formatTasks(top / 1.1)}</text>`
    + '</svg>';
}

function formatTasks(v: number): string {
  return String(Number(v.toPrecision(3)));
}

/** The HTML page: a summary table and one chart per service. */
export function capacityHtml(forecasts: readonly ServiceForecast[]): string {
  const rows = forecasts.map((f) => `<tr><td><code>${e(f.stack)}/${e(f.logicalId)}</code></td><td>${f.maxCapacity}</td>`
    + `<td>${f.peakTasksNeeded ?? '–'}</td><td>${e(growth(f))}</td><td>${e(when(f))}</td><td>${e(f.quotas.map(quotaWhen).join('; ') || '–')}</td></tr>`).join('\n');
  const sections = forecasts.map((f) => `<section class="service" id="${e(`${f.stack}-${f.logicalId}`)}">
<h2>${e(f.stack)}/${e(f.logicalId)}</h2>
<p><code>${e(f.constructPath)}</code> · needs from ${e(f.sources.join(', ') || 'nothing')} · weekly pattern: ${f.weeklySeasonality ? 'yes' : 'no'}</p>
${capacityChart(f)}
${f.notes.length ? `<ul class="notes">${f.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>` : ''}
</section>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Capacity forecast</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Capacity forecast</h1>
<p>Daily peak of tasks needed to hold each service's target-tracking targets, its trend (Theil–Sen, weekly pattern with three weeks or more) and a 90 % band; the red line is the autoscaling maximum, the dotted amber line the tasks the Fargate vCPU quota leaves room for.</p>
<table id="capacity"><thead><tr><th>Service</th><th>Max</th><th>Peak tasks needed</th><th>Growth</th><th>Reaches the maximum</th><th>Reaches a quota</th></tr></thead><tbody>
${rows}
</tbody></table>
${sections}
</body>
</html>
`;
}

function e(value: string): string {
  return escapeHtml(value);
}

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em; color: #1b1b1b; }
table { border-collapse: collapse; margin: .5em 0 1.5em; }
th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; }
th { background: #f3f5f7; }
svg { background: #fff; border: 1px solid #d0d7de; }
svg text { font-size: 11px; fill: #57606a; }
.axis { stroke: #8c959f; }
.history { fill: none; stroke: #0b5394; stroke-width: 1.5; }
.peak { fill: #0b5394; }
.forecast { fill: none; stroke: #0b5394; stroke-dasharray: 5 4; stroke-width: 1.5; }
.band { fill: #0b5394; fill-opacity: .15; stroke: none; }
.limit { stroke: #b42318; stroke-width: 1.5; }
.quota { stroke: #9a6700; stroke-dasharray: 2 3; stroke-width: 1.5; }
.notes { color: #57606a; }
`;
