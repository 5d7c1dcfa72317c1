import { ArgumentError } from '../../../core/errors.js';
import type { Query, SearchContext, Weight } from '../types.js';
import { WindowWeight } from './window-weight.js';

/**
 * Matches docs where two terms occur near each other: in order with at most `slop` positions
 * between them, or in either order within `slop` (Lucene's `SpanNearQuery` of two terms). Scored
 * by BM25 on the sloppy frequency (each match adds 1 / (1 + gap)) with the sum of the two idfs,
 * as Lucene scores spans. The proximity feature of `search` is built from these.
 * @example new WindowQuery('text', 'boundari', 'layer', { slop: 1, ordered: true }, 0.1)
 */
export class WindowQuery implements Query {
  constructor(
    readonly field: string,
    readonly first: string,
    readonly second: string,
    readonly window: { slop: number; ordered: boolean },
    readonly boost = 1,
  ) {
    // A negative or NaN slop would silently match nothing; a negative boost breaks MaxScore's bounds.
    if (!(Number.isInteger(window?.slop) && window.slop >= 0) || typeof window.ordered !== 'boolean') {
      throw new ArgumentError(`window must be { slop: a non-negative integer, ordered: boolean }, got ${JSON.stringify(window)}`, { key: 'window' });
    }
    if (!(Number.isFinite(boost) && boost >= 0)) throw new ArgumentError(`boost must be a finite number >= 0, got ${boost}`, { key: 'boost' });
  }

  createWeight(ctx: SearchContext, boost: number): Weight {
    return new WindowWeight(ctx, this, boost * this.boost);
  }

  extractTerms(_ctx: SearchContext, out: Set<string>): void {
    out.add(`${this.field}\u0000${this.first}`);
    out.add(`${this.field}\u0000${this.second}`);
  }

  toString(): string {
    const op = this.window.ordered ? 'near' : 'uw';
    return `${this.field}:${op}${this.window.slop}(${this.first} ${this.second})${this.boost !== 1 ? `^${this.boost}` : ''}`;
  }
}
