/**
 * Robust line fitting for capacity forecasts: plain numbers in, plain numbers out, no AWS types.
 *
 * Theil–Sen takes the median of the slopes between every pair of points, so a few outlier days
 * (an incident, a load test) move the trend far less than they would move least squares: up to
 * 29 % of the points can be arbitrary before the slope breaks down.
 */

/** Median of a list (the mean of the two middle values for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Scaled median absolute deviation: estimates the standard deviation of normal noise, ignoring outliers. */
export function robustSigma(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const m = median(values);
  return 1.4826 * median(values.map((v) => Math.abs(v - m)));
}

/** A fitted line `y = intercept + slope × x` with a confidence interval of the slope. */
export interface RobustLine {
  readonly slope: number;
  readonly intercept: number;
  /** Lower end of the slope's two-sided interval at `confidence`. */
  readonly slopeLow: number;
  /** Upper end of the slope's two-sided interval at `confidence`. */
  readonly slopeHigh: number;
}

/** Standard normal quantile of a two-sided 90 % interval. */
export const Z_90 = 1.6449;

/**
 * Theil–Sen line through (x, y): slope = median of pairwise slopes, intercept = median of
 * `y − slope × x`. The slope interval is Sen's (1968): the pairwise slopes ranked
 * `(N ∓ z·√(n(n−1)(2n+5)/18)) / 2`, N being the number of pairs with distinct x.
 */
export function theilSen(xs: readonly number[], ys: readonly number[], z = Z_90): RobustLine {
  if (xs.length !== ys.length) throw new Error(`theilSen: ${xs.length} x values for ${ys.length} y values`);
  if (xs.length < 2) throw new Error(`theilSen: needs at least 2 points, got ${xs.length}`);
  const slopes: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      if (xs[j] !== xs[i]) slopes.push((ys[j] - ys[i]) / (xs[j] - xs[i]));
    }
  }
  if (slopes.length === 0) throw new Error('theilSen: every point has the same x');
  slopes.sort((a, b) => a - b);
  const slope = median(slopes);
  const intercept = median(ys.map((y, i) => y - slope * xs[i]));
  const n = xs.length;
  const c = z * Math.sqrt((n * (n - 1) * (2 * n + 5)) / 18);
  const lowRank = Math.max(0, Math.floor((slopes.length - c) / 2));
  const highRank = Math.min(slopes.length - 1, Math.ceil((slopes.length + c) / 2));
  return { slope, intercept, slopeLow: Math.min(slope, slopes[lowRank]), slopeHigh: Math.max(slope, slopes[highRank]) };
}
