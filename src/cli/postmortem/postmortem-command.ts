import * as fs from 'fs';
import * as path from 'path';
import { AlarmTimeline, fetchAlarmHistory, templateAlarms, timelinesFromHistory } from './alarm-timeline';
import { sortChanges } from './changes';
import { collectEcsDeployments } from './ecs-deployments';
import { collectFisExperiments } from './fis-experiments';
import { PostmortemModel, postmortemJson, sloImpact } from './postmortem-model';
import { renderPostmortemHtml, renderPostmortemMarkdown } from './render-postmortem';
import { sliFromCloudWatch, sliFromMetrics } from './sli-series';
import { AlarmModelError } from '../../alarm-model/errors';
import { CloudAssembly } from '../assembly/cloud-assembly';
import { readCloudAssembly } from '../assembly/read-assembly';
import { parseTime } from '../aws/retention';
import { assemblyAlarms, dropOrphanComposites } from '../backtest/assembly-alarms';
import { readMetricsFile } from '../backtest/metrics-file';
import { replayWhatCanBe } from '../backtest/replay-what-can-be';
import { tokenDimensionConflict } from '../backtest/token-dimensions';
import { CliContext } from '../cli-context';
import { EXIT_OK, UsageError } from '../errors';
import { readSloDefinitions } from '../slo/slo-metadata';

export interface PostmortemOptions {
  readonly from?: string;
  readonly to?: string;
  readonly metrics?: string;
  readonly region?: string;
  readonly out: string;
  readonly json?: boolean;
}

export const POSTMORTEM_BASENAME = 'postmortem';

/** What live mode does not read: said in the draft, never left blank. */
const NOT_COLLECTED_LIVE = 'CodePipeline executions in the window: not read; run aws codepipeline list-pipeline-executions for the window.';
const NOT_COLLECTED_METRICS = 'Deployments, rollbacks and FIS experiments: not in a metrics file (replay mode); run with --region to read the live timeline.';

/** Checks the options: a window, and exactly one source. */
export function checkPostmortemOptions(options: PostmortemOptions): void {
  if (options.from === undefined || options.to === undefined) throw new UsageError('postmortem: give the incident window with --from and --to');
  if ((options.metrics === undefined) === (options.region === undefined)) {
    throw new UsageError('postmortem: give either --metrics FILE (replay the alarms and SLIs from metric history) or --region R (read CloudWatch), exactly one');
  }
}

/** Writes `<out>/postmortem.md` and `.html`; prints the JSON contract with --json. Exit 0. */
export async function runPostmortem(assemblyDir: string, options: PostmortemOptions, context: CliContext): Promise<number> {
  checkPostmortemOptions(options);
  const nowMs = context.now().getTime();
  const fromMs = parseTime(options.from!, '--from', nowMs);
  const toMs = parseTime(options.to!, '--to', nowMs);
  if (toMs <= fromMs) throw new UsageError(`--to must be after --from, got --from ${new Date(fromMs).toISOString()} and --to ${new Date(toMs).toISOString()}`);
  const assembly = readCloudAssembly(assemblyDir);
  const model = options.metrics !== undefined
    ? fromMetricsFile(assembly, options.metrics, fromMs, toMs)
    : await fromCloudWatch(assembly, context, options.region!, fromMs, toMs);

  fs.mkdirSync(options.out, { recursive: true });
  const md = path.join(options.out, `${POSTMORTEM_BASENAME}.md`);
  const html = path.join(options.out, `${POSTMORTEM_BASENAME}.html`);
  fs.writeFileSync(md, renderPostmortemMarkdown(model));
  fs.writeFileSync(html, renderPostmortemHtml(model));
  if (options.json) {
    context.stdout(`${JSON.stringify(postmortemJson(model), null, 2)}\n`);
  } else {
    const fired = model.alarms.filter((a) => a.transitions.some((t) => t.state === 'ALARM')).length;
    context.stdout(`wrote ${md} and ${html}: ${model.alarms.length} alarm(s) changed state (${fired} to ALARM), ${model.slos.length} SLO(s).\n`);
  }
  return EXIT_OK;
}

