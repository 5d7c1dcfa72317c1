import type { Query, SearchContext, Weight } from '../types.js';
import { TermWeight } from './term-weight.js';

/**
 * Matches the docs containing one (analyzed) term in one field. `docFreq`, when given, replaces
 * the term's document frequency in its idf (Lucene's BlendedTermQuery: the expansions of a fuzzy
 * query all score with the largest df among them, so the rarest typo does not rank highest).
 * @example new TermQuery('text', 'wing')
 */
export class TermQuery implements Query {
  constructor(
    readonly field: string,
    readonly term: string,
    readonly boost = 1,
    readonly docFreq?: number,
  ) {}

  createWeight(ctx: SearchContext, boost: number): Weight {
    return new TermWeight(ctx, this, boost * this.boost);
  }

  extractTerms(_ctx: SearchContext, out: Set<string>): void {
    out.add(`${this.field}\u0000${this.term}`);
  }

  toString(): string {
    return `${this.field}:${this.term}${this.boost !== 1 ? `^${this.boost}` : ''}`;
  }
}
