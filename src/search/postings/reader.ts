import { VarintReader } from './codec.js';

/** Sentinel doc id of an exhausted cursor (as Lucene's NO_MORE_DOCS). */
export const NO_MORE_DOCS = 0x7fffffff;

/**
 * A forward cursor over one term's postings: `next()`/`advance(target)` step through docs in
 * increasing order; `freq` is the current doc's term frequency; `positions()` decodes the current
 * doc's positions on demand (skipping over those of passed docs lazily).
 */
export class PostingsCursor {
  /** Current doc, -1 before the first `next()`, {@link NO_MORE_DOCS} at the end. */
  doc = -1;
  /** Term frequency in the current doc. */
  freq = 0;
  private readonly docs: VarintReader;
  private readonly pos: VarintReader | null;
  private remaining: number;
  // Occurrences of docs passed but whose positions were not read yet.
  private pendingPos = 0;
  // The current doc's positions, allocated on the first positions() call (a search reads the
  // positions of few of the cursors it makes).
  private posOut: Int32Array | null = null;
  private readonly maxFreq: number;
  /** The term's document frequency (the list's length). */
  readonly df: number;
  private readonly docStart: number;
  private readonly posStart: number;
  // next skip entry that may be ahead of the cursor
  private skipAt = 0;

  constructor(
    df: number,
    docSlice: [Uint8Array, number, number],
    posSlice: [Uint8Array, number, number] | null,
    maxFreq = 1,
    private readonly skips: Int32Array = new Int32Array(0),
  ) {
    this.docs = new VarintReader(docSlice[0], docSlice[1], docSlice[2]);
    this.pos = posSlice ? new VarintReader(posSlice[0], posSlice[1], posSlice[2]) : null;
    this.df = df;
    this.remaining = df;
    this.docStart = docSlice[1];
    this.posStart = posSlice ? posSlice[1] : 0;
    this.maxFreq = maxFreq;
  }

  /** Moves to the next doc; returns it (or NO_MORE_DOCS). */
  next(): number {
    if (this.remaining === 0) return (this.doc = NO_MORE_DOCS);
    this.remaining--;
    this.pendingPos += this.freq;
    const v = this.docs.read();
    this.doc = this.doc + 1 + (v >>> 1);
    this.freq = v & 1 ? 1 : this.docs.read();
    return this.doc;
  }

  /** Moves to the first doc >= target; returns it (or NO_MORE_DOCS). */
  advance(target: number): number {
    // Jump to the last block boundary before target, then decode linearly.
    const sk = this.skips;
    let k = this.skipAt;
    if (k < sk.length && sk[k]! < target) {
      while (k + 4 < sk.length && sk[k + 4]! < target) k += 4;
      if (sk[k]! > this.doc) {
        this.doc = sk[k]!;
        this.freq = 0;
        this.docs.pos = this.docStart + sk[k + 1]!;
        if (this.pos) this.pos.pos = this.posStart + sk[k + 2]!;
        this.pendingPos = 0;
        this.remaining = this.df - sk[k + 3]!;
      }
      this.skipAt = k + 4;
    }
    let d = this.doc;
    while (d < target) d = this.next();
    return d;
  }

  /** Whether `other` reads the same postings list (the same term of the same field). */
  sameList(other: PostingsCursor): boolean {
    return this.docs.buf === other.docs.buf && this.docStart === other.docStart;
  }

  /**
   * The buffer the doc list is in: with {@link listStart} and {@link df} they name the list's content,
   * as a stream is only ever appended to (a list that grew has a larger df, and a list that moved
   * is at a new offset or in a new buffer; the bytes it left are not written again).
   */
  get listBuffer(): Uint8Array {
    return this.docs.buf;
  }

  /** Where the doc list starts in {@link listBuffer}. */
  get listStart(): number {
    return this.docStart;
  }

  /**
   * Decodes the whole doc list, from its start whatever the cursor's position (which does not
   * move): doc ids into `docs` and frequencies into `freqs`, from index `at`. Returns the count
   * (the term's document frequency).
   */
  decodeAll(docs: Int32Array, freqs: Int32Array, at: number): number {
    const buf = this.docs.buf;
    let p = this.docStart;
    let d = -1;
    const end = at + this.df;
    for (let k = at; k < end; k++) {
      let b = buf[p++]!;
      let v = b;
      if (b >= 0x80) {
        v = b & 0x7f;
        let shift = 7;
        do {
          b = buf[p++]!;
          v += (b & 0x7f) * 2 ** shift;
          shift += 7;
        } while (b >= 0x80 && shift < 35);
      }
      docs[k] = d = d + 1 + (v >>> 1);
      if (v & 1) freqs[k] = 1;
      else {
        b = buf[p++]!;
        let f = b;
        if (b >= 0x80) {
          f = b & 0x7f;
          let shift = 7;
          do {
            b = buf[p++]!;
            f += (b & 0x7f) * 2 ** shift;
            shift += 7;
          } while (b >= 0x80 && shift < 35);
        }
        freqs[k] = f;
      }
    }
    return this.df;
  }

  /** Positions of the current doc (a reused buffer; valid until the next call). */
  positions(): Int32Array {
    const r = this.pos!;
    if (this.pendingPos < 0) return this.posOut!; // already decoded for this doc
    if (this.pendingPos) {
      r.skip(this.pendingPos);
      this.pendingPos = 0;
    }
    const out = (this.posOut ??= new Int32Array(Math.max(1, this.maxFreq)));
    let p = 0;
    for (let k = 0; k < this.freq; k++) out[k] = p += r.read();
    // Mark this doc's positions consumed so next() does not skip them again.
    this.pendingPos = -this.freq;
    return out;
  }
}
