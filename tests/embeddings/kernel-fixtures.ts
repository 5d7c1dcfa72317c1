import { Rng } from '../../src/util/rng.js';
import type { Word2VecOptions } from '../../src/index.js';

/**
 * A Zipf-like corpus over `vocab` words with sentence lengths 1..40, plus a few long sentences
 * that exceed small `maxSentenceLength`s (exercising the sentence continuation).
 */
export function zipfCorpus(sentences = 900, vocab = 120, seed = 11): string[][] {
  const rng = new Rng(seed);
  const cum: number[] = [];
  let tot = 0;
  for (let i = 0; i < vocab; i++) cum.push((tot += 1 / (i + 1)));
  const draw = (): string => {
    const x = rng.next() * tot;
    let lo = 0;
    while (cum[lo]! < x) lo++;
    return `w${lo}`;
  };
  const out: string[][] = [];
  for (let s = 0; s < sentences; s++) {
    const len = s % 150 === 7 ? 260 : 1 + rng.int(40);
    const sent: string[] = [];
    for (let i = 0; i < len; i++) sent.push(draw());
    out.push(sent);
  }
  return out;
}

const BASE: Word2VecOptions = { minCount: 2, epochs: 2, noiseTableSize: 50000, batchWords: 700, window: 4, seed: 5 };

/** Small configurations covering sg/CBOW x negative/hs, cbowMean, subsampling, odd dims and sentence splitting. */
export const GOLDEN_CONFIGS: Record<string, Word2VecOptions> = {
  'sg ns dim10 sample': { ...BASE, sg: true, vectorSize: 10, negative: 3, sample: 1e-2 },
  'sg hs dim12': { ...BASE, sg: true, vectorSize: 12, hs: true, negative: 0, sample: 0 },
  'sg hs+ns dim7 maxLen9': { ...BASE, sg: true, vectorSize: 7, hs: true, negative: 2, sample: 1e-2, maxSentenceLength: 9 },
  'cbow mean ns dim10 sample': { ...BASE, sg: false, vectorSize: 10, negative: 4, sample: 1e-2 },
  'cbow sum ns dim16': { ...BASE, sg: false, cbowMean: false, alpha: 0.01, vectorSize: 16, negative: 5, sample: 0 },
  'cbow mean hs dim9': { ...BASE, sg: false, vectorSize: 9, hs: true, negative: 0, sample: 1e-2 },
  'cbow sum hs+ns dim8 maxLen7': { ...BASE, sg: false, cbowMean: false, alpha: 0.02, vectorSize: 8, hs: true, negative: 3, sample: 0, maxSentenceLength: 7, window: 2 },
};
