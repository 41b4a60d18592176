import { lookAt, Mitigation, physicalIdLine } from './mitigations';
import { PagingAlarm } from './paging-alarms';
import { AssemblyStack } from '../assembly/cloud-assembly';
import { SloAlert, SloDefinition } from '../slo/slo-metadata';

/** One runbook: Markdown for one paging alarm. A pure function of the assembly's facts. */
export function renderRunbook(alarm: PagingAlarm, mitigations: readonly Mitigation[], stacks: readonly AssemblyStack[]): string {
  const title = alarm.alarmName ?? `${alarm.stack.displayName}/${alarm.logicalId}`;
  const lines: string[] = [
    `# Runbook: ${title}`,
    '',
    `Paging alarm \`${alarm.logicalId}\` of stack \`${alarm.stack.displayName}\`${alarm.stack.region ? ` (${alarm.stack.region})` : ''}.`,
    'Written by `cdk-reliability runbook` from the cloud assembly; regenerate it after each change of the app.',
    '',
    '## What fired',
    '',
    alarm.description ? `> ${alarm.description}` : '> (the alarm has no description)',
    '',
  ];
  if (alarm.slos.length === 0) {
    lines.push('This alarm is not an SLO alarm of a SloAlarmSet: read its metric and threshold in the template.', '');
  }
  for (const slo of alarm.slos) lines.push(...whySlo(slo));

  lines.push('## Look at first', '');
  lines.push('- The alarm\'s recent state changes:', '', '```sh', physicalIdLine(alarm.stack, alarm.logicalId, 'ALARM'),
    `aws cloudwatch describe-alarm-history --alarm-name "$ALARM" --history-item-type StateUpdate --max-items 10${alarm.stack.region ? ` --region ${alarm.stack.region}` : ''}`,
    '```', '');
  for (const item of lookAt(alarm.stack, stacks)) {
    lines.push(`- ${item.title}:`, '', '```sh', ...item.commands, '```', '');
  }

  lines.push('## Mitigations this app has', '');
  if (mitigations.length === 0) lines.push('None found in the templates (no ECS service, zonal shift, FIS experiment or backup vault).', '');
  mitigations.forEach((m, i) => {
    lines.push(`### ${i + 1}. ${m.title}`, '', m.when, '', '```sh', ...m.commands, '```', '');
  });
  lines.push('## After the incident', '',
    'Draft the review: `cdk-reliability postmortem cdk.out --from <start> --to <end> --region <region>`.', '');
  return lines.join('\n');
}

function whySlo(slo: SloDefinition): string[] {
  const pages = slo.alerts.filter((a) => a.severity.toUpperCase() === 'PAGE');
  return [
    `### SLO ${slo.serviceName} ${slo.name}`,
    '',
    `- **SLI**: ${slo.kind ?? 'ratio'} — the share of bad events among valid events.`,
    `- **Objective**: ${slo.objectivePercent} % over ${window(slo.windowSeconds)} (error budget ${round(slo.errorBudget * 100)} % of events).`,
    '- **Fires when** both windows of a pair burn the budget faster than the pair\'s rate:',
    '',
    '| pair (long / short) | burn rate | error-ratio threshold | budget spent when it fires |',
    '|---|---|---|---|',
    ...pages.map((a) => `| ${window(a.longWindowSeconds)} / ${window(a.shortWindowSeconds)} | ${a.burnRate}× | ${round(a.threshold * 100)} % | ${budgetSpent(a)} |`),
    '',
    `At the fastest page rate the whole ${window(slo.windowSeconds)} budget is gone in ${exhaustion(slo, pages)}.`,
    '',
  ];
}

function budgetSpent(alert: SloAlert): string {
  return alert.budgetSpentPercent === undefined ? '—' : `${round(alert.budgetSpentPercent)} %`;
}

function exhaustion(slo: SloDefinition, pages: readonly SloAlert[]): string {
  const fastest = Math.max(0, ...pages.map((a) => a.burnRate));
  return fastest > 0 ? window(slo.windowSeconds / fastest) : 'an unknown time';
}

function window(seconds: number): string {
  if (seconds >= 86_400 && seconds % 86_400 === 0) return `${seconds / 86_400} d`;
  if (seconds >= 3_600) return `${round(seconds / 3_600)} h`;
  return `${round(seconds / 60)} min`;
}

function round(value: number): string {
  return String(Number(value.toPrecision(3)));
}
