import { formatNumber, formatUsd, headline, PACK_HEADERS, packCells, packNote, sortFindings } from './render-common';
import { ReliabilityReport, ReportFinding } from './report-model';

/** The report as GitHub-flavoured Markdown (a pure function of the model). */
export function renderMarkdown(report: ReliabilityReport): string {
  const lines: string[] = [
    '# Reliability report',
    '',
    `Assembly: \`${code(report.assemblyDirectory)}\` · stacks: ${report.stacks.map((s) => `\`${code(s)}\``).join(', ') || 'none'}`,
    '',
    `**${headline(report)}**`,
    '',
  ];
  if (!report.validationReportFound) {
    lines.push('> No validation-report.json: no compliance plugin ran at synth, so there are no findings to show.', '');
  }
  lines.push('## Summary per pack', '');
  lines.push(...table(PACK_HEADERS, report.packs.map(packCells)));
  lines.push(text(packNote(report)), '');

  const open = sortFindings(report.findings.filter((f) => f.status === 'open'));
  lines.push('## Findings', '');
  lines.push(...(open.length ? groupedFindings(open) : ['None.', '']));

  const acknowledged = sortFindings(report.findings.filter((f) => f.status === 'acknowledged'));
  lines.push('## Acknowledged findings', '');
  lines.push(...(acknowledged.length
    ? table(['Pack', 'Rule', 'Construct', 'Reason'], acknowledged.map((f) => [f.pack, f.rule, f.constructPath, f.reason ?? '']))
    : ['None.', '']));

  lines.push('## Service level objectives', '');
  lines.push(...(report.slos.length
    ? table(['Service', 'SLO', 'Objective', 'Window', 'Burn-rate alerts (long / short window, rate, threshold)', 'Alarms', 'Monthly cost'],
      report.slos.map((s) => [
        s.service, s.name, `${s.objectivePercent}%`, s.window,
        s.windows.map((w) => `${w.severity} ${w.longWindow} / ${w.shortWindow} at ${formatNumber(w.burnRate)}× → ${formatNumber(w.threshold)}`).join('; '),
        String(s.alarmCount), formatUsd(s.monthlyCostUsd),
      ]))
    : ['No SLO metadata in the templates.', '']));

  const dr = report.disasterRecovery;
  lines.push('## Disaster recovery', '');
  if (dr.resiliencyPolicies.length) {
    lines.push('### Recovery objectives', '');
    lines.push(...table(['Policy', 'Tier', 'Disruption', 'RTO', 'RPO'], dr.resiliencyPolicies.flatMap((p) =>
      p.objectives.map((o) => [p.name || p.constructPath, p.tier, o.disruption, o.rto, o.rpo]))));
  }
  if (dr.backupPlans.length) {
    lines.push('### Backup plans', '');
    lines.push(...table(['Plan', 'Rule', 'Schedule', 'Retention', 'Continuous', 'Copies to', 'Resources'], dr.backupPlans.flatMap((p) =>
      p.rules.map((r) => [p.name || p.constructPath, r.name, r.schedule, r.retention, r.continuousBackup ? 'yes' : 'no', r.copyTo.join(', ') || '–', p.resources.join(', ') || '–']))));
  }
  if (dr.vaults.length) {
    lines.push('### Backup vaults', '');
    lines.push(...table(['Vault', 'Construct', 'Lock'], dr.vaults.map((v) => [v.name || '(generated)', v.constructPath, v.lock])));
  }
  if (dr.restoreTests.length) {
    lines.push('### Restore tests', '');
    lines.push(...table(['Plan', 'Construct', 'Schedule'], dr.restoreTests.map((t) => [t.name || '(generated)', t.constructPath, t.schedule])));
  }
  if (dr.recoveryStrategies?.length) {
    lines.push('### Recovery strategies', '');
    lines.push(...table(['Workload', 'Tier', 'Declared RPO', 'Declared RTO', 'Strategy', 'Achievable', 'Meets RTO', 'Strategy needed', 'Recovered by'],
      dr.recoveryStrategies.map((w) => [
        w.constructPath, w.tier, w.declaredRpo, w.declaredRto, w.strategy, w.achievable, w.meetsRto, w.strategyNeeded, w.recoveredBy,
      ])));
  }
  if (dr.regionSwitchPlans?.length) {
    lines.push('### Region switch plans', '');
    lines.push(...table(['Plan', 'Strategy', 'Regions', 'Steps', 'Trigger', 'Practice runs', 'Last practice'],
      dr.regionSwitchPlans.map((p) => [p.constructPath, p.strategy, p.regions, p.steps.join(' → '), p.trigger, p.practiceRuns, p.lastPractice])));
  }
  if (!dr.resiliencyPolicies.length && !dr.backupPlans.length && !dr.vaults.length && !dr.restoreTests.length
    && !dr.recoveryStrategies?.length && !dr.regionSwitchPlans?.length) {
    lines.push('No backup plan, vault, restore test or resiliency policy in the templates.', '');
  }

  lines.push('## Chaos experiments', '');
  lines.push(...(report.chaosExperiments.length
    ? table(['Experiment', 'Construct', 'Actions', 'Targets', 'Stop conditions'], report.chaosExperiments.map((e) => [
      e.description, e.constructPath, e.actions.join('; '), e.targets.join('; '), e.stopConditions.join(', ') || 'NONE',
    ]))
    : ['No FIS experiment template in the templates.', '']));

  lines.push('## Deployment rollback alarms', '');
  lines.push(...(report.rollbackAlarms.length
    ? table(['Kind', 'Target', 'Construct', 'Alarms', 'On alarm'], report.rollbackAlarms.map((r) => [
      r.kind, r.target, r.constructPath, r.alarms.join(', ') || '–', r.onAlarm,
    ]))
    : ['No deployment watches an alarm.', '']));

  lines.push('## Capacity', '');
  lines.push(...(report.capacity.length
    ? table(['Service', 'Min', 'Max', 'Targets', 'Guardrails', 'Monthly cost'], report.capacity.map((c) => [
      c.constructPath, String(c.minCapacity), String(c.maxCapacity), c.targets.join('; ') || '–',
      c.guardrails ? c.guardrails.map((g) => `${g.kind}: ${g.description}`).join('; ') : 'none',
      c.guardrails ? formatUsd(c.guardrailsMonthlyCostUsd) : '–',
    ]))
    : ['No scalable ECS service in the templates.', '']));
  return lines.join('\n');
}

function groupedFindings(findings: ReportFinding[]): string[] {
  const lines: string[] = [];
  let pack = '';
  let rule = '';
  let description = '';
  findings.forEach((f, i) => {
    if (f.pack !== pack) {
      pack = f.pack;
      rule = '';
      lines.push(`### ${text(pack)}`, '');
    }
    // One plugin may report the same rule with different messages (CloudFormation Validate does).
    if (f.rule !== rule || f.description !== description) {
      rule = f.rule;
      description = f.description;
      lines.push(`#### \`${code(rule)}\` (${text(f.severity)})`, '');
      if (f.description) lines.push(text(f.description), '');
      lines.push(`Suggested fix: ${text(f.suggestedFix)}`, '');
    }
    lines.push(`- \`${code(f.constructPath)}\``);
    const next = findings[i + 1];
    if (!next || next.rule !== rule || next.pack !== pack || next.description !== description) lines.push('');
  });
  return lines;
}

function table(headers: string[], rows: string[][]): string[] {
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
    '',
  ];
}

/** A table cell: pipes and line breaks would end the cell or the row. */
export function cell(value: string): string {
  return text(value).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** Markdown text: HTML-like text must not turn into markup when the Markdown is rendered. */
export function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Inline code cannot hold a backtick; replace it rather than break the span. */
function code(value: string): string {
  return value.replace(/`/g, "'");
}
