import { describe, expect, it } from 'vitest';
import { ArgumentError, KeyedVectors, NotFoundError } from '../../src/index.js';

// Hand-made 2-d vectors so every answer can be worked out on paper.
function kv(): KeyedVectors {
  const words = ['man', 'woman', 'king', 'queen', 'apple', 'zero'];
  const vecs = [
    [1, 0],
    [0, 1],
    [2, 0.2],
    [0.2, 2],
    [-1, -1],
    [0, 0],
  ];
  return new KeyedVectors(words, Float32Array.from(vecs.flat()), 2);
}
const cos = (a: number[], b: number[]) => (a[0]! * b[0]! + a[1]! * b[1]!) / Math.hypot(a[0]!, a[1]!) / Math.hypot(b[0]!, b[1]!);

describe('constructor', () => {
  it('checks shapes and duplicates', () => {
    expect(() => new KeyedVectors(['a'], new Float32Array(3), 2)).toThrow(ArgumentError);
    expect(() => new KeyedVectors(['a', 'a'], new Float32Array(4), 2)).toThrow(/duplicate/);
  });
});

describe('vector / has', () => {
  it('returns rows and unit rows', () => {
    const k = kv();
    expect(k.has('king')).toBe(true);
    expect(k.has('prince')).toBe(false);
    expect(Array.from(k.vector('king'))).toEqual([2, Math.fround(0.2)]);
    const u = k.vector('king', { norm: true });
    expect(Math.hypot(u[0]!, u[1]!)).toBeCloseTo(1, 6);
    expect(() => k.vector('prince')).toThrow(NotFoundError);
    expect(() => k.vector('prince')).toThrow(/^word "prince" not in vocabulary$/);
    expect(() => k.vector('King')).toThrow(/^word "King" not in vocabulary \("king" is\)$/);
  });
});

describe('similarity / distance', () => {
  it('is the cosine', () => {
    const k = kv();
    expect(k.similarity('king', 'man')).toBeCloseTo(cos([2, 0.2], [1, 0]), 6);
    expect(k.distance('man', 'woman')).toBeCloseTo(1, 6);
  });
});

describe('mostSimilar', () => {
  it('solves man : king :: woman : ? with 3CosAdd and skips the query words', () => {
    const r = kv().mostSimilar({ positive: ['king', 'woman'], negative: ['man'], topn: 2 });
    expect(r[0]!.word).toBe('queen');
    expect(r.map((x) => x.word)).not.toContain('king');
    // query = unit(unit(king) + unit(woman) - unit(man))
    const uk = [2 / Math.hypot(2, 0.2), 0.2 / Math.hypot(2, 0.2)];
    const q = [uk[0]! + 0 - 1, uk[1]! + 1 - 0];
    expect(r[0]!.score).toBeCloseTo(cos(q, [0.2, 2]), 6);
  });
  it('honours restrictVocab and accepts raw vectors and weights', () => {
    const k = kv();
    expect(k.mostSimilar({ positive: ['man'], topn: 10, restrictVocab: 3 }).map((x) => x.word)).toEqual(['king', 'woman']);
    expect(k.mostSimilar({ positive: [Float32Array.from([0, 1])], topn: 1 })[0]!.word).toBe('woman');
    expect(k.mostSimilar({ positive: [['man', 2]], topn: 1 })[0]!.word).toBe('king');
    expect(() => k.mostSimilar({})).toThrow(ArgumentError);
  });
});

describe('mostSimilar / mostSimilarCosmul argument forms', () => {
  // The letters of "king" are words too: a lone string must not be read character by character.
  const letters = () => new KeyedVectors(['king', 'k', 'i', 'n', 'g', 'queen'], Float32Array.from([1, 0.1, 0, 1, 1, 1, -1, 0, 0, -1, 0.9, 0.3]), 2);
  it('takes a lone word (or vector) as a list of one, as gensim', () => {
    const k = letters();
    for (const f of ['mostSimilar', 'mostSimilarCosmul'] as const) {
      const one = k[f]({ positive: 'king', topn: 3 });
      expect(one).toEqual(k[f]({ positive: ['king'], topn: 3 }));
      expect(one.map((x) => x.word)).not.toContain('king');
      expect(k[f]({ positive: ['queen'], negative: 'king', topn: 2 })).toEqual(k[f]({ positive: ['queen'], negative: ['king'], topn: 2 }));
    }
    expect(k.mostSimilar({ positive: Float32Array.from([1, 0]), topn: 1 })).toEqual(k.mostSimilar({ positive: [Float32Array.from([1, 0])], topn: 1 }));
  });
  it('rejects a topn that is not an integer, and gives [] below 1 as gensim', () => {
    const k = letters();
    for (const f of ['mostSimilar', 'mostSimilarCosmul'] as const) {
      for (const topn of [2.5, NaN, Infinity, '2' as unknown as number]) expect(() => k[f]({ positive: ['king'], topn })).toThrow(ArgumentError);
      expect(k[f]({ positive: ['king'], topn: 0 })).toEqual([]);
      expect(k[f]({ positive: ['king'], topn: -3 })).toEqual([]);
      expect(() => k[f]({ positive: ['nope'], topn: 0 })).toThrow(NotFoundError);
    }
    expect(() => k.similarByVector(Float32Array.from([1, 0]), 1.5)).toThrow(ArgumentError);
  });
});

