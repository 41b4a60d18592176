import * as path from 'path';
import { formatFindings, readUnacknowledgedFindings, VALIDATION_REPORT_FILE } from './compliance/findings';

/**
 * The last step of the README's main command: fails when the synthesized example app
 * left any unacknowledged finding, and says where the report is.
 */
const assemblyDir = path.resolve(process.argv[2] ?? 'cdk.out');
const findings = readUnacknowledgedFindings(assemblyDir);
if (findings.length > 0) {
  console.error(`${findings.length} unacknowledged compliance finding(s):\n${formatFindings(findings)}`);
  process.exitCode = 1;
} else {
  console.log('Zero unacknowledged findings under every compliance pack.');
}
console.log(`Report: ${path.join(assemblyDir, VALIDATION_REPORT_FILE)}`);
