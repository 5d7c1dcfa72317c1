import type { BooleanClause, Query, SearchContext, Weight } from '../types.js';
import { BooleanWeight } from './boolean-weight.js';

export type { BooleanClause, Occur } from '../types.js';

/**
 * A boolean combination: MUST clauses all match, MUST_NOT clauses exclude, SHOULD clauses add to
 * the score (and are required only when there is no MUST clause). A query with only MUST_NOT
 * clauses matches nothing, as in Lucene.
 * @example new BooleanQuery([{ occur: 'must', query: new TermQuery('text', 'wing') }])
 */
export class BooleanQuery implements Query {
  constructor(
    readonly clauses: readonly BooleanClause[],
    readonly boost = 1,
  ) {}

  createWeight(ctx: SearchContext, boost: number): Weight {
    return new BooleanWeight(ctx, this, boost * this.boost);
  }

  extractTerms(ctx: SearchContext, out: Set<string>): void {
    for (const c of this.clauses) if (c.occur !== 'mustNot') c.query.extractTerms(ctx, out);
  }

  toString(): string {
    const inner = this.clauses.map((c) => (c.occur === 'must' ? '+' : c.occur === 'mustNot' ? '-' : '') + wrap(c.query)).join(' ');
    return this.boost !== 1 ? `(${inner})^${this.boost}` : inner;
  }
}

function wrap(q: Query): string {
  return q instanceof BooleanQuery && q.boost === 1 ? `(${q.toString()})` : q.toString();
}
