import { describe, expect, it } from 'vitest';
import { mean, variance, std, covariance, pearson, spearman, correlationStrength, rankAverage } from '../../src/eval/stats.js';
import { ArgumentError } from '../../src/core/errors.js';

describe('mean', () => {
  it('averages', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(() => mean([])).toThrow(ArgumentError);
  });
});

describe('variance', () => {
  it('uses ddof 0 by default, 1 on request', () => {
    expect(variance([1, 2, 3, 4])).toBe(1.25);
    expect(variance([1, 2, 3, 4], { ddof: 1 })).toBeCloseTo(5 / 3, 12);
    expect(() => variance([1], { ddof: 1 })).toThrow(ArgumentError);
  });
  it('is stable for large offsets', () => {
    expect(variance([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16])).toBeCloseTo(22.5, 6);
  });
});

describe('std', () => {
  it('matches the textbook example', () => expect(std([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2));
});

describe('covariance', () => {
  it('uses ddof 1 by default (np.cov)', () => {
    expect(covariance([1, 2, 3], [1, 2, 4])).toBeCloseTo(1.5, 12);
    expect(covariance([1, 2, 3], [1, 2, 4], { ddof: 0 })).toBeCloseTo(1, 12);
  });
});

describe('pearson', () => {
  it('matches the scipy doc example and labels strength', () => {
    const c = pearson([1, 2, 3, 4, 5], [10, 9, 2.5, 6, 4]);
    expect(c.r).toBeCloseTo(-0.7426106572325057, 12);
    expect(c.strength).toBe('strong');
    expect(pearson([1, 2, 3], [2, 4, 6])).toEqual({ r: 1, strength: 'very strong' });
  });
  it('is NaN for a constant input', () => {
    expect(pearson([1, 1, 1], [1, 2, 3])).toEqual({ r: NaN, strength: null });
  });
});

describe('correlationStrength', () => {
  it('uses the conventional bands', () => {
    expect([0, 0.19, 0.2, 0.39, 0.4, 0.59, 0.6, 0.79, 0.8, -1].map(correlationStrength)).toEqual([
      'very weak', 'very weak', 'weak', 'weak', 'moderate', 'moderate', 'strong', 'strong', 'very strong', 'very strong',
    ]);
  });
});

describe('rankAverage', () => {
  it('averages tied ranks', () => {
    expect([...rankAverage([10, 20, 10, 30, 20, 20])]).toEqual([1.5, 4, 1.5, 6, 4, 4]);
  });
});

describe('spearman', () => {
  it('matches the scipy doc example (with a tie)', () => {
    const c = spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]);
    expect(c.r).toBeCloseTo(0.8207826816681233, 12);
    expect(c.strength).toBe('very strong');
  });
  it('is 1 for any monotone relation', () => {
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64]).r).toBeCloseTo(1, 12);
  });
});
