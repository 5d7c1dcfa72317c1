import type { Query, SearchContext, Weight } from '../types.js';

/**
 * A query that stands for another one built against the index (Lucene's MultiTermQuery
 * rewrite): its weight and its terms are those of `rewrite(ctx)`.
 */
export abstract class RewriteQuery implements Query {
  /** The query this one stands for in `ctx`. */
  abstract rewrite(ctx: SearchContext): Query;

  createWeight(ctx: SearchContext, boost: number): Weight {
    return this.rewrite(ctx).createWeight(ctx, boost);
  }

  extractTerms(ctx: SearchContext, out: Set<string>): void {
    this.rewrite(ctx).extractTerms(ctx, out);
  }

  abstract toString(): string;
}
