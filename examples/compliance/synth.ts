import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { Acknowledgement, collectAcknowledgements, Finding, readUnacknowledgedFindings } from './findings';
import { registerCompliancePacks } from './packs';

/** What a synthesis under every compliance pack left behind. */
export interface ComplianceResult {
  /** Findings no acknowledgement covers; the examples must keep this empty. */
  readonly findings: Finding[];
  /** Every acknowledgement in the app, with its reason. */
  readonly acknowledgements: Acknowledgement[];
  /** The cloud assembly directory (templates and validation-report.json). */
  readonly assemblyDir: string;
  /**
   * Context keys the app looked up and found nowhere (e.g. Availability Zones): `cdk synth` would
   * call AWS for them, which fails on a machine without credentials. The examples keep this empty.
   */
  readonly missingContext: string[];
}

const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');

/**
 * The context `cdk synth` gives the app at the repository root: cdk.json's `context` and the
 * lookups cached in cdk.context.json, so a test synthesizes exactly what the main command does.
 */
export function cdkCliContext(): Record<string, unknown> {
  const read = (file: string) => {
    const full = path.join(REPOSITORY_ROOT, file);
    return fs.existsSync(full) ? JSON.parse(fs.readFileSync(full, 'utf8')) : {};
  };
  return { ...read('cdk.json').context, ...read('cdk.context.json') };
}

/**
 * Builds an app with `build`, registers every compliance pack and synthesizes it.
 *
 * In memory, aws-cdk-lib throws when an error-level finding is left; the report is
 * written first, so the throw is caught and the report is the single source of truth.
 */
export function synthWithCompliance(build: (app: App) => void, outdir?: string): ComplianceResult {
  const assemblyDir = outdir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-reliability-'));
  const app = new App({ outdir: assemblyDir, context: cdkCliContext() });
  registerCompliancePacks(app);
  build(app);
  try {
    app.synth();
  } catch (error) {
    if (!fs.existsSync(path.join(assemblyDir, 'validation-report.json'))) throw error;
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(assemblyDir, 'manifest.json'), 'utf8')) as { missing?: Array<{ key: string }> };
  return {
    findings: readUnacknowledgedFindings(assemblyDir),
    acknowledgements: collectAcknowledgements(app),
    assemblyDir,
    missingContext: (manifest.missing ?? []).map((m) => m.key),
  };
}
