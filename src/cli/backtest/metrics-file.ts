import { MetricSeries } from '../../alarm-model/types';
import { isRecord, readJsonFile } from '../assembly/json-file';
import { UsageError } from '../errors';

/** The replay range of a metrics file: first timestamp to the end of the last period. */
export interface MetricsFile {
  readonly series: MetricSeries[];
  readonly fromMs: number;
  readonly toMs: number;
}

const STAT_FIELDS = ['sum', 'sampleCount', 'minimum', 'maximum'];

/**
 * Reads `--metrics FILE`: `{ "metrics": [ { namespace, metricName, dimensions, period, points: [...] } ] }`.
 * An entry may add `"statistic": "p99"` when its values already are that statistic at `period`
 * (the only way to feed a percentile alarm: percentiles cannot be rebuilt from observations).
 * The shape is checked here with messages that name the file and the entry; the values themselves
 * (periods, statistic sets) are checked again by the alarm model.
 */
export function readMetricsFile(file: string): MetricsFile {
  return parseMetricsDocument(readJsonFile(file, 'Metrics file'), file);
}

export function parseMetricsDocument(document: unknown, file: string): MetricsFile {
  if (!isRecord(document) || !Array.isArray(document.metrics)) {
    throw new UsageError(`Metrics file ${file} must be a JSON object with a "metrics" array`);
  }
  if (document.metrics.length === 0) throw new UsageError(`Metrics file ${file}: "metrics" is empty, nothing to replay`);
  let fromMs = Infinity;
  let toMs = -Infinity;
  const series = document.metrics.map((entry, i): MetricSeries => {
    const where = `Metrics file ${file}: metrics[${i}]`;
    if (!isRecord(entry)) throw new UsageError(`${where} must be an object`);
    for (const field of ['namespace', 'metricName']) {
      if (typeof entry[field] !== 'string' || entry[field] === '') throw new UsageError(`${where}.${field} must be a non-empty string, got ${JSON.stringify(entry[field])}`);
    }
    if (entry.dimensions !== undefined && !isRecord(entry.dimensions)) throw new UsageError(`${where}.dimensions must be an object of name to value`);
    const period = entry.period ?? 60;
    if (typeof period !== 'number' || !Number.isInteger(period) || period <= 0) {
      throw new UsageError(`${where}.period must be a positive whole number of seconds, got ${JSON.stringify(entry.period)}`);
    }
    if (entry.statistic !== undefined && typeof entry.statistic !== 'string') {
      throw new UsageError(`${where}.statistic must be a statistic name such as p99, got ${JSON.stringify(entry.statistic)}`);
    }
    if (!Array.isArray(entry.points) || entry.points.length === 0) throw new UsageError(`${where}.points must be a non-empty array`);
    entry.points.forEach((point, j) => {
      const at = `${where}.points[${j}]`;
      if (!isRecord(point)) throw new UsageError(`${at} must be an object`);
      const ms = typeof point.timestamp === 'number' ? point.timestamp : typeof point.timestamp === 'string' ? Date.parse(point.timestamp) : NaN;
      if (!Number.isFinite(ms)) throw new UsageError(`${at}.timestamp must be an ISO 8601 time, got ${JSON.stringify(point.timestamp)}`);
      const hasValue = 'value' in point;
      const stats = STAT_FIELDS.filter((f) => f in point);
      if (hasValue === (stats.length > 0)) {
        throw new UsageError(`${at} must carry either "value" (a number, or null for a missing datapoint) or a statistic set (${STAT_FIELDS.join(', ')}), not ${hasValue ? 'both' : 'neither'}`);
      }
      if (hasValue && point.value !== null && typeof point.value !== 'number') throw new UsageError(`${at}.value must be a number or null, got ${JSON.stringify(point.value)}`);
      for (const f of stats) if (typeof point[f] !== 'number') throw new UsageError(`${at}.${f} must be a number, got ${JSON.stringify(point[f])}`);
      fromMs = Math.min(fromMs, ms);
      toMs = Math.max(toMs, ms + period * 1000);
    });
    return entry as unknown as MetricSeries;
  });
  return { series, fromMs, toMs };
}
