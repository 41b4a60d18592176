import escapeHtml from 'escape-html';
import { burnChartSvg } from './burn-chart';
import { ChangeEvent } from './changes';
import { PostmortemModel, SloImpact } from './postmortem-model';

/**
 * The review draft in Markdown and HTML: facts first (window, timeline, budget, burn), then the headings
 * the team fills in. Pure functions of the model; every text from the assembly or CloudWatch is escaped
 * in the HTML with the same library the report uses.
 */

const HEADINGS: Array<[string, string]> = [
  ['Impact', 'Who was affected, how, for how long (start from the budget table).'],
  ['Detection', 'How the incident was noticed; compare with the first page in the timeline.'],
  ['Response', 'What was done, when, by whom; which runbook mitigation helped.'],
  ['What went well', ''],
  ['Action items', 'Owner, due date and ticket for each.'],
];

const TIMELINE_HEADING = 'Timeline: alarm state changes, deployments, rollbacks and experiments';
const NOTHING_HAPPENED = 'No alarm changed state and no change was read in the window.';

/** One line of the timeline: an alarm's new state, or a deployment, rollback or experiment starting. */
interface TimelineRow { readonly at: string; readonly isAlarm: boolean; readonly what: string; readonly event: string }

function changeRow(c: ChangeEvent): TimelineRow {
  const what = c.stack !== null ? `${c.stack}/${c.logicalId}` : 'an experiment template not in the assembly';
  const ended = c.endedAt !== null ? `, ended ${c.endedAt}` : '';
  return { at: c.startedAt, isAlarm: false, what: `${what} (${c.id})`, event: `${c.kind} started: ${c.status}${ended}` };
}

/** Alarm state changes and changes to the system in one time order (a stable sort keeps alarms first on a tie). */
function timeline(model: PostmortemModel): TimelineRow[] {
  return [
    ...model.alarms.flatMap((a) => a.transitions.map((t) => ({ at: t.timestamp, isAlarm: true, what: `${a.stack}/${a.alarmName ?? a.logicalId}`, event: t.state }))),
    ...model.changes.map(changeRow),
  ].sort((a, b) => a.at.localeCompare(b.at));
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function count(value: number | null): string {
  return value === null ? 'not counted (ratio SLI)' : String(Math.round(value));
}

function detectionFact(rows: readonly TimelineRow[]): string {
  const first = rows.find((r) => r.isAlarm && r.event === 'ALARM');
  return first ? `First alarm: ${first.what} went to ALARM at ${first.at}.` : 'No alarm went to ALARM in the window.';
}

export function renderPostmortemMarkdown(model: PostmortemModel): string {
  const rows = timeline(model);
  const md = (text: string) => text.replace(/([|\\`*_])/g, '\\$1');
  const lines = [
    `# Post-incident review (draft): ${iso(model.fromMs)} – ${iso(model.toMs)}`,
    '',
    `Drafted by \`cdk-reliability postmortem\` from the cloud assembly and ${model.source}. Facts first; the team writes the rest.`,
    '',
    '## Incident window',
    '',
    `From ${iso(model.fromMs)} to ${iso(model.toMs)} (${Math.round((model.toMs - model.fromMs) / 60_000)} minutes).`,
    '',
    `## ${TIMELINE_HEADING}`,
    '',
    ...(rows.length === 0 ? [NOTHING_HAPPENED] : ['| time (UTC) | alarm or resource | new state or change |', '|---|---|---|', ...rows.map((r) => `| ${r.at} | ${md(r.what)} | ${md(r.event)} |`)]),
    '',
    '## Error budget consumed',
    '',
    '| stack | SLO | objective | valid events | bad events | share of the SLO window\'s budget |',
    '|---|---|---|---|---|---|',
    ...model.slos.map((s) => `| ${md(s.stack)} | ${md(`${s.service} ${s.name}`)} | ${s.objectivePercent} % | ${count(s.validEvents)} | ${count(s.badEvents)} | ${s.budgetConsumedPercent.toFixed(2)} % |`),
    '',
    'The burn charts are in the HTML draft.',
    '',
    ...(model.notCollected.length > 0 ? ['## Not collected', '', ...model.notCollected.map((n) => `- ${md(n)}`), ''] : []),
    ...(model.warnings.length > 0 ? ['## Warnings', '', ...model.warnings.map((w) => `- ${md(w)}`), ''] : []),
    ...HEADINGS.flatMap(([heading, prompt]) => [`## ${heading}`, '', ...(heading === 'Detection' ? [detectionFact(rows), ''] : []), prompt ? `_${prompt}_` : '_To write._', '']),
  ];
  return lines.join('\n');
}

export function renderPostmortemHtml(model: PostmortemModel): string {
  const e = (text: string) => escapeHtml(text);
  const rows = timeline(model);
  const chart = (s: SloImpact) => burnChartSvg(s.burn, { title: `${s.service} ${s.name}: burn rate`, pageBurnRate: s.pageBurnRate, escape: e });
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<title>${e(`Post-incident review (draft) ${iso(model.fromMs)}`)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}.prompt{color:#666;font-style:italic}</style>',
    '</head><body>',
    `<h1>${e(`Post-incident review (draft): ${iso(model.fromMs)} – ${iso(model.toMs)}`)}</h1>`,
    `<p>${e(`Drafted by cdk-reliability postmortem from the cloud assembly and ${model.source}.`)}</p>`,
    '<h2>Incident window</h2>',
    `<p>${e(`From ${iso(model.fromMs)} to ${iso(model.toMs)}.`)}</p>`,
    `<h2>${e(TIMELINE_HEADING)}</h2>`,
    rows.length === 0 ? `<p>${e(NOTHING_HAPPENED)}</p>`
      : `<table><tr><th>time (UTC)</th><th>alarm or resource</th><th>new state or change</th></tr>${rows.map((r) => `<tr><td>${e(r.at)}</td><td>${e(r.what)}</td><td>${e(r.event)}</td></tr>`).join('')}</table>`,
    '<h2>Error budget consumed</h2>',
    `<table><tr><th>stack</th><th>SLO</th><th>objective</th><th>valid events</th><th>bad events</th><th>share of the SLO window's budget</th></tr>${
      model.slos.map((s) => `<tr><td>${e(s.stack)}</td><td>${e(`${s.service} ${s.name}`)}</td><td>${s.objectivePercent} %</td><td>${e(count(s.validEvents))}</td><td>${e(count(s.badEvents))}</td><td>${s.budgetConsumedPercent.toFixed(2)} %</td></tr>`).join('')}</table>`,
    '<h2>Burn</h2>',
    ...model.slos.map((s) => `<figure>${chart(s)}</figure>`),
    ...(model.notCollected.length > 0 ? ['<h2>Not collected</h2>', `<ul>${model.notCollected.map((n) => `<li>${e(n)}</li>`).join('')}</ul>`] : []),
    ...(model.warnings.length > 0 ? ['<h2>Warnings</h2>', `<ul>${model.warnings.map((w) => `<li>${e(w)}</li>`).join('')}</ul>`] : []),
    ...HEADINGS.map(([heading, prompt]) => `<h2>${e(heading)}</h2>${heading === 'Detection' ? `<p>${e(detectionFact(rows))}</p>` : ''}<p class="prompt">${e(prompt || 'To write.')}</p>`),
    '</body></html>',
    '',
  ].join('\n');
}
