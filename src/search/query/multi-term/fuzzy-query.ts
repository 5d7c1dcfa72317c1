import { BooleanQuery } from '../boolean/boolean-query.js';
import { TermQuery } from '../term/term-query.js';
import type { SearchContext } from '../types.js';
import { RewriteQuery } from './rewrite-query.js';
import { MULTI_TERM_DEFAULTS } from './prefix-query.js';

/**
 * Matches terms within `maxEdits` (1 or 2) edits of `term` — insertions, deletions,
 * substitutions and adjacent transpositions, as Lucene's FuzzyQuery — found by walking the sorted
 * term dictionary with shared Levenshtein rows. Rewrites to a disjunction over at most
 * `maxExpansions` terms (closest first, then most frequent), each boosted by
 * `1 - edits / min(len(term), len(match))` and scored with the largest document frequency among
 * them (blended, as Lucene's FuzzyQuery rewrite does).
 * @example new FuzzyQuery('text', 'wnig', 1)
 */
export class FuzzyQuery extends RewriteQuery {
  constructor(
    readonly field: string,
    readonly term: string,
    readonly maxEdits: 1 | 2 = 2,
    readonly boost = 1,
    readonly maxExpansions: number = MULTI_TERM_DEFAULTS.fuzzyExpansions,
  ) {
    super();
  }

  /** The boosted term queries this query stands for in `ctx`. */
  override rewrite(ctx: SearchContext): BooleanQuery {
    const f = ctx.field(this.field);
    if (!f) return new BooleanQuery([]);
    const df = f.postings.df;
    const hits = f.dict.fuzzy(this.term, this.maxEdits).sort((a, b) => a[1] - b[1] || df[b[0]]! - df[a[0]]! || a[0] - b[0]);
    const top = hits.slice(0, this.maxExpansions);
    // Lucene's TopTermsBlendedFreqScoringRewrite: every expansion scores with the largest df.
    let maxDf = 0;
    for (const [id] of top) maxDf = Math.max(maxDf, df[id]!);
    const clauses = top.map(([id, dist]) => {
      const t = f.dict.terms[id]!;
      const sim = Math.max(0.1, 1 - dist / Math.max(1, Math.min(this.term.length, t.length)));
      return { occur: 'should' as const, query: new TermQuery(this.field, t, sim, maxDf) };
    });
    return new BooleanQuery(clauses, this.boost);
  }

  override toString(): string {
    return `${this.field}:${this.term}~${this.maxEdits}${this.boost !== 1 ? `^${this.boost}` : ''}`;
  }
}
