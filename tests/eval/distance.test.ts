import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { vectorCosine, cosineDistance, euclidean, l2Norm, jaccard, levenshtein } from '../../src/eval/distance.js';

describe('l2Norm', () => {
  it('computes sqrt(sum x^2) without overflow', () => {
    expect(l2Norm([3, 4])).toBe(5);
    expect(l2Norm([3e200, 4e200])).toBeCloseTo(5e200, -190);
    expect(l2Norm([])).toBe(0);
  });
});

describe('vectorCosine', () => {
  it('is the normalized dot product, 0 for a zero vector', () => {
    expect(vectorCosine([1, 0], [1, 1])).toBeCloseTo(Math.SQRT1_2, 12);
    expect(vectorCosine([1, 2], [-2, -4])).toBeCloseTo(-1, 12);
    expect(vectorCosine([0, 0], [1, 1])).toBe(0);
  });
});

describe('cosineDistance', () => {
  it('is 1 - similarity', () => expect(cosineDistance([1, 0], [0, 1])).toBe(1));
});

describe('euclidean', () => {
  it('measures straight-line distance', () => expect(euclidean([0, 0], [3, 4])).toBe(5));
});

describe('jaccard', () => {
  it('is |A∩B| / |A∪B| over sets', () => {
    expect(jaccard(['a', 'b', 'c'], ['b', 'c', 'd'])).toBe(0.5);
    expect(jaccard('aab', 'ab')).toBe(1);
    expect(jaccard([], [])).toBe(1);
    expect(jaccard([1], [])).toBe(0);
  });
});

/** Reference: full-matrix Wagner-Fischer. */
function naive(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) {
    d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length]![b.length]!;
}

describe('levenshtein', () => {
  it('counts UTF-16 code units, unlike the matcher\'s code-point FUZZY distance', async () => {
    const matcher = await import('../../src/components/matcher/predicates.js');
    expect(levenshtein('😀', 'a')).toBe(2);
    expect(matcher.levenshtein('😀', 'a')).toBe(1);
    // On BMP text they agree.
    for (const [a, b] of [['kitten', 'sitting'], ['flaw', 'lawn'], ['', 'abc'], ['Goggle', 'Google']] as const) expect(levenshtein(a, b)).toBe(matcher.levenshtein(a, b));
  });
  it('matches worked examples', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('flaw', 'lawn')).toBe(2);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('same', 'same')).toBe(0);
    expect(levenshtein('a'.repeat(40) + 'x', 'b'.repeat(40))).toBe(41);
  });
  it('agrees with the full-matrix DP on short and long strings', () => {
    const alpha = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', '😀'), maxLength: 50 });
    fc.assert(fc.property(alpha, alpha, (a, b) => levenshtein(a, b) === naive(a, b) && levenshtein(b, a) === naive(a, b)), { numRuns: 400, seed: 7 });
  });
});
