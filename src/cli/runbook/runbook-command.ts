import * as fs from 'fs';
import * as path from 'path';
import { mitigations } from './mitigations';
import { pagingAlarms } from './paging-alarms';
import { renderRunbook } from './render-runbook';
import { readCloudAssembly } from '../assembly/read-assembly';
import { CliContext } from '../cli-context';
import { EXIT_OK } from '../errors';

export interface RunbookOptions {
  readonly out: string;
}

/**
 * Writes `<out>/<stack name>/<logical id>.md` per paging alarm: the path OnCallRouting's `runbookBaseUrl`
 * links to. Exit 0; an assembly without paging alarms writes nothing and says so.
 */
export function runRunbook(assemblyDir: string, options: RunbookOptions, context: CliContext): number {
  const assembly = readCloudAssembly(assemblyDir);
  const alarms = pagingAlarms(assembly.stacks);
  if (alarms.length === 0) {
    context.stdout('No paging alarm in the assembly (alarms are marked by the library\'s constructs and OnCallRouting.routePage): no runbook written.\n');
    return EXIT_OK;
  }
  const found = mitigations(assembly.stacks);
  for (const alarm of alarms) {
    const file = path.join(options.out, alarm.stack.stackName ?? alarm.stack.displayName, `${alarm.logicalId}.md`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, renderRunbook(alarm, found, assembly.stacks));
    const link = alarm.runbookUrl ? ` (linked from the alarm: ${alarm.runbookUrl})` : ' (the alarm description has no runbook link: set OnCallRouting runbookBaseUrl)';
    context.stdout(`wrote ${file}${link}\n`);
  }
  context.stdout(`${alarms.length} runbook(s), ${found.length} mitigation(s) each.\n`);
  return EXIT_OK;
}
