import { ArgumentError } from '../../../core/errors.js';
import type { Query, SearchContext, Weight } from '../types.js';
import { PhraseWeight } from './phrase-weight.js';

/**
 * Matches docs where the terms occur at the given relative positions: exactly (slop 0), or within
 * `slop` position moves as Lucene's sloppy `PhraseQuery` (each match adds `1 / (1 + moves)` to
 * the phrase frequency; reversing two adjacent terms takes 2 moves). Positions come from the
 * analyzer, so a removed stop word still occupies its slot.
 * @example new PhraseQuery('text', ['wing', 'slipstream'], [0, 3])
 * new PhraseQuery('text', ['boundari', 'layer'], [0, 1], 1, 2) // "boundary layer"~2
 */
export class PhraseQuery implements Query {
  constructor(
    readonly field: string,
    readonly terms: readonly string[],
    readonly positions: readonly number[],
    readonly boost = 1,
    readonly slop = 0,
  ) {
    if (!(Number.isInteger(slop) && slop >= 0)) throw new ArgumentError(`slop must be a non-negative integer, got ${slop}`, { key: 'slop' });
  }

  createWeight(ctx: SearchContext, boost: number): Weight {
    return new PhraseWeight(ctx, this, boost * this.boost);
  }

  extractTerms(_ctx: SearchContext, out: Set<string>): void {
    for (const t of this.terms) out.add(`${this.field}\u0000${t}`);
  }

  toString(): string {
    return `${this.field}:"${this.terms.join(' ')}"${this.slop ? `~${this.slop}` : ''}${this.boost !== 1 ? `^${this.boost}` : ''}`;
  }
}
