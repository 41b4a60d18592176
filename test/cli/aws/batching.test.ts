import { datapointsOf, MAX_DATAPOINTS_PER_CALL, MAX_QUERIES_PER_CALL, planBatches } from '../../../src/cli/aws/batching';

describe('GetMetricData batching', () => {
  test('API limits', () => {
    expect(MAX_QUERIES_PER_CALL).toBe(500);
    expect(MAX_DATAPOINTS_PER_CALL).toBe(100_800);
  });

  test('datapoints of a range at a period', () => {
    expect(datapointsOf(0, 15 * 86_400_000, 60)).toBe(21_600);
    expect(datapointsOf(0, 90_000, 60)).toBe(2);
  });

  test('15 days of 1-minute data: 4 queries per call (4 × 21,600 ≤ 100,800 < 5 × 21,600)', () => {
    const batches = planBatches(new Array(10).fill(21_600));
    expect(batches).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]);
  });

  test('at most 500 queries per call however small', () => {
    const batches = planBatches(new Array(1_201).fill(1));
    expect(batches.map((b) => b.length)).toEqual([500, 500, 201]);
  });

  test('a query above the datapoint limit gets a call of its own', () => {
    expect(planBatches([10, 200_000, 10])).toEqual([[0], [1], [2]]);
  });
});