function fromMetricsFile(assembly: CloudAssembly, file: string, fromMs: number, toMs: number): PostmortemModel {
  const metrics = readMetricsFile(file);
  if (metrics.toMs <= fromMs || metrics.fromMs >= toMs) {
    throw new UsageError(`Metrics file ${file} covers ${new Date(metrics.fromMs).toISOString()} to ${new Date(metrics.toMs).toISOString()}, outside the window`);
  }
  const { definitions, origins, skipped } = assemblyAlarms(assembly.stacks);
  const clear = definitions.filter((d) => {
    const conflict = tokenDimensionConflict(d, metrics.series);
    if (conflict) skipped.push({ id: d.id, stack: origins.get(d.id)?.stack.displayName ?? '', logicalId: origins.get(d.id)?.logicalId ?? d.id, reason: conflict });
    return !conflict;
  });
  const warnings: string[] = [];
  let alarms: AlarmTimeline[] = [];
  const replayable = dropOrphanComposites(clear, skipped, origins);
  if (replayable.length > 0) {
    // The whole file is replayed (the long windows need the history before the incident); the draft keeps the window.
    const result = replayWhatCanBe(replayable, metrics.series, { from: metrics.fromMs, to: metrics.toMs }, skipped, origins);
    warnings.push(...result.warnings);
    alarms = result.alarms.map((a) => ({
      stack: origins.get(a.id)?.stack.displayName ?? '',
      logicalId: origins.get(a.id)?.logicalId ?? a.id,
      alarmName: a.alarmName ?? null,
      transitions: a.transitions.filter((t) => t.epochMs >= fromMs && t.epochMs < toMs).map((t) => ({ timestamp: t.timestamp, state: t.state })),
    })).filter((a) => a.transitions.length > 0);
  }
  warnings.push(...skipped.map((s) => `alarm ${s.stack}/${s.logicalId} is not replayed: ${s.reason}`));
  const slos = readSloDefinitions(assembly.stacks).flatMap((slo) => {
    try {
      return [sloImpact(slo, sliFromMetrics(slo, metrics.series, fromMs, toMs), fromMs, toMs)];
    } catch (error) {
      if (!(error instanceof AlarmModelError)) throw error;
      warnings.push(`SLO ${slo.serviceName}/${slo.name}: not computed: ${error.message}`);
      return [];
    }
  });
  return { fromMs, toMs, source: `the metric history in ${path.basename(file)} (replayed through the alarm model)`, slos, alarms, changes: [], notCollected: [NOT_COLLECTED_METRICS], warnings };
}

async function fromCloudWatch(assembly: CloudAssembly, context: CliContext, region: string, fromMs: number, toMs: number): Promise<PostmortemModel> {
  const client = context.cloudWatchClient(region);
  const stacks = assembly.stacks.filter((s) => s.region === undefined || s.region === region);
  const alarms = timelinesFromHistory(templateAlarms(stacks), await fetchAlarmHistory(client, fromMs, toMs));
  const warnings: string[] = [];
  const slos = [];
  for (const slo of readSloDefinitions(stacks)) {
    try {
      slos.push(sloImpact(slo, await sliFromCloudWatch(client, slo, fromMs, toMs), fromMs, toMs));
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      warnings.push(`SLO ${slo.serviceName}/${slo.name}: not computed: ${error.message}`);
    }
  }
  const ecs = await collectEcsDeployments(context.ecsClient(region), client, stacks, fromMs, toMs);
  const fis = await collectFisExperiments(context.fisClient(region), stacks, fromMs, toMs);
  return {
    fromMs,
    toMs,
    source: `CloudWatch in ${region} (DescribeAlarmHistory, GetMetricData), ECS (ListServiceDeployments) and FIS (ListExperimentTemplates, ListExperiments)`,
    slos,
    alarms,
    changes: sortChanges([...ecs.changes, ...fis.changes]),
    notCollected: [...ecs.notCollected, ...fis.notCollected, NOT_COLLECTED_LIVE],
    warnings: [...warnings, ...ecs.warnings, ...fis.warnings],
  };
}
