import { PackSummary, ReliabilityReport, ReportFinding } from './report-model';

/** Shared by the HTML and Markdown renderers so both list the same things in the same order. */

export const SEVERITY_ORDER = ['fatal', 'error', 'warning', 'info'];

/** Findings grouped the way a reviewer reads them: pack → rule → construct path, open before acknowledged. */
export function sortFindings(findings: readonly ReportFinding[]): ReportFinding[] {
  return [...findings].sort((a, b) =>
    a.status.localeCompare(b.status) === 0
      ? a.pack.localeCompare(b.pack) || a.rule.localeCompare(b.rule) || a.description.localeCompare(b.description)
        || a.constructPath.localeCompare(b.constructPath)
      : a.status === 'open' ? -1 : 1);
}

/** Severities present, the known ones in order of gravity first. */
export function severitiesOf(findings: readonly ReportFinding[]): string[] {
  const present = [...new Set(findings.map((f) => f.severity))];
  const rank = (s: string) => (SEVERITY_ORDER.includes(s) ? SEVERITY_ORDER.indexOf(s) : SEVERITY_ORDER.length);
  return present.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export function packsOf(report: ReliabilityReport): string[] {
  return report.packs.map((p) => p.pack);
}

/** A ratio threshold without float noise: 0.014400000000000001 → "0.0144". */
export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(6)));
}

export function formatUsd(value: number): string {
  return `$${value.toFixed(2)}`;
}

/** "3 open (2 error, 1 warning), 1 acknowledged". */
export function headline(report: ReliabilityReport): string {
  const open = report.findings.filter((f) => f.status === 'open');
  const acknowledged = report.findings.length - open.length;
  const bySeverity = severitiesOf(open).map((s) => `${open.filter((f) => f.severity === s).length} ${s}`).join(', ');
  return `${open.length} open finding${open.length === 1 ? '' : 's'}${open.length ? ` (${bySeverity})` : ''}, ${acknowledged} acknowledged`;
}

/** "ran", "not run" or "unknown": a pack that did not run (or may not have) must never read as passed. */
export function packStatus(pack: PackSummary): string {
  return pack.ran === true ? 'ran' : pack.ran === false ? 'not run' : 'unknown';
}

/** The summary row of a pack: status, open total, open by severity, acknowledged (plain text). */
export function packCells(pack: PackSummary): string[] {
  const ran = pack.ran === true;
  return [
    pack.pack,
    packStatus(pack),
    ran ? String(pack.openTotal) : '–',
    ran ? Object.entries(pack.open).map(([s, n]) => `${s}: ${n}`).join(', ') || '–' : '–',
    String(pack.acknowledged),
  ];
}

export const PACK_HEADERS = ['Pack', 'Status', 'Open', 'Open by severity', 'Acknowledged'];

/** What the status column means, given whether the assembly records the registered plugins. */
export function packNote(report: ReliabilityReport): string {
  const absent = 'aws-cdk-lib leaves a plugin that reported nothing out of validation-report.json.';
  return report.registeredPlugins
    ? `${absent} "ran": in the report, or registered on the app as recorded at synth by ReliabilityChecks (then nothing was open). `
      + '"not run": not registered on the app; its acknowledgements come from the constructs, no check ran.'
    : `${absent} The assembly does not record which plugins the app registered (construct the pack with the app: `
      + 'new ReliabilityChecks(app)), so a pack not in the report is "unknown": it may not have run.';
}
