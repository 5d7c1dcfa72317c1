/**
 * Demo section: TF-IDF keywords (scikit-learn's TfidfVectorizer, exactly) of each Austen chapter,
 * keeping words that are not in every chapter so each list says what sets its chapter apart.
 */
import { extractKeywords } from '../../index.js';
import { wrapItems } from './colour.js';
import type { DemoContext, DemoSection } from './context.js';

const TOP = 8;

/** Section 5: TF-IDF keywords per chapter. */
export const keywordsSection: DemoSection = {
  title: 'TF-IDF keywords',
  key: 'keywords',
  run(ctx: DemoContext) {
    const { c, print } = ctx;
    print(c.dim(`each chapter's top ${TOP} terms: TfidfVectorizer defaults, English stop words, maxDf 2 (terms in at most two of the three chapters)`));
    const kws = extractKeywords(ctx.texts.chapters, { top: TOP, stopWords: 'english', maxDf: 2 });
    kws.forEach((kw, i) => {
      const items = kw.map((k, j) => `${c.hit(k.term)} ${c.dim(k.score.toFixed(2))}${j < kw.length - 1 ? ',' : ''}`);
      for (const line of wrapItems([`chapter ${i + 1}:`, ...items], ctx.width, '  ')) print(line);
    });
    return { chapters: kws.map((kw) => kw.map((k) => ({ term: k.term, score: k.score }))) };
  },
};
