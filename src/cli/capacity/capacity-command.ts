import * as fs from 'fs';
import * as path from 'path';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { MetricSeries } from '../../alarm-model/types';
import { readCloudAssembly } from '../assembly/read-assembly';
import { deployedDimensions, findDeployedAlarm } from '../aws/deployed-alarms';
import { fetchMetricHistory, MetricRequest } from '../aws/get-metric-data';
import { progressBar } from '../aws/progress-bar';
import { checkRetention, parseTime } from '../aws/retention';
import { readMetricsFile } from '../backtest/metrics-file';
import { CliContext } from '../cli-context';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../errors';
import { checkHistorySource } from '../history-source';
import { forecastService, ServiceForecast } from './forecast-service';
import { fetchQuota, quotaFromSeries, QuotaReading } from './quota-headroom';
import { capacityHtml, capacityJson, capacityMarkdown, capacityText } from './render-capacity';
import { readScalableServices, ScalableService } from './scalable-services';
import { CPU, DeployedNames, historyFromSeries, RUNNING } from './service-history';

export interface CapacityOptions {
  readonly metrics?: string;
  readonly from?: string;
  readonly to?: string;
  readonly region?: string;
  readonly out: string;
  readonly json?: boolean;
}

export const CAPACITY_BASENAME = 'capacity-report';
/** A service forecast to reach its maximum within this many days makes the command exit 1. */
export const WARN_DAYS = 30;

/** Exactly one source of history; --from and --to go together. */
export function checkCapacityOptions(options: CapacityOptions): void {
  checkHistorySource('capacity', options);
}

/** Forecasts every scalable ECS service; writes the HTML and Markdown pages; exit 1 when one reaches its maximum within WARN_DAYS. */
export async function runCapacity(assemblyDir: string, options: CapacityOptions, context: CliContext): Promise<number> {
  checkCapacityOptions(options);
  const services = readScalableServices(readCloudAssembly(assemblyDir).stacks);
  let forecasts: ServiceForecast[];
  if (options.metrics !== undefined) {
    const { series } = readMetricsFile(options.metrics);
    const quota = quotaFromSeries(series);
    forecasts = services.map((s) => forecastService(s, historyFromSeries(series, s), quota));
  } else {
    forecasts = await forecastLive(services, options, context);
  }
  const outDir = path.resolve(options.out);
  fs.mkdirSync(outDir, { recursive: true });
  const files = [['html', capacityHtml(forecasts)], ['md', capacityMarkdown(forecasts)]] as const;
  for (const [ext, content] of files) fs.writeFileSync(path.join(outDir, `capacity.${ext}`), content);
  if (options.json) {
    context.stdout(`${JSON.stringify(capacityJson(forecasts), null, 2)}\n`);
  } else {
    context.stdout(capacityText(forecasts));
    for (const [ext] of files) context.stdout(`Page: ${path.join(outDir, `capacity.${ext}`)}\n`);
  }
  const soon = (days: number | null) => days !== null && days <= WARN_DAYS;
  return forecasts.some((f) => soon(f.daysToLimit) || f.quotas.some((q) => soon(q.daysToLimit))) ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * A one-hour grid keeps the whole 455-day retention reachable; five minutes shows peaks better and
 * CloudWatch keeps it for 63 days.
 */
export function fetchPeriod(fromMs: number, nowMs: number): number {
  return nowMs - fromMs <= 63 * 86_400_000 ? 300 : 3_600;
}

async function forecastLive(services: readonly ScalableService[], options: CapacityOptions, context: CliContext): Promise<ServiceForecast[]> {
  const nowMs = context.now().getTime();
  const fromMs = parseTime(options.from!, '--from', nowMs);
  const toMs = parseTime(options.to!, '--to', nowMs);
  if (toMs <= fromMs) {
    throw new UsageError(`--to must be after --from, got --from ${new Date(fromMs).toISOString()} and --to ${new Date(toMs).toISOString()}`);
  }
  const period = fetchPeriod(fromMs, nowMs);
  checkRetention([{ label: 'the capacity forecast', period }], fromMs, nowMs);
  const out: ServiceForecast[] = [];
  // The quota and its usage are per account and Region: read once per Region.
  const quotas = new Map<string | undefined, Promise<QuotaReading | undefined>>();
  for (const service of services) {
    const region = options.region ?? service.region;
    const client = context.cloudWatchClient(region);
    if (!quotas.has(region)) quotas.set(region, fetchQuota(client, toMs, period));
    const names = await deployedNames(client, service);
    if (!names) {
      out.push({
        ...forecastService(service, undefined),
        notes: ['the cluster or service name is generated at deploy and no deployed capacity guardrail alarm was found to read it from '
          + '(add CapacityGuardrails, or give the history with --metrics)'],
      });
      continue;
    }
    const dimensions = { ClusterName: names.clusterName!, ServiceName: names.serviceName! };
    const requests: MetricRequest[] = [
      { ...RUNNING, dimensions, period, stat: 'Average' },
      { ...CPU, dimensions, period, stat: 'Average' },
    ];
    const fetched = await fetchMetricHistory(client, requests, fromMs, toMs, progressBar(context.isTTY, `Fetching ${service.stack}/${service.logicalId}`));
    const series: MetricSeries[] = fetched.map((f) => ({
      namespace: f.request.namespace,
      metricName: f.request.metricName,
      dimensions: f.request.dimensions,
      period: f.request.period,
      statistic: f.request.stat,
      start: f.startMs,
      values: f.values,
    }));
    const forecast = forecastService(service, historyFromSeries(series, service, names), await quotas.get(region));
    out.push({ ...forecast, notes: [...forecast.notes, 'live mode reads CPU and running tasks; request-count tracking is not read (its target group name is generated at deploy)'] });
  }
  return out;
}

/** Literal names from the template, else the dimensions of the deployed ceiling guardrail alarm. */
async function deployedNames(client: CloudWatchClient, service: ScalableService): Promise<DeployedNames | undefined> {
  if (service.clusterName && service.serviceName) return { clusterName: service.clusterName, serviceName: service.serviceName };
  const ceiling = service.guardrails?.alarms.find((a) => a.kind === 'ceiling');
  if (!ceiling) return undefined;
  const alarm = await findDeployedAlarm(client, service.stack, ceiling.logicalId, undefined);
  const dims = alarm ? deployedDimensions(alarm).get('m1') : undefined;
  if (!dims?.ClusterName || !dims.ServiceName) return undefined;
  return { clusterName: dims.ClusterName, serviceName: dims.ServiceName };
}
