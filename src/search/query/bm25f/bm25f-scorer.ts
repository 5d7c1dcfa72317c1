import type { PostingsCursor } from '../../postings/reader.js';
import { NO_MORE_DOCS, Scorer } from '../types.js';

/** One field's part of a BM25F term: its postings, norms, norm cache 1 / (k1 · B_f) and weight. */
export interface Bm25fPart {
  cursor: PostingsCursor;
  norms: Uint8Array;
  cache: Float64Array;
  w: number;
  df: number;
  maxFreq: number;
  minNorm: number;
}

/** Walks the union of one term's postings in several fields and scores the combined frequency. */
export class Bm25fScorer extends Scorer {
  readonly maxScore: number;
  readonly cost: number;
  /** Combined normalized frequency of the current doc (tf~ / k1). */
  x = 0;

  constructor(
    private readonly parts: Bm25fPart[],
    private readonly weight: number,
  ) {
    super();
    let xMax = 0;
    let cost = 0;
    for (const p of parts) {
      xMax += p.w * p.maxFreq * p.cache[p.minNorm]!;
      cost += p.df;
    }
    this.cost = cost;
    this.maxScore = weight - weight / (1 + xMax);
  }

  advance(target: number): number {
    let d = NO_MORE_DOCS;
    for (const p of this.parts) {
      const c = p.cursor;
      const e = c.doc < target ? c.advance(target) : c.doc;
      if (e < d) d = e;
    }
    if (d !== NO_MORE_DOCS) {
      let x = 0;
      for (const p of this.parts) if (p.cursor.doc === d) x += p.w * p.cursor.freq * p.cache[p.norms[d]!]!;
      this.x = x;
    }
    return (this.doc = d);
  }

  score(): number {
    return this.weight - this.weight / (1 + this.x);
  }
}
