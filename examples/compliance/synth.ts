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
}

/**
 * Builds an app with `build`, registers every compliance pack and synthesizes it.
 *
 * In memory, aws-cdk-lib throws when an error-level finding is left; the report is
 * written first, so the throw is caught and the report is the single source of truth.
 */
export function synthWithCompliance(build: (app: App) => void, outdir?: string): ComplianceResult {
  const assemblyDir = outdir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-reliability-'));
  const app = new App({ outdir: assemblyDir });
  registerCompliancePacks(app);
  build(app);
  try {
    app.synth();
  } catch (error) {
    if (!fs.existsSync(path.join(assemblyDir, 'validation-report.json'))) throw error;
  }
  return {
    findings: readUnacknowledgedFindings(assemblyDir),
    acknowledgements: collectAcknowledgements(app),
    assemblyDir,
  };
}
