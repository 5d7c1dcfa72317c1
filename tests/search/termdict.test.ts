import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TermDict } from '../../src/search/termdict.js';

// Optimal string alignment distance, the definition FuzzyQuery uses (transpositions count 1).
function osa(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i, ...new Array(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

describe('TermDict.add / get', () => {
  it('interns terms to dense ids', () => {
    const d = new TermDict();
    expect(d.add('b')).toBe(0);
    expect(d.add('a')).toBe(1);
    expect(d.add('b')).toBe(0);
    expect(d.get('a')).toBe(1);
    expect(d.get('zz')).toBe(-1);
  });
});

describe('TermDict.withPrefix', () => {
  it('returns the sorted range of terms with the prefix', () => {
    const d = new TermDict();
    for (const t of ['wing', 'flow', 'win', 'wind', 'wane', 'wingtip', 'x']) d.add(t);
    expect(d.withPrefix('win').map((i) => d.terms[i])).toEqual(['win', 'wind', 'wing', 'wingtip']);
    expect(d.withPrefix('q')).toEqual([]);
    expect(d.withPrefix('').length).toBe(7);
  });
});

describe('TermDict.fuzzy', () => {
  it('finds exactly the terms within the edit budget (property, vs a brute-force OSA distance)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[abcd]{0,6}$/), { maxLength: 60 }), fc.stringMatching(/^[abcd]{0,6}$/), fc.constantFrom(1, 2), (terms, q, k) => {
        const d = new TermDict();
        for (const t of terms) d.add(t);
        const got = d.fuzzy(q, k).map(([id, dist]) => `${d.terms[id]}:${dist}`).sort();
        const want = terms.filter((t) => osa(q, t) <= k).map((t) => `${t}:${osa(q, t)}`).sort();
        expect(got).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });
  it('respects a fixed prefix length and counts a transposition as one edit', () => {
    const d = new TermDict();
    for (const t of ['wing', 'wign', 'ring', 'wings']) d.add(t);
    expect(d.fuzzy('wing', 1).map(([i, e]) => [d.terms[i], e])).toEqual([['wign', 1], ['wing', 0], ['wings', 1], ['ring', 1]].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
    expect(d.fuzzy('wing', 1, 1).map(([i]) => d.terms[i])).toEqual(['wign', 'wing', 'wings']);
  });
});
