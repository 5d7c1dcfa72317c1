import { describe, it } from 'vitest';
import { Word2Vec } from '../../src/index.js';
import { expectGolden } from '../golden.js';
import { GOLDEN_CONFIGS, zipfCorpus } from './kernel-fixtures.js';

// The golden vectors in tests/fixtures/golden/word2vec/ were recorded with the JS reference kernel
// (tests/embeddings/reference-kernel.ts, i.e. the trainer before the WebAssembly kernel).
// `threads: 1` with a seed must stay bit-for-bit identical to it. Each number is printed with the
// fewest digits that read back as the same float32, so equal text means equal bits.
// UPDATE_GOLDEN=1 rewrites the files after a deliberate change (see tests/golden.ts).

/** The shortest decimal that reads back (through Math.fround) as float32 `x`. */
function float32Text(x: number): string {
  if (Object.is(x, -0)) return '-0';
  for (let p = 1; p < 9; p++) {
    const s = x.toPrecision(p);
    if (Math.fround(Number(s)) === x) return String(Number(s));
  }
  return String(Number(x.toPrecision(9)));
}

describe('Word2Vec.train (golden vectors)', () => {
  const corpus = zipfCorpus();
  it.each(Object.keys(GOLDEN_CONFIGS))('reproduces the recorded vectors bit for bit: %s', async (name) => {
    const m = await Word2Vec.train(corpus, GOLDEN_CONFIGS[name]!);
    const { words, vectors, dim: vectorSize } = m.wv;
    const lines = [`# ${name}: effectiveWords ${m.stats.effectiveWords}, ${words.length} words x ${vectorSize}`];
    words.forEach((w, i) => lines.push(`${w} ${Array.from(vectors.subarray(i * vectorSize, (i + 1) * vectorSize), float32Text).join(' ')}`));
    expectGolden(`word2vec/${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.txt`, lines.join('\n') + '\n');
  });
});
