// PRNG and hash arithmetic is 32-bit integer math by definition.
/* eslint-disable no-bitwise */
/**
 * A seeded pseudo-random generator (mulberry32): the corpus must be identical on every run and
 * every machine, so Math.random is never used.
 */
export type Random = () => number;

/** Uniform numbers in [0, 1) from a 32-bit seed. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal deviate (Box–Muller). */
export function normal(random: Random): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Number of successes in `n` trials of probability `p`: exact (one draw per trial) for small n;
 * otherwise Poisson for rare successes (np(1 − p) < 10, where a rounded normal would be biased by
 * its truncation at 0) and the normal approximation above that.
 */
export function binomial(random: Random, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (n < 100) {
    let k = 0;
    for (let i = 0; i < n; i++) if (random() < p) k++;
    return k;
  }
  if (p > 0.5) return n - binomial(random, n, 1 - p);
  const variance = n * p * (1 - p);
  if (variance < 10) return Math.min(n, poisson(random, n * p));
  const k = Math.round(n * p + Math.sqrt(variance) * normal(random));
  return Math.min(n, Math.max(0, k));
}

/** Events in an interval with mean `mean` (Poisson; normal approximation above 50). */
export function poisson(random: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(random)));
  const limit = Math.exp(-mean);
  let k = 0;
  let product = random();
  while (product > limit) {
    k++;
    product *= random();
  }
  return k;
}
