import { ArgumentError } from '../../../core/errors.js';
import type { Query, SearchContext, Weight } from '../types.js';
import { Bm25fWeight } from './bm25f-weight.js';

/**
 * One term scored across several fields with BM25F (Robertson, Zaragoza & Taylor 2004; Zaragoza
 * et al. 2004): the field frequencies are length-normalized per field, weighted and summed
 * *before* the saturation, so a term repeated in the title and the body is not counted as two
 * independent matches:
 *
 *   x = Σ_f w_f · tf_f / (k1 · (1 − b + b · dl_f / avgdl_f)),   score = boost · idf · x / (1 + x)
 *
 * (Lucene 8's form without the (k1 + 1) factor). `k1` and `b` are the search's, shared by the
 * fields; `w_f` are the field boosts. The idf uses, as Lucene's CombinedFieldQuery does, the
 * largest document frequency and the largest document count among the fields (no union of
 * postings is read).
 * @example new Bm25fTermQuery(['title', 'text'], 'wing', { title: 1, text: 1 })
 */
export class Bm25fTermQuery implements Query {
  constructor(
    readonly fields: readonly string[],
    readonly term: string,
    readonly weights: Readonly<Record<string, number>> = {},
    readonly boost = 1,
  ) {
    if (!Array.isArray(fields) || !fields.length) throw new ArgumentError('fields must be a non-empty list', { key: 'fields' });
    // Negative weights or boosts would break the scorer's upper bounds (MaxScore) and the saturation.
    for (const [f, w] of Object.entries(weights)) if (!(Number.isFinite(w) && w >= 0)) throw new ArgumentError(`weight of "${f}" must be a finite number >= 0, got ${w}`, { key: `weights.${f}` });
    if (!(Number.isFinite(boost) && boost >= 0)) throw new ArgumentError(`boost must be a finite number >= 0, got ${boost}`, { key: 'boost' });
  }

  createWeight(ctx: SearchContext, boost: number): Weight {
    return new Bm25fWeight(ctx, this, boost * this.boost);
  }

  extractTerms(_ctx: SearchContext, out: Set<string>): void {
    for (const f of this.fields) out.add(`${f}\u0000${this.term}`);
  }

  toString(): string {
    return `bm25f(${this.fields.map((f) => (this.weights[f] ?? 1) !== 1 ? `${f}^${this.weights[f]}` : f).join(',')}):${this.term}${this.boost !== 1 ? `^${this.boost}` : ''}`;
  }
}
