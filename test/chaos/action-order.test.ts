import { findCycle, findUnknownReference } from '../../src/chaos/action-order';

describe('findUnknownReference', () => {
  test('undefined when every reference exists', () => {
    expect(findUnknownReference([{ name: 'a', startAfter: [] }, { name: 'b', startAfter: ['a'] }])).toBeUndefined();
  });

  test('names the action and the missing reference', () => {
    expect(findUnknownReference([{ name: 'a', startAfter: ['zz'] }])).toEqual({ action: 'a', reference: 'zz' });
  });
});

describe('findCycle', () => {
  test('undefined for a chain and a diamond', () => {
    expect(findCycle([
      { name: 'a', startAfter: [] },
      { name: 'b', startAfter: ['a'] },
      { name: 'c', startAfter: ['a'] },
      { name: 'd', startAfter: ['b', 'c'] },
    ])).toBeUndefined();
  });

  test('finds a self reference', () => {
    expect(findCycle([{ name: 'a', startAfter: ['a'] }])).toEqual(['a', 'a']);
  });

  test('finds a three-action cycle and lists it in order', () => {
    expect(findCycle([
      { name: 'start', startAfter: [] },
      { name: 'a', startAfter: ['c', 'start'] },
      { name: 'b', startAfter: ['a'] },
      { name: 'c', startAfter: ['b'] },
    ])).toEqual(['a', 'c', 'b', 'a']);
  });
});
