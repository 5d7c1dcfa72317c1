import type { Query, SearchContext, Weight } from '../types.js';
import { TermWeight } from './term-weight.js';

/**
 * Matches the docs containing one (analyzed) term in one field.
 * @example new TermQuery('text', 'wing')
 */
export class TermQuery implements Query {
  constructor(
    readonly field: string,
    readonly term: string,
    readonly boost = 1,
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
