import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyedVectors, Word2Vec, type Word2VecOptions } from '../../src/index.js';

// Vectors written by word2vec.c itself on fixtures/w2v-c/corpus.txt (commands in make.sh there).
const dir = fileURLToPath(new URL('../fixtures/w2v-c/', import.meta.url));
// word2vec.c's exact 1e8-slot noise table: the default cumulative table draws other noise words.
const COMMON: Word2VecOptions = { vectorSize: 16, window: 5, sample: 1e-3, minCount: 5, epochs: 3, threads: 1, noiseTable: 'word2vec-c' };

describe('Word2Vec.train against word2vec.c', () => {
  it.each([
    ['sg-ns.txt', { sg: true, negative: 5 }],
    ['cbow-ns.txt', { sg: false, negative: 5 }],
    ['sg-hs.txt', { sg: true, negative: 0, hs: true }],
    ['cbow-hs.txt', { sg: false, negative: 0, hs: true }],
    ['sg-ns-seed3.txt', { sg: true, negative: 5, seed: 3 }],
  ] as [string, Word2VecOptions][])('reproduces %s with 1 thread (same vocabulary, vectors within 1e-4 of the largest component)', async (file, opts) => {
    const c = await KeyedVectors.load(join(dir, file));
    const m = await Word2Vec.train(join(dir, 'corpus.txt'), { ...COMMON, ...opts });
    // word2vec.c writes its </s> (never trained) first; textloom leaves it out.
    expect(c.words[0]).toBe('</s>');
    expect(m.wv.words).toEqual(c.words.slice(1));
    let maxDiff = 0;
    let maxAbs = 0;
    for (const w of m.wv.words) {
      const a = m.wv.vector(w);
      const b = c.vector(w);
      for (let k = 0; k < 16; k++) {
        maxDiff = Math.max(maxDiff, Math.abs(a[k]! - b[k]!));
        maxAbs = Math.max(maxAbs, Math.abs(b[k]!));
      }
    }
    // The dot products sum in 4 float32 lanes (C: one running sum, fused multiply-adds), so the
    // runs agree to rounding, not bits. Any logic difference (a skipped draw, another noise word,
    // another rate) shows up as differences of 1e-2 and more.
    expect(maxDiff).toBeLessThan(1e-4 * Math.max(1, maxAbs));
  });
});
