/**
 * Demo section: n-gram language models (interpolated modified Kneser-Ney, as KenLM) trained on
 * chapters 1-2 of the Austen text, their perplexity on chapter 3, and sentences sampled from the
 * trigram model with fixed seeds.
 */
import { detokenize, NgramLM, type Doc } from '../../index.js';
import type { DemoContext, DemoSection } from './context.js';

/** Orders compared; the last one generates. */
const ORDERS = [1, 2, 3] as const;
/** KN discounts for orders whose count-of-counts are too thin to estimate them (as lmplz `--discount_fallback`). */
const DISCOUNT_FALLBACK: readonly [number, number, number] = [0.5, 1, 1.5];
const SEEDS = [1, 2, 3] as const;
const TEMPERATURE = 0.6;
const MAX_TOKENS = 25;

/** Each sentence of each doc as lower-cased tokens, whitespace tokens left out. */
export function sentenceTokens(docs: readonly Doc[]): string[][] {
  const out: string[][] = [];
  for (const doc of docs) {
    for (const s of doc.sents) {
      const words: string[] = [];
      for (let i = s.start; i < s.end; i++) {
        const t = doc.token(i);
        if (!t.isSpace) words.push(t.lower);
      }
      if (words.length) out.push(words);
    }
  }
  return out;
}

/** Section 4: perplexity by n-gram order on held-out text, and seeded samples. */
export const ngramSection: DemoSection = {
  title: 'N-gram language model',
  key: 'ngram',
  async run(ctx: DemoContext) {
    const { c, print } = ctx;
    const docs = ctx.austenDocs();
    const chapterOf = ctx.texts.chapterOf;
    const train = sentenceTokens(docs.filter((_, i) => chapterOf[i]! < 2));
    const test = sentenceTokens(docs.filter((_, i) => chapterOf[i] === 2));
    print(c.dim(`modified Kneser-Ney, trained on chapters 1-2 (${train.length} sentences), perplexity on chapter 3 (${test.length} sentences, held out)`));
    const perplexity: Record<string, unknown>[] = [];
    let lm: NgramLM | undefined;
    for (const order of ORDERS) {
      lm = await NgramLM.train(train, { order, discountFallback: DISCOUNT_FALLBACK });
      const r = lm.perplexity(test);
      perplexity.push({ order, perplexity: r.perplexity, perplexityExcludingOov: r.perplexityExcludingOov, oov: r.oov, tokens: r.tokens });
      print(`  order ${order}: perplexity ${c.number(r.perplexity.toFixed(1))} (${c.number(r.perplexityExcludingOov.toFixed(1))} without the ${r.oov} unseen tokens), ${lm.ngramCounts.join('/')} n-grams`);
    }
    const words = train.reduce((a, s) => a + s.length, 0);
    print(c.dim(`sampled from the order-${ORDERS[ORDERS.length - 1]} model (temperature ${TEMPERATURE}, seeds ${SEEDS.join(', ')}); ${words} training tokens give local phrases, not prose:`));
    // Shown as `lm generate` prints them (detokenized); a sample cut at MAX_TOKENS ends with '…'.
    const generated = SEEDS.map((seed) => {
      const g = lm!.generate({ seed, temperature: TEMPERATURE, maxTokens: MAX_TOKENS });
      return detokenize(g) + (g.length >= MAX_TOKENS ? ' …' : '');
    });
    for (const g of generated) print(`  ${g}`);
    return { trainSentences: train.length, testSentences: test.length, perplexity, generated };
  },
};
