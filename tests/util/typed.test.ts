import { describe, expect, it } from 'vitest';
import { grow } from '../../src/util/typed.js';

describe('grow', () => {
  it('returns the same array when it is large enough', () => {
    const a = new Int32Array(4);
    expect(grow(a, 4)).toBe(a);
  });
  it('copies into a larger array of the same type, new items zero or the fill value', () => {
    const a = Int32Array.of(5, 6, 7);
    const b = grow(a, 20);
    expect(b).toBeInstanceOf(Int32Array);
    expect(b.length).toBeGreaterThanOrEqual(20);
    expect(Array.from(b.subarray(0, 4))).toEqual([5, 6, 7, 0]);
    const c = grow(a, 5, -1);
    expect(c.length).toBe(8);
    expect(Array.from(c)).toEqual([5, 6, 7, -1, -1, -1, -1, -1]);
    const d = grow(Float64Array.of(1.5), 3, NaN);
    expect(d[0]).toBe(1.5);
    expect(Number.isNaN(d[7]!)).toBe(true);
  });
});
