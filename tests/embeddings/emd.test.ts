import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArgumentError, emd } from '../../src/index.js';

describe('emd', () => {
  it('solves worked examples', () => {
    expect(emd([1], [0.5, 0.5], [1, 3])).toBeCloseTo(2, 12);
    expect(emd([0.5, 0.5], [0.5, 0.5], [0, 1, 1, 0])).toBeCloseTo(0, 12);
    // The greedy choice (source 0 -> sink 0 at cost 1) is not optimal: optimum is 0->1, 1->0.
    expect(emd([1, 1], [1, 1], [1, 2, 10, 100])).toBeCloseTo(12, 12);
    // With x on (0,0) the cost is 2.9 + x, so the optimum sends nothing 0 -> 0 although that arc is cheapest.
    expect(emd([0.3, 0.7], [0.6, 0.4], [1, 2, 3, 5])).toBeCloseTo(0.3 * 2 + 0.6 * 3 + 0.1 * 5, 12);
  });
  it('rejects unequal masses and bad shapes', () => {
    expect(() => emd([1], [2], [0])).toThrow(ArgumentError);
    expect(() => emd([1], [1], [0, 1])).toThrow(ArgumentError);
  });
  it('never exceeds the independent-coupling cost and matches brute force on 2x2', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 4, maxLength: 4 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (c, p, q) => {
        const a = [p, 1 - p];
        const b = [q, 1 - q];
        // 2x2: flow x on (0,0) determines the rest; cost is linear in x, so the optimum is at an end.
        const lo = Math.max(0, p - (1 - q));
        const hi = Math.min(p, q);
        const cost = (x: number) => x * c[0]! + (p - x) * c[1]! + (q - x) * c[2]! + (1 - p - q + x) * c[3]!;
        const best = Math.min(cost(lo), cost(hi));
        expect(emd(a, b, c)).toBeCloseTo(best, 9);
        let indep = 0;
        for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) indep += a[i]! * b[j]! * c[i * 2 + j]!;
        expect(emd(a, b, c)).toBeLessThanOrEqual(indep + 1e-9);
      }),
      { numRuns: 200 },
    );
  });
});
