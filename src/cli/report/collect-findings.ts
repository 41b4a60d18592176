import { PackSummary, ReportFinding } from './report-model';
import { BUILTIN_PLUGIN, packRan } from './validation-plugins';
import { CloudAssembly, ReportViolation } from '../assembly/cloud-assembly';
import { isRecord } from '../assembly/json-file';

/** The construct metadata key aws-cdk-lib and cdk-nag v3 record acknowledgements under. */
export const ACKNOWLEDGED_RULES_METADATA = 'aws:cdk:acknowledged-rules';
/** aws-cdk-lib files the ids of plugins it does not know (cdk-nag's) under this prefix. */
const ANNOTATION_PREFIX = 'Annotation::';
/** Shown when an acknowledgement is known only from construct metadata. */
export const UNKNOWN_SEVERITY = 'n/a';

/**
 * Every finding of the assembly: open violations from validation-report.json, and acknowledged
 * ones from the report's suppressed violations and from construct metadata (where cdk-nag's
 * acknowledgements land; its own report drops them).
 */
export function collectFindings(assembly: CloudAssembly, registered: readonly string[] = []): ReportFinding[] {
  const reports = assembly.validationReport?.pluginReports ?? [];
  const packNames = [...new Set([...reports.map((r) => r.pluginName), ...registered, BUILTIN_PLUGIN])];
  const findings: ReportFinding[] = [];
  const suppressed: ReportFinding[] = [];
  for (const report of reports) {
    for (const violation of report.violations ?? []) {
      findings.push(...violationFindings(report.pluginName, violation, 'open'));
    }
    for (const violation of report.suppressedViolations ?? []) {
      suppressed.push(...violationFindings(report.pluginName, violation, 'acknowledged'));
    }
  }
  const acknowledged = metadataAcknowledgements(assembly, packNames).map((ack) => enrich(ack, suppressed));
  // A suppressed violation with no metadata entry still counts (e.g. acknowledged by a plugin itself).
  for (const s of suppressed) {
    if (!acknowledged.some((a) => sameAcknowledgement(a, s))) acknowledged.push(s);
  }
  return [...findings, ...acknowledged];
}

function violationFindings(pack: string, violation: ReportViolation, status: 'open' | 'acknowledged'): ReportFinding[] {
  const severity = violation.severity === 'custom' && violation.customSeverity ? violation.customSeverity : violation.severity ?? 'error';
  const constructs = violation.violatingConstructs?.length ? violation.violatingConstructs : [{ constructPath: '' }];
  return constructs.map((c) => ({
    pack,
    rule: violation.ruleName,
    severity: severity.toLowerCase(),
    constructPath: c.constructPath || '(unknown construct)',
    description: violation.description ?? '',
    suggestedFix: violation.suggestedFix ?? violation.fix ?? defaultFix(violation.ruleName),
    status,
    ...(status === 'acknowledged' ? { reason: violation.reason ?? '' } : {}),
  }));
}

/** What every finding allows when its plugin gives no fix: change the resource, or acknowledge it on purpose. */
export function defaultFix(rule: string): string {
  return `Change the resource so the rule passes, or acknowledge it with Validations.of(construct).acknowledge({ id: '${rule}', reason: '...' }) and a checkable reason.`;
}

