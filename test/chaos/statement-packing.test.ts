import { packBySize } from '../../src/chaos/statement-packing';

describe('packBySize', () => {
  test('everything fits in one group', () => {
    expect(packBySize([100, 200, 300], 1000)).toEqual([[0, 1, 2]]);
  });

  test('opens a new group when the budget would be exceeded, first fit', () => {
    expect(packBySize([600, 600, 300, 100], 1000)).toEqual([[0, 2, 3], [1]]);
  });

  test('an item larger than the budget gets its own group', () => {
    expect(packBySize([1500, 10], 1000)).toEqual([[0], [1]]);
  });
});
