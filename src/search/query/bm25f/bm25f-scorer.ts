import type { PostingsCursor } from '../../postings/reader.js';
import type { BoundPass, DecodedList } from '../bound-pass.js';
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

  // After bound(): each part's whole list, and where scoreAt reached in it.
  private lists: DecodedList[] | null = null;
  private at: Int32Array | null = null;

  // The parts' lists merged by doc; each doc's x summed in part order, as advance() does.
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
    if (n === 2) {
      const { docs: da, freqs: fa } = lists[0]!;
      const { docs: db, freqs: fb } = lists[1]!;
      const p = parts[0]!;
      const q = parts[1]!;
      let i = 0;
      let j = 0;
      while (i < da.length || j < db.length) {
        const x = i < da.length ? da[i]! : NO_MORE_DOCS;
        const y = j < db.length ? db[j]! : NO_MORE_DOCS;
        const d = x < y ? x : y;
        let s = 0;
        if (x === d) s += p.w * fa[i++]! * p.cache[p.norms[d]!]!;
        if (y === d) s += q.w * fb[j++]! * q.cache[q.norms[d]!]!;
        pass.addSure(d, w - w / (1 + s));
      }
      return;
    }
    const at = new Int32Array(n);
    for (;;) {
      let d = NO_MORE_DOCS;
      for (let k = 0; k < n; k++) {
        const docs = lists[k]!.docs;
        if (at[k]! < docs.length && docs[at[k]!]! < d) d = docs[at[k]!]!;
      }
      if (d === NO_MORE_DOCS) return;
      let x = 0;
      for (let k = 0; k < n; k++) {
        const l = lists[k]!;
        const i = at[k]!;
        if (i < l.docs.length && l.docs[i] === d) {
          const p = parts[k]!;
          x += p.w * l.freqs[i]! * p.cache[p.norms[d]!]!;
          at[k] = i + 1;
        }
      }
      pass.addSure(d, w - w / (1 + x));
    }
  }

  override scoreAt(d: number): number {
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
