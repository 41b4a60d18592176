import { MetricSeries } from '../../alarm-model/types';

/**
 * The datapoints of one series as [epoch ms, value], read as the statistic the forecast needs:
 * `Average` (a statistic set gives sum / sampleCount) or `Sum`. A plain `value` is taken as that
 * statistic at the series' period, which is how GetMetricData returns it.
 */
export function seriesValues(series: MetricSeries, statistic: 'Average' | 'Sum'): Array<[number, number]> {
  const period = (series.period ?? 60) * 1000;
  if (series.values !== undefined) {
    const start = toMs(series.start ?? 0);
    const out: Array<[number, number]> = [];
    for (let i = 0; i < series.values.length; i++) {
      const v = series.values[i];
      if (v !== null && Number.isFinite(v)) out.push([start + i * period, v]);
    }
    return out;
  }
  const out: Array<[number, number]> = [];
  for (const point of series.points ?? []) {
    const t = toMs(point.timestamp);
    if (typeof point.value === 'number') {out.push([t, point.value]);} else if (typeof point.sum === 'number') {
      if (statistic === 'Sum') out.push([t, point.sum]);
      else if (typeof point.sampleCount === 'number' && point.sampleCount > 0) out.push([t, point.sum / point.sampleCount]);
    }
  }
  return out;
}

function toMs(timestamp: string | number): number {
  return typeof timestamp === 'number' ? timestamp : Date.parse(timestamp);
}
