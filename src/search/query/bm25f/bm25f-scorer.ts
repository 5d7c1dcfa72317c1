import type { PostingsCursor } from '../../postings/reader.js';
import { forwardTo, type BoundPass, type DecodedList } from '../bound-pass.js';
import { Bm25fUnions, type Bm25fUnion } from './bm25f-union.js';
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

  override canBound(): boolean {
    return true;
  }

  // After bound(): each part's whole list and where scoreAt reached in it, or with several parts
  // their union (see bm25f-union.ts) and where scoreAt reached in that.
  private lists: DecodedList[] | null = null;
  private at: Int32Array | null = null;
  private union: Bm25fUnion | null = null;
  private unionAt = 0;

  // Each doc's x summed in part order, as advance() does: one part's list read directly, several
  // parts' merged union read from the store of unions.
  override bound(pass: BoundPass): void {
    const parts = this.parts;
    const n = parts.length;
    const lists = (this.lists = parts.map((p) => pass.list(p.cursor)));
    this.at = new Int32Array(n);
    const w = this.weight;
    if (n === 1) {
      const { docs, freqs } = lists[0]!;
      const { w: pw, cache, norms } = parts[0]!;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i]!;
        const x = pw * freqs[i]! * cache[norms[d]!]!;
        pass.addSure(d, w - w / (1 + x));
      }
      return;
    }
    const u = (this.union = Bm25fUnions.shared.get(parts.map((p, k) => ({ list: lists[k]!, norms: p.norms, cache: p.cache, w: p.w, start: p.cursor.listStart }))));
    this.unionAt = 0;
    const { docs, xs } = u;
    for (let i = 0; i < docs.length; i++) pass.addSure(docs[i]!, w - w / (1 + xs[i]!));
  }

  override scoreAt(d: number): number {
    const u = this.union;
    if (u) {
      const docs = u.docs;
      const i = (this.unionAt = forwardTo(docs, this.unionAt, docs.length, d));
      if (i === docs.length || docs[i] !== d) return -1;
      const x = u.xs[i]!;
      this.doc = d;
      this.x = x;
      return this.weight - this.weight / (1 + x);
    }
    let x = 0;
    let hit = false;
    const lists = this.lists;
    const at = this.at;
    const parts = this.parts;
    for (let k = 0; k < parts.length; k++) {
      const p = parts[k]!;
      let f = 0;
      if (lists) {
        const docs = lists[k]!.docs;
        let i = at![k]!;
        while (i < docs.length && docs[i]! < d) i++;
        at![k] = i;
        if (i < docs.length && docs[i] === d) f = lists[k]!.freqs[i]!;
      } else {
        const c = p.cursor;
        if ((c.doc < d ? c.advance(d) : c.doc) === d) f = c.freq;
      }
      if (f > 0) {
        x += p.w * f * p.cache[p.norms[d]!]!;
        hit = true;
      }
    }
    if (!hit) return -1;
    this.doc = d;
    this.x = x;
    return this.weight - this.weight / (1 + x);
  }
}
