import * as fs from 'fs';
import * as path from 'path';
import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** One finding that no acknowledgement covers. */
export interface Finding {
  readonly plugin: string;
  readonly rule: string;
  readonly severity: string;
  readonly constructPath: string;
}

/** One acknowledgement recorded with `Validations.of(c).acknowledge(...)`. */
export interface Acknowledgement {
  readonly rule: string;
  readonly constructPath: string;
  readonly reason: string;
}

/** The part of aws-cdk-lib's validation-report.json the harness and the consumer smoke test read. */
export interface ValidationReportJson {
  readonly pluginReports?: Array<{
    readonly pluginName: string;
    readonly violations?: Array<{
      readonly ruleName: string;
      readonly severity?: string;
      readonly violatingConstructs?: Array<{ readonly constructPath?: string }>;
    }>;
  }>;
}

export const VALIDATION_REPORT_FILE = 'validation-report.json';

/**
 * Reads the findings left in a cloud assembly's validation report.
 *
 * aws-cdk-lib and cdk-nag drop acknowledged findings from the report, so every
 * violation still listed, warning or error, is unacknowledged.
 * A missing report means no plugin ran: that is an error, not a clean result.
 */
export function readUnacknowledgedFindings(assemblyDir: string): Finding[] {
  const file = path.join(assemblyDir, VALIDATION_REPORT_FILE);
  if (!fs.existsSync(file)) {
    throw new Error(`No ${VALIDATION_REPORT_FILE} in ${assemblyDir}: were the compliance packs registered?`);
  }
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as ValidationReportJson;
  const findings: Finding[] = [];
  for (const plugin of report.pluginReports ?? []) {
    for (const violation of plugin.violations ?? []) {
      for (const construct of violation.violatingConstructs ?? [{}]) {
        findings.push({
          plugin: plugin.pluginName,
          rule: violation.ruleName,
          severity: violation.severity ?? 'unknown',
          constructPath: construct.constructPath ?? '(unknown)',
        });
      }
    }
  }
  return findings;
}

/** Every acknowledgement recorded in the construct tree under `root`, with its reason. */
export function collectAcknowledgements(root: IConstruct): Acknowledgement[] {
  const acknowledgements: Acknowledgement[] = [];
  for (const construct of root.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [rule, reason] of acknowledgementEntries(entry.data)) {
        acknowledgements.push({ rule, constructPath: construct.node.path, reason });
      }
    }
  }
  return acknowledgements;
}

/** The metadata holds either one `{ id, reason }` or a map of id to reason, depending on the recorder. */
function acknowledgementEntries(data: unknown): Array<[string, string]> {
  if (data && typeof data === 'object' && 'id' in data) {
    const ack = data as { id: string; reason?: string };
    return [[stripAnnotationPrefix(ack.id), ack.reason ?? '']];
  }
  if (data && typeof data === 'object') {
    return Object.entries(data as Record<string, unknown>).map(([id, value]) => [
      stripAnnotationPrefix(id),
      typeof value === 'string' ? value : String((value as { reason?: string })?.reason ?? ''),
    ]);
  }
  return [];
}

/** aws-cdk-lib files ids of plugins it does not know (cdk-nag's) under `Annotation::`; users never write it. */
function stripAnnotationPrefix(id: string): string {
  return id.startsWith('Annotation::') ? id.slice('Annotation::'.length) : id;
}

/** A one-line summary per finding, for error messages and the console. */
export function formatFindings(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.plugin} ${f.severity} ${f.rule} at ${f.constructPath}`).join('\n');
}
