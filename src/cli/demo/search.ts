/**
 * Demo section: a BM25 search index over the Austen paragraphs and a few queries (terms, a
 * phrase, OR), each hit with its best passage and the matched words highlighted.
 */
import { SearchIndex } from '../../index.js';
import type { DemoContext, DemoSection } from './context.js';

/** Queries shown, in the query language of `SearchIndex.search`. */
export const DEMO_QUERIES: readonly string[] = Object.freeze(['Kellynch tenant', '"Lady Russell" advice', 'navy OR admiral']);
const TOP_K = 2;

/** Section 7: BM25 search with highlighted passages. */
export const searchSection: DemoSection = {
  title: 'Search: BM25 with highlighted passages',
  key: 'search',
  async run(ctx: DemoContext) {
    const { c, print } = ctx;
    const index = await SearchIndex.create({ fields: ['text'], storeFields: ['text'] });
    index.addAll(ctx.texts.paragraphs.map((text, id) => ({ id, text })));
    // On a terminal the marks are colours; piped, they are brackets.
    const mark = c.enabled ? { pre: '\x1b[1;33m', post: '\x1b[0m' } : { pre: '[', post: ']' };
    print(c.dim(`${ctx.texts.paragraphs.length} paragraphs indexed; top ${TOP_K} of each query, with the best passage`));
    const queries: Record<string, unknown>[] = [];
    for (const q of DEMO_QUERIES) {
      const hits = index.search(q, { topK: TOP_K, highlight: { fragmentSize: Math.max(60, ctx.width - 16), ...mark } });
      print(`${c.bold('query')} ${q}`);
      for (const h of hits) print(`  ${c.dim(`#${h.id}`.padEnd(4))} ${c.number(h.score.toFixed(2))}  ${h.highlights?.text ?? ''}`);
      // --json runs without colour, so passages there carry the bracket marks.
      queries.push({ query: q, hits: hits.map((h) => ({ id: Number(h.id), score: h.score, passage: h.highlights?.text ?? '' })) });
    }
    return { documents: ctx.texts.paragraphs.length, queries };
  },
};
