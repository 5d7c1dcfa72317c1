import { describe, expect, it } from 'vitest';
import { sortByPosition, sortLongestFirst } from '../../../src/components/matcher/order.js';

type T = [number, number, number];

describe('sortByPosition', () => {
  it('orders by start, end, then key (or its rank)', () => {
    const ms: T[] = [[0, 2, 3], [1, 0, 2], [0, 0, 2], [5, 0, 1]];
    expect(sortByPosition(ms)).toEqual([[5, 0, 1], [0, 0, 2], [1, 0, 2], [0, 2, 3]]);
    expect(sortByPosition(ms, (k) => -k)).toEqual([[5, 0, 1], [1, 0, 2], [0, 0, 2], [0, 2, 3]]);
  });
});

describe('sortLongestFirst', () => {
  it('orders longest first, then earliest, then key (or its rank)', () => {
    const ms: T[] = [[0, 0, 1], [0, 2, 5], [0, 1, 4], [2, 1, 4], [1, 1, 4]];
    expect(sortLongestFirst(ms)).toEqual([[0, 1, 4], [1, 1, 4], [2, 1, 4], [0, 2, 5], [0, 0, 1]]);
    expect(sortLongestFirst(ms, (k) => -k)).toEqual([[2, 1, 4], [1, 1, 4], [0, 1, 4], [0, 2, 5], [0, 0, 1]]);
  });
});
