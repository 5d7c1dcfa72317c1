import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArgumentError, KeyedVectors, VectorIndex } from '../../src/index.js';
import { Rng } from '../../src/util/rng.js';

/** n random words' vectors from a seeded mixture of Gaussian clusters (so neighbourhoods exist). */
function mixtureVectors(n: number, dim: number, seed: number): KeyedVectors {
  const rng = new Rng(seed);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const centres = Array.from({ length: 12 }, () => Float32Array.from({ length: dim }, () => gauss() * 2));
  const v = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    const c = centres[rng.int(12)]!;
    for (let d = 0; d < dim; d++) v[i * dim + d] = c[d]! + gauss();
  }
  return new KeyedVectors(Array.from({ length: n }, (_, i) => `w${i}`), v, dim);
}

const queries: { positive: string[]; negative?: string[]; restrictVocab?: number }[] = [
  { positive: ['w1'] },
  { positive: ['w7', 'w300'] },
  { positive: ['w5', 'w9'], negative: ['w11'] },
  { positive: ['w42'], restrictVocab: 500 },
];

describe('KeyedVectors.buildIndex', () => {
  it('flat: mostSimilar gives exactly the scan\'s words, scores within float rounding', () => {
    const kv = mixtureVectors(1500, 24, 3);
    const exact = queries.map((q) => kv.mostSimilar({ ...q, topn: 10 }));
    kv.buildIndex({ kind: 'flat' });
    expect(kv.attachedIndex?.kind).toBe('flat');
    queries.forEach((q, i) => {
      const got = kv.mostSimilar({ ...q, topn: 10 });
      expect(got.map((r) => r.word)).toEqual(exact[i]!.map((r) => r.word));
      got.forEach((r, j) => expect(r.score).toBeCloseTo(exact[i]![j]!.score, 5));
      for (const w of [...q.positive, ...(q.negative ?? [])]) expect(got.map((r) => r.word)).not.toContain(w);
      if (q.restrictVocab) for (const r of got) expect(kv.indexOf(r.word)).toBeLessThan(q.restrictVocab);
    });
    const v = kv.vector('w3');
    expect(kv.similarByVector(v, 5)[0]!.word).toBe('w3');
  });

  it('hnsw: recall@10 against the exact scan at least 0.95 on seeded data, query words excluded', () => {
    const kv = mixtureVectors(3000, 32, 5);
    const qs = Array.from({ length: 60 }, (_, i) => `w${i * 37}`);
    const exact = qs.map((w) => new Set(kv.mostSimilar({ positive: [w], topn: 10 }).map((r) => r.word)));
    kv.buildIndex({ kind: 'hnsw', m: 16, efConstruction: 100, efSearch: 64, seed: 7 });
    let found = 0;
    qs.forEach((w, i) => {
      const got = kv.mostSimilar({ positive: [w], topn: 10 });
      expect(got).toHaveLength(10);
      expect(got.map((r) => r.word)).not.toContain(w);
      for (const r of got) if (exact[i]!.has(r.word)) found++;
    });
    expect(found / (qs.length * 10)).toBeGreaterThanOrEqual(0.95);
    kv.detachIndex();
    expect(kv.attachedIndex).toBeUndefined();
  });

  it('attachIndex takes a saved index of the same words and rejects others', () => {
    const kv = mixtureVectors(300, 8, 9);
    const file = join(mkdtempSync(join(tmpdir(), 'tl-widx-')), 'v.tlx');
    kv.buildIndex({ kind: 'flat' }).save(file);
    const exact = mixtureVectors(300, 8, 9).mostSimilar({ positive: 'w10', topn: 5 });
    const fresh = mixtureVectors(300, 8, 9);
    fresh.attachIndex(VectorIndex.load(file));
    expect(fresh.mostSimilar({ positive: 'w10', topn: 5 }).map((r) => r.word)).toEqual(exact.map((r) => r.word));
    expect(() => mixtureVectors(301, 8, 9).attachIndex(VectorIndex.load(file))).toThrow(ArgumentError);
    expect(() => mixtureVectors(300, 9, 9).attachIndex(VectorIndex.load(file))).toThrow(ArgumentError);
    const l2 = VectorIndex.create({ dim: 8, metric: 'l2', kind: 'flat' });
    expect(() => kv.attachIndex(l2)).toThrow(ArgumentError);
    expect(() => kv.buildIndex({ dim: 3 } as never)).toThrow(ArgumentError);
  });
});
