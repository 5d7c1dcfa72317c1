import { describe, expect, it } from 'vitest';
import { ArgumentError, CsrMatrix, TfidfVectorizer, cosineSimilarity, topKSimilar } from '../../src/index.js';
import { DOCSTRING_CORPUS, expectMatrixClose } from './helpers.js';

describe('cosineSimilarity', () => {
  it('agrees for sparse and dense inputs and gives 0 for zero rows', () => {
    const dense = [[1, 0, 1], [1, 1, 0], [0, 0, 0]];
    const expected = [[1, 0.5, 0], [0.5, 1, 0], [0, 0, 0]];
    expectMatrixClose(cosineSimilarity(dense), expected, 1e-15);
    expectMatrixClose(cosineSimilarity(CsrMatrix.fromDense(dense)), expected, 1e-15);
    expectMatrixClose(cosineSimilarity(dense, [[2, 0, 0]]), [[Math.SQRT1_2], [Math.SQRT1_2], [0]], 1e-15);
    expect(() => cosineSimilarity([[1, 2]], [[1, 2, 3]])).toThrow(/columns/);
  });
  it('on tf-idf rows equals the dot product of the L2-normalized rows', () => {
    const X = new TfidfVectorizer().fitTransform(DOCSTRING_CORPUS);
    const S = cosineSimilarity(X);
    const D = X.toDense();
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) expect(S[i]![j]).toBeCloseTo(D[i]!.reduce((s, v, k) => s + v * D[j]![k]!, 0), 14);
    expect(S[0]![3]).toBeCloseTo(1, 14); // same words
  });
});

describe('topKSimilar', () => {
  it('returns the most similar rows, best first, excluding the query row', () => {
    const X = new TfidfVectorizer().fitTransform(DOCSTRING_CORPUS);
    const top = topKSimilar(X, 0, 2, { exclude: 0 });
    expect(top.map((t) => t.index)).toEqual([3, 1]);
    expect(top[0]!.score).toBeCloseTo(1, 14);
    expect(topKSimilar([[1, 0], [0, 1], [1, 1]], [1, 0], 1)).toEqual([{ index: 0, score: 1 }]);
  });
  it('rejects a k that is not a non-negative integer, as topTerms does (it silently returned [] or rounded)', () => {
    for (const k of [-1, 1.5, NaN, '2' as unknown as number]) expect(() => topKSimilar([[1, 0], [0, 1]], [1, 0], k)).toThrow(ArgumentError);
    expect(topKSimilar([[1, 0], [0, 1]], [1, 0], 0)).toEqual([]);
  });
});
