import { QuotaReading, quotaLimitTasks } from './quota-headroom';
import { cpuTarget, requestsTarget, ScalableService } from './scalable-services';
import { ServiceHistory } from './service-history';
import { CapacityTrend, DailyPeak, daysToReach, fitTrend, forecastAt, ForecastPoint, isoDay } from '../../capacity/capacity-forecast';
import { dailyPeaks, tasksNeeded } from '../../capacity/tasks-needed';

/** When the peak reaches a quota's share of tasks. */
export interface QuotaForecast {
  readonly name: string;
  readonly quota: number;
  readonly usage: number;
  /** Tasks of this service the quota leaves room for (others constant). */
  readonly limitTasks: number;
  readonly daysToLimit: number | null;
  readonly limitDate: string | null;
}

/** How far the chart and the Markdown look ahead. */
export const FORECAST_DAYS = 60;

/** One service's forecast: the JSON contract's fields plus what the pages draw. */
export interface ServiceForecast {
  readonly stack: string;
  readonly logicalId: string;
  readonly constructPath: string;
  readonly maxCapacity: number;
  /** Highest daily peak of tasks needed in the history, rounded up to whole tasks; null without history. */
  readonly peakTasksNeeded: number | null;
  /** Trend of the daily peak, tasks per day; null without a trend. */
  readonly growthPerDay: number | null;
  /** Days from the last day of history until the expected peak reaches maxCapacity; null when it never does (within two years). */
  readonly daysToLimit: number | null;
  /** The date of `daysToLimit`. */
  readonly limitDate: string | null;
  /** Earliest / latest day of the 90 % band reaching the limit. */
  readonly daysToLimitRange: { readonly earliest: number | null; readonly latest: number | null } | null;
  readonly weeklySeasonality: boolean;
  /** What the need was computed from: `cpu`, `requests`, `running`. */
  readonly sources: string[];
  readonly history: DailyPeak[];
  readonly forecast: ForecastPoint[];
  /** Each quota the service consumes, when its usage and value were read. */
  readonly quotas: QuotaForecast[];
  /** Why a number is missing, what was not read. */
  readonly notes: string[];
}

/** Tasks needed → daily peaks → trend → when the peak reaches maxCapacity. */
export function forecastService(service: ScalableService, history: ServiceHistory | undefined, quota?: QuotaReading): ServiceForecast {
  const base = { stack: service.stack, logicalId: service.logicalId, constructPath: service.constructPath, maxCapacity: service.maxCapacity };
  const empty = {
    peakTasksNeeded: null,
    growthPerDay: null,
    daysToLimit: null,
    limitDate: null,
    daysToLimitRange: null,
    weeklySeasonality: false,
    forecast: [],
    quotas: [],
  };
  if (!history) {
    return { ...base, ...empty, sources: [], history: [], notes: ['no RunningTaskCount series for this service: nothing to forecast'] };
  }
  const cpu = cpuTarget(service);
  const requests = requestsTarget(service);
  const notes = [...history.notes];
  if (history.requests && requests === undefined) notes.push('RequestCountPerTarget given but the service has no request-count target: not used');
  const points = tasksNeeded({
    running: history.running,
    cpu: history.cpu && cpu !== undefined ? { series: history.cpu, targetPercent: cpu } : undefined,
    requests: history.requests && requests !== undefined ? { series: history.requests, targetPerMinute: requests } : undefined,
  });
  const peaks = dailyPeaks(points, history.periodSeconds);
  const sources = [...new Set(points.map((p) => p.source))].sort();
  const peakTasksNeeded = peaks.length ? Math.ceil(Math.max(...peaks.map((p) => p.peak)) - 1e-9) : null;
  const fit = fitTrend(peaks);
  if (!fit.ok) return { ...base, ...empty, peakTasksNeeded, sources, history: peaks, notes: [...notes, `no forecast: ${fit.message}`] };
  if (fit.trend.levelShiftDay !== null) notes.push(`level shift on ${isoDay(fit.trend.levelShiftDay)}: the trend is fitted from that day on`);
  const quotas: QuotaForecast[] = [];
  const runningNow = [...history.running].sort((a, b) => b[0] - a[0])[0]?.[1];
  if (quota && service.taskVcpu !== undefined && runningNow !== undefined) {
    const limitTasks = quotaLimitTasks(quota, runningNow, service.taskVcpu);
    const days = daysToReach(fit.trend, limitTasks).days;
    quotas.push({ ...quota, limitTasks: round(limitTasks), daysToLimit: days, limitDate: days === null ? null : isoDay(fit.trend.lastDay + days) });
  } else if (service.taskVcpu !== undefined) {
    notes.push('no Fargate On-Demand vCPU usage or quota read: days to the quota not computed');
  }
  return { ...base, ...forecastFields(fit.trend, service.maxCapacity), peakTasksNeeded, sources, history: peaks, quotas, notes };
}

function forecastFields(trend: CapacityTrend, limit: number) {
  const crossing = daysToReach(trend, limit);
  return {
    growthPerDay: round(trend.growthPerDay),
    daysToLimit: crossing.days,
    limitDate: crossing.days === null ? null : isoDay(trend.lastDay + crossing.days),
    daysToLimitRange: { earliest: crossing.earliestDays, latest: crossing.latestDays },
    weeklySeasonality: trend.weekly !== null,
    forecast: Array.from({ length: FORECAST_DAYS }, (_, i) => forecastAt(trend, i + 1)),
  };
}

function round(value: number): number {
  return Number(value.toFixed(4));
}
