import { assemblyAlarms, dropOrphanComposites } from './assembly-alarms';
import { blindPairWarnings } from './blind-pairs';
import { fetchAlarmHistory } from './cloudwatch-history';
import { readMetricsFile } from './metrics-file';
import { backtestJson, backtestText, firedAlarms } from './render-backtest';
import { replayWhatCanBe } from './replay-what-can-be';
import { tokenDimensionConflict } from './token-dimensions';
import { AlarmDefinition, MetricSeries } from '../../alarm-model/types';
import { readCloudAssembly } from '../assembly/read-assembly';
import { progressBar } from '../aws/progress-bar';
import { parseTime } from '../aws/retention';
import { CliContext } from '../cli-context';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../errors';
import { checkHistorySource } from '../history-source';
import { readSloDefinitions } from '../slo/slo-metadata';

export interface BacktestOptions {
  readonly metrics?: string;
  readonly from?: string;
  readonly to?: string;
  readonly region?: string;
  readonly json?: boolean;
}

/** Checks that exactly one source of history is given; --from and --to go together. */
export function checkBacktestOptions(options: BacktestOptions): void {
  checkHistorySource('backtest', options);
}

/** Replays the history through every alarm; exit code 1 when an alarm went to ALARM. */
export async function runBacktest(assemblyDir: string, options: BacktestOptions, context: CliContext): Promise<number> {
  checkBacktestOptions(options);
  const assembly = readCloudAssembly(assemblyDir);
  const { definitions, origins, skipped } = assemblyAlarms(assembly.stacks);
  if (definitions.length === 0 && skipped.length === 0) {
    context.stdout(options.json ? `${JSON.stringify({ alarms: [] }, null, 2)}\n` : 'No CloudWatch alarm in the assembly: nothing to replay.\n');
    return EXIT_OK;
  }
  let replayDefinitions: AlarmDefinition[] = definitions;
  let series: MetricSeries[];
  let fromMs: number;
  let toMs: number;
  const fetchWarnings: string[] = [];
  if (options.metrics !== undefined) {
    const file = readMetricsFile(options.metrics);
    ({ series, fromMs, toMs } = file);
    const clear = definitions.filter((d) => {
      const conflict = tokenDimensionConflict(d, file.series);
      if (conflict) skipped.push({ id: d.id, stack: origins.get(d.id)?.stack.displayName ?? '', logicalId: origins.get(d.id)?.logicalId ?? d.id, reason: conflict });
      return !conflict;
    });
    replayDefinitions = dropOrphanComposites(clear, skipped, origins);
  } else {
    const nowMs = context.now().getTime();
    fromMs = parseTime(options.from!, '--from', nowMs);
    toMs = parseTime(options.to!, '--to', nowMs);
    if (toMs <= fromMs) {
      throw new UsageError(`--to must be after --from, got --from ${new Date(fromMs).toISOString()} and --to ${new Date(toMs).toISOString()}`);
    }
    const history = await fetchAlarmHistory({
      definitions,
      origins,
      fromMs,
      toMs,
      nowMs,
      region: options.region,
      client: context.cloudWatchClient,
      progress: progressBar(context.isTTY, 'Fetching metric history'),
    });
    replayDefinitions = history.definitions;
    series = history.series;
    fetchWarnings.push(...history.warnings);
  }
  const result = replayWhatCanBe(replayDefinitions, series, { from: fromMs, to: toMs }, skipped, origins);
  const warnings = [
    ...skipped.map((s) => `alarm ${s.stack}/${s.logicalId} is not replayed: ${s.reason}`),
    ...fetchWarnings,
    // An SLO pair without its data replays as OK: say it cannot fire here rather than let that read as healthy.
    ...blindPairWarnings(readSloDefinitions(assembly.stacks), result.missingSeries, origins),
  ];
  context.stdout(options.json
    ? `${JSON.stringify(backtestJson(result, origins, warnings, skipped), null, 2)}\n`
    : backtestText(result, origins, warnings));
  return firedAlarms(result).length > 0 ? EXIT_FINDINGS : EXIT_OK;
}
