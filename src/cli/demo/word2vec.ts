/**
 * Demo section: a small skip-gram word2vec model trained on the Austen text (one thread and a
 * fixed seed, so the vectors are the same on every run) and the nearest neighbours of a few words.
 */
import { Word2Vec, type Word2VecOptions } from '../../index.js';
import { wrapItems } from './colour.js';
import type { DemoContext, DemoSection } from './context.js';
import { sentenceTokens } from './ngram.js';

/** Training options: small and reproducible (a 1e6-slot noise table instead of word2vec.c's 1e8). */
export const DEMO_W2V: Readonly<Word2VecOptions> = Object.freeze({
  sg: true,
  vectorSize: 50,
  window: 3,
  minCount: 3,
  epochs: 30,
  seed: 1,
  threads: 1,
  noiseTableSize: 1_000_000,
});

/** Words whose neighbours are shown. */
const QUERIES = ['admiral', 'navy', 'kellynch', 'anne'] as const;
const TOPN = 5;
const WORD = /^[a-z]+$/;

/** Section 6: nearest neighbours in a small seeded word2vec model. */
export const word2vecSection: DemoSection = {
  title: 'word2vec neighbours',
  key: 'word2vec',
  async run(ctx: DemoContext) {
    const { c, print } = ctx;
    const sentences = sentenceTokens(ctx.austenDocs()).map((s) => s.filter((w) => WORD.test(w)));
    const model = await Word2Vec.train(sentences, DEMO_W2V);
    const { vocabSize, trainWords } = model.stats;
    print(c.dim(`skip-gram, ${DEMO_W2V.vectorSize} dimensions, ${DEMO_W2V.epochs} epochs over ${trainWords} words (${vocabSize} types seen ${DEMO_W2V.minCount}+ times), seed ${DEMO_W2V.seed}, one thread`));
    const neighbours: Record<string, { word: string; similarity: number }[]> = {};
    for (const q of QUERIES) {
      if (!model.wv.has(q)) continue;
      const near = model.wv.mostSimilar({ positive: [q], topn: TOPN });
      neighbours[q] = near.map((n) => ({ word: n.word, similarity: n.score }));
      const items = near.map((n, j) => `${n.word} ${c.dim(n.score.toFixed(2))}${j < near.length - 1 ? ',' : ''}`);
      for (const line of wrapItems([`${c.hit(q)} ->`, ...items], ctx.width, '  ')) print(line);
    }
    return { options: { ...DEMO_W2V }, vocabSize, trainWords, neighbours };
  },
};
