import { describe, expect, it } from 'vitest';
import { holdout, kFold, bootstrap, crossValidate, gridSearch, randomSearch, abBucket } from '../../src/eval/validation.js';
import { ArgumentError } from '../../src/core/errors.js';

describe('holdout', () => {
  it('splits with ceil(testSize * n) test items, deterministically by seed', () => {
    const data = Array.from({ length: 10 }, (_, i) => `d${i}`);
    const a = holdout(data, { testSize: 0.25, seed: 3 });
    expect(a.test).toHaveLength(3);
    expect(a.train).toHaveLength(7);
    expect([...a.train, ...a.test].sort((x, y) => x - y)).toEqual([...Array(10).keys()]);
    expect(a.testItems).toEqual(a.test.map((i) => data[i]));
    expect(holdout(data, { testSize: 0.25, seed: 3 })).toEqual(a);
    expect(holdout(data, { testSize: 0.25, seed: 4 }).test).not.toEqual(a.test);
    expect(holdout(10, { shuffle: false, testSize: 2 }).test).toEqual([8, 9]);
  });
  it('stratifies: each class keeps its share', () => {
    const labels = [...Array(60).fill('a'), ...Array(30).fill('b'), ...Array(10).fill('c')];
    const s = holdout(100, { testSize: 0.2, stratify: labels, seed: 9 });
    const count = (idx: number[], l: string): number => idx.filter((i) => labels[i] === l).length;
    expect([count(s.test, 'a'), count(s.test, 'b'), count(s.test, 'c')]).toEqual([12, 6, 2]);
    expect([count(s.train, 'a'), count(s.train, 'b'), count(s.train, 'c')]).toEqual([48, 24, 8]);
  });
  it('rejects impossible requests', () => {
    expect(() => holdout(3, { testSize: 1.5 })).toThrow(ArgumentError);
    expect(() => holdout(2, { testSize: 2 })).toThrow(ArgumentError);
    expect(() => holdout(4, { stratify: ['a', 'a', 'a', 'b'] })).toThrow(/only 1 member/);
  });
});

