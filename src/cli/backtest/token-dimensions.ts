import { AlarmDefinition, MetricSeries } from '../../alarm-model/types';

/**
 * With `--metrics`, a dimension that is a token in the template (`null`) matches any value. When
 * several series of the file match such a metric, the alarm cannot be replayed (the model wants
 * exactly one): this says why, so the alarm is set aside instead of failing the whole replay.
 * The matching mirrors the model's: same namespace, name and dimension names, literal values equal,
 * and the series holding the alarm's statistic (or raw observations).
 */
export function tokenDimensionConflict(definition: AlarmDefinition, series: readonly MetricSeries[]): string | undefined {
  if (definition.kind !== 'metric') return undefined;
  for (const query of definition.queries) {
    const stat = query.metricStat;
    if (!stat || !Object.values(stat.metric.dimensions).some((v) => v === null)) continue;
    const names = Object.keys(stat.metric.dimensions).sort().join('|');
    const candidates = series.filter((s) => s.namespace === stat.metric.namespace
      && s.metricName === stat.metric.metricName
      && Object.keys(s.dimensions ?? {}).sort().join('|') === names
      && Object.entries(stat.metric.dimensions).every(([k, v]) => v === null || s.dimensions?.[k] === v));
    const exact = candidates.filter((s) => s.statistic?.toLowerCase() === stat.stat.toLowerCase());
    const raw = candidates.filter((s) => s.statistic === undefined);
    const pick = exact.length > 0 ? exact : raw.length > 0 ? raw : candidates;
    if (pick.length > 1) {
      const tokens = Object.entries(stat.metric.dimensions).filter(([, v]) => v === null).map(([k]) => k);
      const values = pick.map((s) => tokens.map((k) => `${k}=${s.dimensions?.[k]}`).join(',')).join('; ');
      return `dimension ${tokens.join(', ')} of ${stat.metric.namespace} ${stat.metric.metricName} is a token in the template `
        + `and ${pick.length} series of the metrics file match it (${values}); keep only the deployed one`;
    }
  }
  return undefined;
}