describe('doesntMatch / nSimilarity / wmDistance argument forms', () => {
  it('reject a string where a list of words is expected (it would be read letter by letter)', () => {
    const k = new KeyedVectors(['ab', 'a', 'b', 'c'], Float32Array.from([1, 0, 0, 1, 1, 1, -1, 0]), 2);
    expect(() => k.doesntMatch('abc' as never)).toThrow(ArgumentError);
    expect(() => k.nSimilarity('ab' as never, ['c'])).toThrow(/ws1 must be a list of words, not a string/);
    expect(() => k.nSimilarity(['c'], 'ab' as never)).toThrow(ArgumentError);
    expect(() => k.wmDistance('ab' as never, ['c'])).toThrow(ArgumentError);
    expect(k.nSimilarity(['ab'], ['ab'])).toBeCloseTo(1, 6);
  });
});

describe('similarByVector', () => {
  it('excludes nothing', () => {
    expect(kv().similarByVector(Float32Array.from([1, 0]), 1)[0]!.word).toBe('man');
  });
});

describe('mostSimilarCosmul', () => {
  it('ranks by the product of shifted cosines', () => {
    const r = kv().mostSimilarCosmul({ positive: ['king', 'woman'], negative: ['man'], topn: 1 });
    expect(r[0]!.word).toBe('queen');
    const s = (w: number[]) => (((1 + cos(w, [2, 0.2])) / 2) * ((1 + cos(w, [0, 1])) / 2)) / ((1 + cos(w, [1, 0])) / 2 + 1e-6);
    expect(r[0]!.score).toBeCloseTo(s([0.2, 2]), 5);
  });
});

describe('doesntMatch', () => {
  it('picks the word furthest from the mean', () => {
    expect(kv().doesntMatch(['man', 'king', 'apple', 'unknownword'])).toBe('apple');
    expect(() => kv().doesntMatch(['nope'])).toThrow(ArgumentError);
  });
});

describe('nSimilarity', () => {
  it('compares mean vectors', () => {
    expect(kv().nSimilarity(['man', 'woman'], ['king', 'queen'])).toBeCloseTo(cos([0.5, 0.5], [1.1, 1.1]), 6);
  });
});

describe('cosineSimilarities', () => {
  it('scores each vector', () => {
    const r = kv().cosineSimilarities([1, 0], [[1, 0], [0, 3], [-2, 0]]);
    expect(Array.from(r)).toEqual([1, 0, -1]);
  });
});

describe('wmDistance', () => {
  it('is the exact transport cost between normalised bags of words', () => {
    const k = kv();
    // One word each: the whole mass moves man -> woman (unit vectors at 90 degrees).
    expect(k.wmDistance(['man'], ['woman'])).toBeCloseTo(Math.SQRT2, 6);
    // Half the mass stays in place, half moves man -> woman.
    expect(k.wmDistance(['man', 'woman'], ['woman', 'woman'])).toBeCloseTo(Math.SQRT2 / 2, 6);
    expect(k.wmDistance(['man', 'nope'], ['man'])).toBe(0);
    expect(k.wmDistance(['nope'], ['man'])).toBe(Infinity);
    // Without normalisation the raw Euclidean distances are used.
    expect(k.wmDistance(['man'], ['king'], { norm: false })).toBeCloseTo(Math.hypot(1, 0.2), 6);
  });
});

describe('searchUnit', () => {
  it('agrees with the plain typed-array kernel', async () => {
    const { topKDot } = await import('../../src/embeddings/nn-kernel.js');
    const n = 500;
    const d = 13; // not a multiple of 4: exercises the SIMD tail
    const vecs = Float32Array.from({ length: n * d }, (_, i) => Math.sin(i * 12.9898) * 43758.5453 % 1);
    const k = new KeyedVectors(Array.from({ length: n }, (_, i) => `w${i}`), vecs, d);
    const q = k.vector('w7', { norm: true }).slice();
    const exclude = new Uint8Array(n);
    exclude[7] = 1;
    const fast = k.searchUnit(q, 10, 400, exclude).sorted();
    const slow = topKDot(k.unitVectors(), d, 400, q, 10, exclude).sorted();
    expect(fast.map((e) => e.id)).toEqual(slow.map((e) => e.id));
    fast.forEach((e, i) => expect(e.score).toBeCloseTo(slow[i]!.score, 5));
    expect(fast.every((e) => e.id < 400 && e.id !== 7)).toBe(true);
  });
});
