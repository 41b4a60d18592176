import * as fs from 'fs';
import * as path from 'path';
import { readCloudAssembly } from '../assembly/read-assembly';
import { CliContext } from '../cli-context';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../errors';
import { buildReport } from './build-report';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import { openFindings, ReliabilityReport } from './report-model';

export const REPORT_FORMATS = ['html', 'md', 'json'] as const;
export type ReportFormat = typeof REPORT_FORMATS[number];
export const REPORT_BASENAME = 'reliability-report';

export interface ReportOptions {
  readonly out: string;
  readonly format: string;
}

const RENDERERS: Record<ReportFormat, (report: ReliabilityReport) => string> = {
  html: renderHtml,
  md: renderMarkdown,
  json: (report) => `${JSON.stringify(report, null, 2)}\n`,
};

/** `--format html,md` → ['html', 'md']; anything else is a usage error naming what is allowed. */
export function parseFormats(value: string): ReportFormat[] {
  const formats = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = formats.filter((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
  if (formats.length === 0 || unknown.length > 0) {
    throw new UsageError(`--format must be a comma-separated list of ${REPORT_FORMATS.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return [...new Set(formats)] as ReportFormat[];
}

/** Writes the report files and prints their paths; exit code 1 while an open finding is left. */
export function runReport(assemblyDir: string, options: ReportOptions, context: CliContext): number {
  const formats = parseFormats(options.format);
  const report = buildReport(readCloudAssembly(assemblyDir));
  const outDir = path.resolve(options.out);
  fs.mkdirSync(outDir, { recursive: true });
  for (const format of formats) {
    const file = path.join(outDir, `${REPORT_BASENAME}.${format}`);
    fs.writeFileSync(file, RENDERERS[format](report));
    context.stdout(`Report: ${file}\n`);
  }
  const open = openFindings(report);
  const acknowledged = report.findings.length - open.length;
  context.stdout(`${open.length} open finding(s), ${acknowledged} acknowledged, ${report.slos.length} SLO(s), `
    + `${report.chaosExperiments.length} chaos experiment(s), ${report.rollbackAlarms.length} rollback alarm configuration(s).\n`);
  if (!report.validationReportFound) {
    context.stderr('Warning: no validation-report.json in the assembly; no compliance plugin ran at synth.\n');
  }
  return open.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}
