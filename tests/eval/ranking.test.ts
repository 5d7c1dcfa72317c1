import { describe, expect, it } from 'vitest';
import { averagePrecisionAtK, evaluateRuns, ndcgAtK, precisionAtK, recallAtK, reciprocalRank, trecOrder } from '../../src/eval/ranking.js';
import { averagePrecision as classificationAP } from '../../src/index.js';

const q = new Map([
  ['a', 3],
  ['c', 1],
  ['e', 2],
  ['x', 0],
]);

describe('averagePrecisionAtK', () => {
  it('averages precision at each relevant doc over all relevant docs', () => {
    // relevant: a (rank 1), c (rank 3); e never retrieved -> (1/1 + 2/3) / 3
    expect(averagePrecisionAtK(['a', 'b', 'c', 'x'], q)).toBeCloseTo((1 + 2 / 3) / 3, 12);
    expect(averagePrecisionAtK([], q)).toBe(0);
    expect(averagePrecisionAtK(['a'], new Map())).toBe(0);
  });
  it('cuts the run at maxRank', () => {
    expect(averagePrecisionAtK(['b', 'a'], q, 1, 1)).toBe(0);
  });
});

describe('precisionAt / recallAt', () => {
  it('divide by k and by the number of relevant docs', () => {
    expect(precisionAtK(['a', 'b', 'c'], q, 10)).toBeCloseTo(0.2, 12);
    expect(recallAtK(['a', 'b', 'c'], q, 2)).toBeCloseTo(1 / 3, 12);
  });
  it('reject a cutoff that is not a positive integer (no NaN, no precision above 1)', () => {
    for (const k of [0, -1, 1.5, NaN]) {
      expect(() => precisionAtK(['a', 'b', 'c'], q, k)).toThrow(/k must be a positive integer/);
      expect(() => recallAtK(['a', 'b', 'c'], q, k)).toThrow(/k must be a positive integer/);
      expect(() => ndcgAtK(['a', 'b', 'c'], q, k)).toThrow(/k must be a positive integer/);
      expect(() => averagePrecisionAtK(['a', 'b', 'c'], q, k)).toThrow(/k must be a positive integer/);
    }
    expect(precisionAtK(['a'], q, 5)).toBeCloseTo(0.2, 12); // k beyond the run still divides by k
  });
});

describe('ndcgAt', () => {
  it('uses linear gains and log2(rank + 1) discounts', () => {
    const dcg = 1 / 1 + 0 + 3 / Math.log2(4);
    const ideal = 3 + 2 / Math.log2(3) + 1 / 2;
    expect(ndcgAtK(['c', 'b', 'a'], q, 10)).toBeCloseTo(dcg / ideal, 12);
    expect(ndcgAtK(['a', 'e', 'c'], q, 10)).toBeCloseTo(1, 12);
    expect(ndcgAtK(['c', 'b', 'a'], q, 1)).toBeCloseTo(1 / 3, 12);
  });
});

describe('trecOrder', () => {
  it('sorts by score then doc id descending', () => {
    expect(trecOrder([{ id: '1', score: 1 }, { id: '2', score: 1 }, { id: '0', score: 3 }])).toEqual(['0', '2', '1']);
  });
});

describe('evaluateRuns', () => {
  it('averages over queries with relevant docs, missing runs scoring 0', () => {
    const qrels = new Map([
      ['1', new Map([['a', 1]])],
      ['2', new Map([['b', 1]])],
      ['3', new Map([['c', 0]])],
    ]);
    const runs = new Map([['1', [{ id: 'a', score: 1 }]]]);
    const r = evaluateRuns(runs, qrels);
    expect(r.queries).toBe(2);
    expect(r.map).toBeCloseTo(0.5, 12);
    expect(r['p@10']).toBeCloseTo(0.05, 12);
    expect(r['recall@100']).toBeCloseTo(0.5, 12);
    expect(r['ndcg@10']).toBeCloseTo(0.5, 12);
  });
});

describe('reciprocalRank', () => {
  it('is 1 / rank of the first relevant doc', () => {
    const q = new Map([['a', 1], ['b', 2]]);
    expect(reciprocalRank(['x', 'y', 'b', 'a'], q)).toBeCloseTo(1 / 3, 12);
    expect(reciprocalRank(['x'], q)).toBe(0);
  });
});

describe('public names', () => {
  it('keep scikit-learn average precision distinct from ranking AP', () => {
    expect(classificationAP([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.8333333, 6);
  });
});
