import { BooleanQuery, type BooleanClause } from '../boolean/boolean-query.js';
import { TermQuery } from '../term/term-query.js';
import type { SearchContext } from '../types.js';
import { RewriteQuery } from './rewrite-query.js';
import { TermUnionQuery } from './term-union-query.js';

/** Defaults of the multi-term queries. */
export const MULTI_TERM_DEFAULTS = Object.freeze({ prefixExpansions: 64, fuzzyExpansions: 50 });

/**
 * Matches terms starting with `prefix` (found by a range of the sorted term dictionary). It
 * rewrites to a disjunction of BM25-scored term queries over the `maxExpansions` most frequent
 * matching terms (Lucene scores prefix queries as constant; ranking by the terms is more useful),
 * plus the other expansions unscored, so the query matches what Lucene's matches.
 * @example new PrefixQuery('text', 'aero')
 */
export class PrefixQuery extends RewriteQuery {
  constructor(
    readonly field: string,
    readonly prefix: string,
    readonly boost = 1,
    readonly maxExpansions: number = MULTI_TERM_DEFAULTS.prefixExpansions,
  ) {
    super();
  }

  /** The term queries this query stands for in `ctx`. */
  override rewrite(ctx: SearchContext): BooleanQuery {
    const f = ctx.field(this.field);
    if (!f) return new BooleanQuery([]);
    let ids = f.dict.withPrefix(this.prefix);
    let rest: number[] = [];
    if (ids.length > this.maxExpansions) {
      const df = f.postings.df;
      ids = ids.sort((a, b) => df[b]! - df[a]! || a - b);
      rest = ids.slice(this.maxExpansions);
      ids = ids.slice(0, this.maxExpansions);
    }
    const clauses: BooleanClause[] = ids.map((id) => ({ occur: 'should' as const, query: new TermQuery(this.field, f.dict.terms[id]!) }));
    // The rarer expansions still match, as every expansion does in Lucene (they used to be dropped).
    if (rest.length) clauses.push({ occur: 'should', query: new TermUnionQuery(this.field, rest.map((id) => f.dict.terms[id]!)) });
    return new BooleanQuery(clauses, this.boost);
  }

  override toString(): string {
    return `${this.field}:${this.prefix}*${this.boost !== 1 ? `^${this.boost}` : ''}`;
  }
}