describe('kFold', () => {
  it('cuts contiguous folds, the first n % k one larger (sklearn KFold)', () => {
    const f = kFold(10, 3);
    expect(f.map((x) => x.test)).toEqual([[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    expect(f[0]!.train).toEqual([4, 5, 6, 7, 8, 9]);
  });
  it('shuffles by seed and covers every sample once', () => {
    const f = kFold(23, 5, { shuffle: true, seed: 2 });
    const all = f.flatMap((x) => x.test).sort((a, b) => a - b);
    expect(all).toEqual([...Array(23).keys()]);
    expect(f.map((x) => x.test.length)).toEqual([5, 5, 5, 4, 4]);
    expect(kFold(23, 5, { shuffle: true, seed: 2 })).toEqual(f);
    expect(f[0]!.test).not.toEqual([0, 1, 2, 3, 4]);
  });
  it('stratifies like sklearn StratifiedKFold (unshuffled order)', () => {
    // sklearn doc example: X 4 samples, y = [0, 0, 1, 1], n_splits=2 -> test [0, 2], [1, 3]
    expect(kFold(4, 2, { stratify: [0, 0, 1, 1] }).map((x) => x.test)).toEqual([[0, 2], [1, 3]]);
    const y = [...Array(50).fill(1), ...Array(10).fill(0)];
    const f = kFold(60, 5, { stratify: y, shuffle: true, seed: 1 });
    for (const fold of f) {
      expect(fold.test.filter((i) => y[i] === 0)).toHaveLength(2);
      expect(fold.test.filter((i) => y[i] === 1)).toHaveLength(10);
    }
  });
  it('rejects bad k', () => {
    expect(() => kFold(3, 5)).toThrow(ArgumentError);
    expect(() => kFold(10, 1)).toThrow(ArgumentError);
    expect(() => kFold(4, 3, { stratify: [0, 0, 1, 1] })).toThrow(/members/);
  });
});

describe('bootstrap', () => {
  it('draws n with replacement; about 36.8% are out of bag', () => {
    const n = 20000;
    const b = bootstrap(n, { seed: 11 });
    expect(b.inBag).toHaveLength(n);
    const inSet = new Set(b.inBag);
    expect(inSet.size + b.outOfBag.length).toBe(n);
    for (const i of b.outOfBag) expect(inSet.has(i)).toBe(false);
    // (1 - 1/n)^n -> 1/e; the binomial std here is ~0.0034.
    expect(Math.abs(b.outOfBag.length / n - Math.exp(-1))).toBeLessThan(0.015);
    expect(bootstrap(n, { seed: 11 })).toEqual(b);
  });
});

describe('crossValidate', () => {
  it('trains and scores each fold and averages', () => {
    const y = [1, 2, 3, 4, 5, 6];
    const r = crossValidate(
      (train) => train.reduce((s, i) => s + y[i]!, 0) / train.length,
      (m, test) => ({ mae: test.reduce((s, i) => s + Math.abs(y[i]! - m), 0) / test.length }),
      kFold(6, 3),
    );
    // folds: y {1,2} vs model 4.5 -> 3; y {3,4} vs 3.5 -> 0.5; y {5,6} vs 2.5 -> 3
    expect(r.folds.map((f) => f.mae)).toEqual([3, 0.5, 3]);
    expect(r.mean.mae).toBeCloseTo(6.5 / 3, 12);
    const m = 6.5 / 3;
    expect(r.std.mae).toBeCloseTo(Math.sqrt(((3 - m) ** 2 * 2 + (0.5 - m) ** 2) / 3), 12);
    expect(crossValidate(() => 0, () => 1, kFold(4, 2)).mean.score).toBe(1);
  });
});

describe('gridSearch', () => {
  it('visits the product in ParameterGrid order and picks the best', () => {
    const seen: string[] = [];
    const r = gridSearch({ b: [1, 2], a: ['x', 'y', 'z'] }, (p) => { seen.push(`${p.a}${p.b}`); return p.b * (p.a === 'y' ? 2 : 1); });
    expect(seen).toEqual(['x1', 'x2', 'y1', 'y2', 'z1', 'z2']);
    expect(r.best).toEqual({ params: { a: 'y', b: 2 }, score: 4 });
    expect(gridSearch({ c: [3, 1, 2] }, (p) => p.c, { maximize: false }).best.params.c).toBe(1);
    expect(() => gridSearch({ c: [] }, () => 0)).toThrow(ArgumentError);
  });
});

describe('randomSearch', () => {
  it('samples lists without replacement and is seeded', () => {
    const r = randomSearch({ a: [1, 2, 3], b: [10, 20] }, (p) => p.a + p.b, { nIter: 100, seed: 4 });
    expect(r.trials).toHaveLength(6);
    expect(new Set(r.trials.map((t) => `${t.params.a},${t.params.b}`)).size).toBe(6);
    expect(r.best.score).toBe(23);
  });
  it('draws from samplers', () => {
    const r = randomSearch({ c: (rng) => 10 ** (rng.next() * 4 - 2), k: ['l2'] }, (p) => -Math.abs(Math.log10(p.c)), { nIter: 30, seed: 1 });
    expect(r.trials).toHaveLength(30);
    for (const t of r.trials) { expect(t.params.c).toBeGreaterThanOrEqual(0.01); expect(t.params.c).toBeLessThan(100); }
    const again = randomSearch({ c: (rng) => 10 ** (rng.next() * 4 - 2), k: ['l2'] }, (p) => -Math.abs(Math.log10(p.c)), { nIter: 30, seed: 1 });
    expect(again.best).toEqual(r.best);
  });
});

describe('abBucket', () => {
  it('is stable and returns names or numbers', () => {
    expect(abBucket('user-42', 2, 'exp1')).toBe(abBucket('user-42', 2, 'exp1'));
    expect(['control', 'treatment']).toContain(abBucket('user-42', ['control', 'treatment'], 'exp1'));
    expect(() => abBucket('u', 0)).toThrow(ArgumentError);
  });
  it('is balanced (chi-square) and independent across salts', () => {
    const k = 10, n = 50000;
    const counts = new Array(k).fill(0);
    const cross = new Array(4).fill(0);
    for (let i = 0; i < n; i++) {
      counts[abBucket(`user-${i}`, k, 'exp-a')]++;
      cross[abBucket(i, 2, 's1') * 2 + abBucket(i, 2, 's2')]++;
    }
    const e = n / k;
    const chi = counts.reduce((s, c) => s + (c - e) ** 2 / e, 0);
    expect(chi).toBeLessThan(27.88); // p = 0.001, 9 degrees of freedom
    const chi2 = cross.reduce((s, c) => s + (c - n / 4) ** 2 / (n / 4), 0);
    expect(chi2).toBeLessThan(16.27); // p = 0.001, 3 degrees of freedom
  });
});
