import type { Query, SearchContext, Weight } from '../types.js';
import { PhraseWeight } from './phrase-weight.js';

/**
 * Matches docs where the terms occur at the given relative positions (exact phrase, slop 0).
 * Positions come from the analyzer, so a removed stop word still occupies its slot.
 * @example new PhraseQuery('text', ['wing', 'slipstream'], [0, 3])
 */
export class PhraseQuery implements Query {
  constructor(
    readonly field: string,
    readonly terms: readonly string[],
    readonly positions: readonly number[],
    readonly boost = 1,
  ) {}

  createWeight(ctx: SearchContext, boost: number): Weight {
    return new PhraseWeight(ctx, this, boost * this.boost);
  }

  extractTerms(_ctx: SearchContext, out: Set<string>): void {
    for (const t of this.terms) out.add(`${this.field}\u0000${t}`);
  }

  toString(): string {
    return `${this.field}:"${this.terms.join(' ')}"${this.boost !== 1 ? `^${this.boost}` : ''}`;
  }
}
