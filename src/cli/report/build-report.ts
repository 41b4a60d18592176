import { collectCapacity } from './collect-capacity';
import { collectChaosExperiments } from './collect-chaos';
import { collectDisasterRecovery } from './collect-disaster-recovery';
import { collectFindings, summarizePacks } from './collect-findings';
import { collectRollbackAlarms } from './collect-rollback-alarms';
import { collectSlos } from './collect-slos';
import { ReliabilityReport } from './report-model';
import { registeredPlugins } from './validation-plugins';
import { CloudAssembly } from '../assembly/cloud-assembly';

/** Everything the report shows, read from one cloud assembly. */
export function buildReport(assembly: CloudAssembly): ReliabilityReport {
  const registered = registeredPlugins(assembly);
  const findings = collectFindings(assembly, registered);
  return {
    assemblyDirectory: assembly.directory,
    stacks: assembly.stacks.map((s) => s.displayName),
    validationReportFound: assembly.validationReport !== undefined,
    registeredPlugins: registered ?? null,
    packs: summarizePacks(findings, (assembly.validationReport?.pluginReports ?? []).map((r) => r.pluginName), registered),
    findings,
    slos: collectSlos(assembly.stacks),
    disasterRecovery: collectDisasterRecovery(assembly.stacks),
    chaosExperiments: collectChaosExperiments(assembly.stacks),
    rollbackAlarms: collectRollbackAlarms(assembly.stacks),
    capacity: collectCapacity(assembly.stacks),
  };
}
