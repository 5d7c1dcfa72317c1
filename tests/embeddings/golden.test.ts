import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Word2Vec } from '../../src/index.js';
import { GOLDEN_CONFIGS, zipfCorpus } from './kernel-fixtures.js';

// sha256 (first 128 bits) of the trained vectors and the words kept after subsampling, recorded
// with the JS reference kernel (tests/embeddings/reference-kernel.ts, i.e. kernel.ts at w2vq's
// c5b894d, before the WebAssembly trainer) and that commit's trainer. `threads: 1` with a seed
// must stay bit-for-bit identical to it.
const GOLDEN: Record<string, [string, number]> = {
  'sg ns dim10 sample': ['91ba8727009a2d610a40f15684a60d19', 30375],
  'sg hs dim12': ['5ee78d64bdca9411057f5edb56391594', 39520],
  'sg hs+ns dim7 maxLen9': ['4f214998e3a1bc09aa4819b45d6809c2', 30463],
  'cbow mean ns dim10 sample': ['a659bd98e583f7b7ba8d7ab0f775d70d', 30437],
  'cbow sum ns dim16': ['24b4611dda6a57955c2bb87395d65c93', 39520],
  'cbow mean hs dim9': ['bbeb3e575cfd472705d4b7fa7ac1f5c6', 30402],
  'cbow sum hs+ns dim8 maxLen7': ['8b8a0338ed6942d5a897fb26474f3bb1', 39520],
};

describe('Word2Vec.train (golden vectors)', () => {
  const corpus = zipfCorpus();
  it.each(Object.keys(GOLDEN_CONFIGS))('reproduces the recorded vectors bit for bit: %s', async (name) => {
    const m = await Word2Vec.train(corpus, GOLDEN_CONFIGS[name]!);
    const v = m.wv.vectors;
    const hash = createHash('sha256').update(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)).digest('hex').slice(0, 32);
    expect([hash, m.stats.effectiveWords]).toEqual(GOLDEN[name]);
  });
});
