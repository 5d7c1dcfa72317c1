import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Word2Vec } from '../../src/index.js';
import { GOLDEN_CONFIGS, zipfCorpus } from './kernel-fixtures.js';

// sha256 (first 128 bits) of the trained vectors and the words kept after subsampling, recorded
// with the JS kernel (kernel.ts before the WebAssembly trainer, commit 8247dd5). `threads: 1` with
// a seed must stay bit-for-bit identical to it.
const GOLDEN: Record<string, [string, number]> = {
  'sg ns dim10 sample': ['070be4e960fec67b01f443b1383ba15d', 30124],
  'sg hs dim12': ['8ff8b569f40fc5f3ac3f08fbf0ff4be3', 39520],
  'sg hs+ns dim7 maxLen9': ['26cbc69d3ff067b89ed1a79bdeb920e5', 30125],
  'cbow mean ns dim10 sample': ['cfba8233707c16b3e032170f3b1a70a1', 30102],
  'cbow sum ns dim16': ['25d5d318cbdadc626b392fef4b67b386', 39520],
  'cbow mean hs dim9': ['2e183d49f76e219463256afdc1f4a9bb', 30078],
  'cbow sum hs+ns dim8 maxLen7': ['eb029b45d5d718eabb37f56d2e68328b', 39520],
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