function metadataAcknowledgements(assembly: CloudAssembly, packNames: string[]): ReportFinding[] {
  const acknowledgements: ReportFinding[] = [];
  const seen = new Set<string>();
  for (const stack of assembly.stacks) {
    for (const [constructPath, entries] of Object.entries(stack.metadata)) {
      for (const entry of entries) {
        if (entry.type !== ACKNOWLEDGED_RULES_METADATA) continue;
        for (const [id, reason] of acknowledgementEntries(entry.data)) {
          const { pack, rule } = splitRuleId(id, packNames);
          const path = constructPath.replace(/^\//, '');
          const key = `${pack}\u0000${rule}\u0000${path}`;
          if (seen.has(key)) continue;
          seen.add(key);
          acknowledgements.push({
            pack,
            rule,
            severity: UNKNOWN_SEVERITY,
            constructPath: path,
            description: '',
            suggestedFix: '',
            status: 'acknowledged',
            reason,
          });
        }
      }
    }
  }
  return acknowledgements;
}

/** The metadata holds a map of id to reason (aws-cdk-lib) or one `{ id, reason }` (older recorders). */
export function acknowledgementEntries(data: unknown): Array<[string, string]> {
  if (!isRecord(data)) return [];
  if (typeof data.id === 'string') return [[data.id, typeof data.reason === 'string' ? data.reason : '']];
  return Object.entries(data).map(([id, value]) => [
    id,
    typeof value === 'string' ? value : isRecord(value) && typeof value.reason === 'string' ? value.reason : '',
  ]);
}

/**
 * Splits an acknowledgement id into pack and rule:
 * `Annotation::AwsSolutions-IAM5[Action::s3:*]` → AwsSolutions / AwsSolutions-IAM5[Action::s3:*],
 * `cdk-validator-cfnguard::s3_lifecycle_policy_check` → cdk-validator-cfnguard / s3_lifecycle_policy_check.
 * cdk-nag rule ids start with their pack's name; the longest known plugin name wins. aws-cdk-lib
 * writes a plugin name's spaces as dashes in the prefix (`CloudFormation-Validate::F3032`): a prefix
 * that is a known plugin name so written is given back its name, so its row matches the report's.
 */
export function splitRuleId(id: string, packNames: readonly string[]): { pack: string; rule: string } {
  const bare = id.startsWith(ANNOTATION_PREFIX) ? id.slice(ANNOTATION_PREFIX.length) : id;
  const separator = bare.indexOf('::');
  const bracket = bare.indexOf('[');
  if (separator > 0 && (bracket < 0 || separator < bracket)) {
    const prefix = bare.slice(0, separator);
    const pack = packNames.find((p) => p.replace(/ /g, '-') === prefix) ?? prefix;
    return { pack, rule: bare.slice(separator + 2) };
  }
  const known = [...packNames].sort((a, b) => b.length - a.length).find((p) => bare.startsWith(`${p}-`));
  if (known) return { pack: known, rule: bare };
  const dash = bare.indexOf('-');
  return { pack: dash > 0 ? bare.slice(0, dash) : '(unknown pack)', rule: bare };
}

function sameAcknowledgement(ack: ReportFinding, violation: ReportFinding): boolean {
  return ack.pack === violation.pack && ack.rule === violation.rule
    && (violation.constructPath === ack.constructPath || violation.constructPath.startsWith(`${ack.constructPath}/`));
}

/** Adds severity, description and fix from the report's suppressed violation, when it has one. */
function enrich(ack: ReportFinding, suppressed: ReportFinding[]): ReportFinding {
  const match = suppressed.find((s) => sameAcknowledgement(ack, s));
  if (!match) return ack;
  return { ...ack, severity: match.severity, description: match.description, suggestedFix: match.suggestedFix, reason: ack.reason || match.reason };
}

/**
 * Counts per pack and whether it ran, packs in the order of first appearance: the report's plugins,
 * then the other registered ones, then packs known only from acknowledgements (the library
 * acknowledges findings of packs an app may never register).
 */
export function summarizePacks(
  findings: readonly ReportFinding[], reportedPacks: readonly string[], registered?: readonly string[],
): PackSummary[] {
  const order = [...reportedPacks];
  for (const p of registered ?? []) if (!order.includes(p)) order.push(p);
  for (const f of findings) if (!order.includes(f.pack)) order.push(f.pack);
  return order.map((pack) => {
    const open: Record<string, number> = {};
    let acknowledged = 0;
    for (const f of findings) {
      if (f.pack !== pack) continue;
      if (f.status === 'acknowledged') acknowledged++;
      else open[f.severity] = (open[f.severity] ?? 0) + 1;
    }
    return {
      pack, ran: packRan(pack, reportedPacks, registered), open, openTotal: Object.values(open).reduce((a, b) => a + b, 0), acknowledged,
    };
  });
}
