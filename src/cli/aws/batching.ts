/**
 * Splits GetMetricData queries into calls within the API's limits: at most 500 queries and
 * 100,800 datapoints per call. Pure: counts in, groups of indices out.
 */

export const MAX_QUERIES_PER_CALL = 500;
export const MAX_DATAPOINTS_PER_CALL = 100_800;

/** Datapoints one query returns over [startMs, endMs) at `period` seconds. */
export function datapointsOf(startMs: number, endMs: number, period: number): number {
  return Math.ceil((endMs - startMs) / (period * 1000));
}

/**
 * Greedy packing in the given order. A single query above the datapoint limit gets a call of its
 * own; retention keeps every query of a replay far below it (15 days of 1-minute data is 21,600).
 */
export function planBatches(datapoints: readonly number[], maxQueries = MAX_QUERIES_PER_CALL, maxDatapoints = MAX_DATAPOINTS_PER_CALL): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let points = 0;
  datapoints.forEach((n, i) => {
    if (current.length > 0 && (current.length >= maxQueries || points + n > maxDatapoints)) {
      batches.push(current);
      current = [];
      points = 0;
    }
    current.push(i);
    points += n;
  });
  if (current.length > 0) batches.push(current);
  return batches;
}
