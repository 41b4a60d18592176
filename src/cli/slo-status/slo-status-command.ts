import { readCloudAssembly } from '../assembly/read-assembly';
import { CliContext } from '../cli-context';
import { EXIT_FINDINGS, EXIT_OK } from '../errors';
import { deployedSliDimensions, errorRatio, sliQueries } from './fetch-error-ratios';
import { renderStatusText } from './render-status';
import { AlertWindowStatus, needsAttention, SloStatus } from './slo-status-model';
import { attainmentPercent, budgetRemainingOutageMinutes, budgetRemainingPercent, measuredBurnRate } from '../../slo/burn-rate-math';
import { readSloDefinitions, SloDefinition } from '../slo/slo-metadata';

export interface SloStatusOptions {
  readonly region?: string;
  readonly json?: boolean;
}

/** Attainment, budget and burn rates of every SLO; exit code 1 when a budget is spent or a pair fires. */
export async function runSloStatus(assemblyDir: string, options: SloStatusOptions, context: CliContext): Promise<number> {
  const slos = readSloDefinitions(readCloudAssembly(assemblyDir).stacks);
  if (slos.length === 0) {
    context.stdout(options.json ? `${JSON.stringify({ slos: [] }, null, 2)}\n` : 'No SLO metadata in the assembly (no SloAlarmSet).\n');
    return EXIT_OK;
  }
  // Windows end at the last whole minute, the way alarms see them.
  const endMs = Math.floor(context.now().getTime() / 60_000) * 60_000;
  const statuses: SloStatus[] = [];
  for (const slo of slos) statuses.push(await sloStatus(slo, options.region ?? slo.region, endMs, context));
  context.stdout(options.json
    ? `${JSON.stringify({ at: new Date(endMs).toISOString(), slos: statuses }, null, 2)}\n`
    : renderStatusText(statuses, new Date(endMs)));
  return statuses.some(needsAttention) ? EXIT_FINDINGS : EXIT_OK;
}

async function sloStatus(slo: SloDefinition, region: string | undefined, endMs: number, context: CliContext): Promise<SloStatus> {
  const client = context.cloudWatchClient(region);
  const dims = await deployedSliDimensions(client, slo);
  const ratios = new Map<number, number | null>();
  const ratioOver = async (windowSeconds: number) => {
    if (!ratios.has(windowSeconds)) {
      ratios.set(windowSeconds, await errorRatio(client, sliQueries(slo, windowSeconds, dims), slo.sli.returnQueryId, windowSeconds, endMs));
    }
    return ratios.get(windowSeconds)!;
  };
  const ratio = await ratioOver(slo.windowSeconds);
  const alerts: AlertWindowStatus[] = [];
  for (const alert of slo.alerts) {
    const long = await ratioOver(alert.longWindowSeconds);
    const short = await ratioOver(alert.shortWindowSeconds);
    alerts.push({
      severity: alert.severity,
      alertBurnRate: alert.burnRate,
      longWindowSeconds: alert.longWindowSeconds,
      shortWindowSeconds: alert.shortWindowSeconds,
      longBurnRate: long === null ? null : measuredBurnRate(long, slo.errorBudget),
      shortBurnRate: short === null ? null : measuredBurnRate(short, slo.errorBudget),
      firing: long !== null && short !== null && long > alert.threshold && short > alert.threshold,
    });
  }
  return {
    stack: slo.stack,
    service: slo.serviceName,
    name: slo.name,
    objectivePercent: slo.objectivePercent,
    windowName: slo.windowName,
    windowSeconds: slo.windowSeconds,
    errorRatio: ratio,
    attainmentPercent: ratio === null ? null : attainmentPercent(ratio),
    errorBudgetRemainingPercent: ratio === null ? null : budgetRemainingPercent(ratio, slo.errorBudget),
    errorBudgetRemainingMinutes: ratio === null ? null : budgetRemainingOutageMinutes(ratio, slo.errorBudget, slo.windowSeconds),
    alerts,
  };
}
