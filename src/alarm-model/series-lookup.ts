/**
 * Which series of the metric history an alarm's metric reads.
 */
import { AlarmModelError } from './errors';
import { NormalizedSeries, seriesLabel } from './period-aggregation';
import type { MetricStat } from './types';

/**
 * Same namespace, metric name and dimension names; equal dimension values, where the alarm knows them
 * (an unresolved intrinsic matches any value). Among matches, a series already holding the alarm's
 * statistic wins over raw observations; among those, the one at the alarm's period (a percentile
 * cannot be re-aggregated, so an SLO reads one PR(:t) series per window length).
 * Undefined (with a warning) when no series matches.
 */
export function findSeries(stat: MetricStat, all: readonly NormalizedSeries[], owner: string, warnings: string[]): NormalizedSeries | undefined {
  const wanted = stat.metric;
  const names = Object.keys(wanted.dimensions).sort().join('|');
  const candidates = all.filter((s) =>
    s.namespace === wanted.namespace
    && s.metricName === wanted.metricName
    && Object.keys(s.dimensions).sort().join('|') === names
    && Object.entries(wanted.dimensions).every(([k, v]) => v === null || s.dimensions[k] === v));
  if (candidates.length === 0) {
    warnings.push(`${owner}: no series for ${seriesLabel(wanted)} (statistic ${stat.stat}, period ${stat.period} s); its datapoints are all missing`);
    return undefined;
  }
  const sameStatistic = candidates.filter((s) => s.statistic?.toLowerCase() === stat.stat.toLowerCase());
  const samePeriod = sameStatistic.filter((s) => s.period === stat.period);
  const exact = samePeriod.length > 0 ? samePeriod : sameStatistic;
  const raw = candidates.filter((s) => s.statistic === undefined);
  const pick = exact.length > 0 ? exact : raw.length > 0 ? raw : candidates;
  if (pick.length > 1) {
    throw new AlarmModelError(`${owner}: ${pick.length} series match ${seriesLabel(wanted)} (${pick.map((s) => s.label).join('; ')}); give exactly one`);
  }
  return pick[0];
}
