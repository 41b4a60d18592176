import * as fs from 'fs';
import * as path from 'path';
import type { ValidationReportJson } from '../../examples/compliance/findings';

/** A finding left open in validation-report.json, with the library construct that owns it, if any. */
export interface OwnedFinding {
  readonly plugin: string;
  readonly rule: string;
  readonly severity: string;
  readonly constructPath: string;
  /** jsii type of the nearest cdk-reliability construct above the resource; undefined for the user's own. */
  readonly libraryOwner?: string;
}

interface TreeNode {
  readonly id: string;
  readonly constructInfo?: { readonly fqn?: string };
  readonly children?: Record<string, TreeNode>;
}

const LIBRARY_FQN_PREFIX = 'cdk-reliability.';

/**
 * The cdk-reliability construct a construct path lies under, read from tree.json (jsii records
 * each construct's type there, e.g. `cdk-reliability.BlueGreenPipeline`). The nearest one wins.
 */
export function libraryOwnerOf(tree: TreeNode, constructPath: string): string | undefined {
  let owner: string | undefined;
  let node: TreeNode | undefined = tree;
  for (const id of constructPath.split('/')) {
    node = node?.children?.[id];
    if (!node) break;
    const fqn = node.constructInfo?.fqn;
    if (fqn?.startsWith(LIBRARY_FQN_PREFIX)) owner = fqn;
  }
  return owner;
}

/** Every open finding of a validation report (acknowledged ones are not in it), with its owner. */
export function ownedFindings(report: ValidationReportJson, tree: TreeNode): OwnedFinding[] {
  const findings: OwnedFinding[] = [];
  for (const plugin of report.pluginReports ?? []) {
    for (const violation of plugin.violations ?? []) {
      for (const construct of violation.violatingConstructs ?? [{}]) {
        const constructPath = construct.constructPath ?? '(unknown)';
        findings.push({
          plugin: plugin.pluginName,
          rule: violation.ruleName,
          severity: violation.severity ?? 'unknown',
          constructPath,
          libraryOwner: libraryOwnerOf(tree, constructPath),
        });
      }
    }
  }
  return findings;
}

/**
 * Reads the findings of a synthesized assembly. A missing validation report means no plugin ran:
 * an error, never a clean result.
 */
export function readOwnedFindings(cdkOut: string): OwnedFinding[] {
  const reportFile = path.join(cdkOut, 'validation-report.json');
  if (!fs.existsSync(reportFile)) throw new Error(`no validation-report.json in ${cdkOut}: did the plugins run?`);
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as ValidationReportJson;
  const tree = JSON.parse(fs.readFileSync(path.join(cdkOut, 'tree.json'), 'utf8')) as { tree: TreeNode };
  return ownedFindings(report, tree.tree);
}
