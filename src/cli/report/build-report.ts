import { collectChaosExperiments } from './collect-chaos';
import { collectDisasterRecovery } from './collect-disaster-recovery';
import { collectFindings, summarizePacks } from './collect-findings';
import { collectRollbackAlarms } from './collect-rollback-alarms';
import { collectSlos } from './collect-slos';
import { ReliabilityReport } from './report-model';
import { CloudAssembly } from '../assembly/cloud-assembly';

/** Everything the report shows, read from one cloud assembly. */
export function buildReport(assembly: CloudAssembly): ReliabilityReport {
  const findings = collectFindings(assembly);
  return {
    assemblyDirectory: assembly.directory,
    stacks: assembly.stacks.map((s) => s.displayName),
    validationReportFound: assembly.validationReport !== undefined,
    packs: summarizePacks(findings, (assembly.validationReport?.pluginReports ?? []).map((r) => r.pluginName)),
    findings,
    slos: collectSlos(assembly.stacks),
    disasterRecovery: collectDisasterRecovery(assembly.stacks),
    chaosExperiments: collectChaosExperiments(assembly.stacks),
    rollbackAlarms: collectRollbackAlarms(assembly.stacks),
  };
}
