import { binomial, poisson, seededRandom } from '../../bench/signal/prng';

const draw = (seed: number, n: number) => {
  const r = seededRandom(seed);
  return Array.from({ length: n }, () => r());
};

describe('seededRandom', () => {
  test('the same seed gives the same sequence, another seed another one', () => {
    expect(draw(42, 5)).toEqual(draw(42, 5));
    expect(draw(42, 5)).not.toEqual(draw(43, 5));
  });

  test('values lie in [0, 1) with a mean near 0.5', () => {
    const values = draw(7, 10_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.reduce((a, b) => a + b, 0) / values.length).toBeCloseTo(0.5, 1);
  });
});

describe('binomial and poisson', () => {
  test('binomial stays within 0..n and is exact at the edges', () => {
    const r = seededRandom(1);
    for (const n of [0, 5, 50, 5000]) {
      for (const p of [0, 0.001, 0.2, 1]) {
        const k = binomial(r, n, p);
        expect(k).toBeGreaterThanOrEqual(0);
        expect(k).toBeLessThanOrEqual(n);
        if (p === 0) expect(k).toBe(0);
        if (p === 1) expect(k).toBe(n);
      }
    }
  });

  test('means are close to n·p and to the Poisson mean', () => {
    const r = seededRandom(3);
    const mean = (f: () => number) => Array.from({ length: 4000 }, f).reduce((a, b) => a + b, 0) / 4000;
    expect(mean(() => binomial(r, 1000, 0.1))).toBeGreaterThan(98);
    expect(mean(() => binomial(r, 1000, 0.1))).toBeLessThan(102);
    expect(mean(() => poisson(r, 1 / 6))).toBeCloseTo(1 / 6, 1);
    expect(mean(() => poisson(r, 850))).toBeGreaterThan(845);
    expect(mean(() => poisson(r, 850))).toBeLessThan(855);
  });
});
