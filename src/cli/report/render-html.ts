import escapeHtml from 'escape-html';
import { formatNumber, formatUsd, headline, PACK_HEADERS, packCells, packNote, packsOf, severitiesOf, sortFindings } from './render-common';
import { ReliabilityReport, ReportFinding } from './report-model';

/**
 * The report as one self-contained HTML page: inline CSS and script, no external asset, every
 * text from the assembly escaped. A pure function of the model.
 */
export function renderHtml(report: ReliabilityReport): string {
  const findings = sortFindings(report.findings);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Reliability report</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Reliability report</h1>
<p>Assembly <code>${e(report.assemblyDirectory)}</code> · stacks: ${report.stacks.map((s) => `<code>${e(s)}</code>`).join(', ') || 'none'}</p>
<p class="headline" id="headline">${e(headline(report))}</p>
${report.validationReportFound ? '' : '<p class="notice" id="no-validation-report">No validation-report.json: no compliance plugin ran at synth, so there are no findings to show.</p>'}
<h2>Summary per pack</h2>
${table(PACK_HEADERS, report.packs.map((p) => packCells(p).map(e)), 'pack-summary')}
<p class="note">${e(packNote(report))}</p>
<h2>Findings</h2>
${filters(report, findings)}
<p>Showing <span id="visible-count">${findings.length}</span> of ${findings.length} findings.</p>
<table id="findings">
<thead><tr><th>Pack</th><th>Rule</th><th>Severity</th><th>Construct</th><th>Status</th><th>Details</th></tr></thead>
<tbody>
${findings.map(findingRow).join('\n')}
</tbody>
</table>
<h2>Service level objectives</h2>
${report.slos.length ? table(['Service', 'SLO', 'Objective', 'Window', 'Burn-rate alerts', 'Alarms', 'Monthly cost'], report.slos.map((s) => [
  e(s.service), e(s.name), `${e(formatNumber(s.objectivePercent))}%`, e(s.window),
  `<ul>${s.windows.map((w) => `<li>${e(w.severity)} ${e(w.longWindow)} / ${e(w.shortWindow)} at ${e(formatNumber(w.burnRate))}× → error ratio &gt; ${e(formatNumber(w.threshold))}</li>`).join('')}</ul>`,
  String(s.alarmCount), e(formatUsd(s.monthlyCostUsd)),
]), 'slos') : '<p>No SLO metadata in the templates.</p>'}
<h2>Disaster recovery</h2>
${disasterRecovery(report)}
<h2>Chaos experiments</h2>
${report.chaosExperiments.length ? table(['Experiment', 'Construct', 'Actions', 'Targets', 'Stop conditions'], report.chaosExperiments.map((x) => [
  e(x.description), `<code>${e(x.constructPath)}</code>`, list(x.actions), list(x.targets),
  x.stopConditions.length ? list(x.stopConditions) : '<strong>none</strong>',
]), 'chaos') : '<p>No FIS experiment template in the templates.</p>'}
<h2>Deployment rollback alarms</h2>
${report.rollbackAlarms.length ? table(['Kind', 'Target', 'Construct', 'Alarms', 'On alarm'], report.rollbackAlarms.map((r) => [
  e(r.kind), e(r.target), `<code>${e(r.constructPath)}</code>`, r.alarms.length ? list(r.alarms) : '–', e(r.onAlarm),
]), 'rollback-alarms') : '<p>No deployment watches an alarm.</p>'}
<h2>Capacity</h2>
${report.capacity.length ? table(['Service', 'Min', 'Max', 'Targets', 'Guardrails', 'Monthly cost'], report.capacity.map((c) => [
  `<code>${e(c.constructPath)}</code>`, String(c.minCapacity), String(c.maxCapacity), c.targets.length ? list(c.targets) : '–',
  c.guardrails ? list(c.guardrails.map((g) => `${g.kind}: ${g.description}`)) : '<strong>none</strong>',
  c.guardrails ? e(formatUsd(c.guardrailsMonthlyCostUsd)) : '–',
]), 'capacity') : '<p>No scalable ECS service in the templates.</p>'}
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function e(value: string): string {
  return escapeHtml(value);
}

function findingRow(f: ReportFinding): string {
  const details = f.status === 'acknowledged'
    ? `<span class="reason">Reason: ${e(f.reason ?? '')}</span>`
    : `${e(f.description)}<br><span class="fix">Fix: ${e(f.suggestedFix)}</span>`;
  return `<tr class="finding sev-${e(f.severity)}" data-pack="${e(f.pack)}" data-severity="${e(f.severity)}" data-status="${e(f.status)}">`
    + `<td>${e(f.pack)}</td><td><code>${e(f.rule)}</code></td><td>${e(f.severity)}</td>`
    + `<td><code>${e(f.constructPath)}</code></td><td>${e(f.status)}</td><td>${details}</td></tr>`;
}

function filters(report: ReliabilityReport, findings: ReportFinding[]): string {
  const group = (name: string, legend: string, values: string[]) =>
    `<fieldset id="filter-${name}"><legend>${legend}</legend>${values.map((v) =>
      `<label><input type="checkbox" data-filter="${name}" value="${e(v)}" checked> ${e(v)}</label>`).join(' ')}</fieldset>`;
  const packs = [...new Set([...packsOf(report), ...findings.map((f) => f.pack)])];
  return `<form class="filters" onsubmit="return false">${group('pack', 'Pack', packs)}`
    + `${group('severity', 'Severity', severitiesOf(findings))}${group('status', 'Status', ['open', 'acknowledged'])}</form>`;
}

function disasterRecovery(report: ReliabilityReport): string {
  const dr = report.disasterRecovery;
  const parts: string[] = [];
  if (dr.resiliencyPolicies.length) {
    parts.push('<h3>Recovery objectives</h3>', table(['Policy', 'Tier', 'Disruption', 'RTO', 'RPO'], dr.resiliencyPolicies.flatMap((p) =>
      p.objectives.map((o) => [e(p.name || p.constructPath), e(p.tier), e(o.disruption), e(o.rto), e(o.rpo)])), 'recovery-objectives'));
  }
  if (dr.backupPlans.length) {
    parts.push('<h3>Backup plans</h3>', table(['Plan', 'Rule', 'Schedule', 'Retention', 'Continuous', 'Copies to', 'Resources'], dr.backupPlans.flatMap((p) =>
      p.rules.map((r) => [e(p.name || p.constructPath), e(r.name), `<code>${e(r.schedule)}</code>`, e(r.retention), r.continuousBackup ? 'yes' : 'no',
        r.copyTo.length ? list(r.copyTo) : '–', p.resources.length ? list(p.resources) : '–'])), 'backup-plans'));
  }
  if (dr.vaults.length) {
    parts.push('<h3>Backup vaults</h3>', table(['Vault', 'Construct', 'Lock'], dr.vaults.map((v) => [
      e(v.name || '(generated)'), `<code>${e(v.constructPath)}</code>`, e(v.lock),
    ]), 'vaults'));
  }
  if (dr.restoreTests.length) {
    parts.push('<h3>Restore tests</h3>', table(['Plan', 'Construct', 'Schedule'], dr.restoreTests.map((t) => [
      e(t.name || '(generated)'), `<code>${e(t.constructPath)}</code>`, `<code>${e(t.schedule)}</code>`,
    ]), 'restore-tests'));
  }
  if (dr.recoveryStrategies?.length) {
    parts.push('<h3>Recovery strategies</h3>', table(
      ['Workload', 'Tier', 'Declared RPO', 'Declared RTO', 'Strategy', 'Achievable', 'Meets RTO', 'Strategy needed', 'Recovered by'],
      dr.recoveryStrategies.map((w) => [`<code>${e(w.constructPath)}</code>`, e(w.tier), e(w.declaredRpo), e(w.declaredRto), e(w.strategy),
        e(w.achievable), e(w.meetsRto), e(w.strategyNeeded), w.recoveredBy === '–' ? '–' : `<code>${e(w.recoveredBy)}</code>`]), 'recovery-strategies'));
  }
  if (dr.regionSwitchPlans?.length) {
    parts.push('<h3>Region switch plans</h3>', table(['Plan', 'Strategy', 'Regions', 'Steps', 'Trigger', 'Practice runs', 'Last practice'],
      dr.regionSwitchPlans.map((p) => [`<code>${e(p.constructPath)}</code>`, e(p.strategy), e(p.regions), list(p.steps), e(p.trigger),
        `<code>${e(p.practiceRuns)}</code>`, e(p.lastPractice)]), 'region-switch-plans'));
  }
  return parts.length ? parts.join('\n') : '<p>No backup plan, vault, restore test or resiliency policy in the templates.</p>';
}

/** Cells are HTML already (callers escape); headers are our own text. */
function table(headers: string[], rows: string[][], id: string): string {
  return `<table id="${id}"><thead><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>`
    + rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n') + '</tbody></table>';
}

function list(items: string[]): string {
  return `<ul>${items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>`;
}

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em; color: #1b1b1b; }
table { border-collapse: collapse; margin: .5em 0 1.5em; width: 100%; }
th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f5f7; }
td ul { margin: 0; padding-left: 1.2em; }
code { font-size: 90%; overflow-wrap: anywhere; }
.headline { font-weight: 600; font-size: 1.1em; }
.notice { background: #fff8c5; padding: .5em 1em; }
.note { color: #57606a; font-size: 90%; }
.filters fieldset { display: inline-block; margin: 0 1em .5em 0; border: 1px solid #d0d7de; }
tr.sev-error td:nth-child(3), tr.sev-fatal td:nth-child(3) { color: #b42318; font-weight: 600; }
tr.sev-warning td:nth-child(3) { color: #9a6700; }
tr[data-status="acknowledged"] { color: #57606a; }
.fix { color: #0b5394; }
`;

/** Shows the finding rows whose pack, severity and status are all ticked; keeps the count in step. */
const SCRIPT = `
(function () {
  var boxes = document.querySelectorAll('input[data-filter]');
  function apply() {
    var allowed = { pack: {}, severity: {}, status: {} };
    boxes.forEach(function (box) { if (box.checked) allowed[box.getAttribute('data-filter')][box.value] = true; });
    var shown = 0;
    document.querySelectorAll('tr.finding').forEach(function (row) {
      var visible = !!(allowed.pack[row.getAttribute('data-pack')] && allowed.severity[row.getAttribute('data-severity')]
        && allowed.status[row.getAttribute('data-status')]);
      row.hidden = !visible;
      if (visible) shown++;
    });
    document.getElementById('visible-count').textContent = String(shown);
  }
  boxes.forEach(function (box) { box.addEventListener('change', apply); });
  apply();
})();
`;
