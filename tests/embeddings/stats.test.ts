import { describe, expect, it } from 'vitest';
import { pearson, rankAverage, spearman } from '../../src/embeddings/stats.js';

describe('pearson', () => {
  it("matches scipy.stats.pearsonr's documented example", () => {
    expect(pearson([1, 2, 3, 4, 5], [10, 9, 2.5, 6, 4])).toBeCloseTo(-0.7426106572325057, 12);
  });
});
describe('rankAverage', () => {
  it('averages tied ranks', () => {
    expect(Array.from(rankAverage([10, 20, 10, 30]))).toEqual([1.5, 3, 1.5, 4]);
  });
});
describe('spearman', () => {
  it("matches scipy.stats.spearmanr's documented example (with a tie)", () => {
    expect(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(0.8207826816681233, 12);
  });
});
