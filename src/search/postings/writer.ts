import { grow } from '../../util/typed.js';
import { VarintReader, writeVarint } from './codec.js';

const EMPTY = new Int32Array(0);

/**
 * The mutable postings of one field: per term a doc stream and a position stream (see
 * `codec.ts`), appended to as documents are indexed in increasing doc order.
 *
 * Storage: a term's bytes live either in its own growable buffer, or (after load) in a slice of
 * one shared base buffer; the first append to a loaded term copies its slice out (copy-on-write),
 * so loading allocates nothing per term.
 *
 * Skip data: after every {@link SKIP_INTERVAL} docs of a term, one entry of four int32s
 * `[last doc, doc-stream offset, position-stream offset, docs so far]` (offsets relative to the
 * term's streams) lets a cursor's `advance` jump over whole blocks without decoding them.
 */

/** Docs per skip entry. */
export const SKIP_INTERVAL = 128;
export class PostingsWriter {
  /** Per term: docs containing it. */
  df = new Int32Array(64);
  /** Per term: total occurrences. */
  ctf = new Float64Array(64);
  /** Per term: largest freq in one doc (for score upper bounds). */
  maxFreq = new Int32Array(64);
  /** Per term: last doc appended (-1 none). */
  lastDoc = new Int32Array(64).fill(-1);
  private docBuf: (Uint8Array | undefined)[] = [];
  private posBuf: (Uint8Array | undefined)[] = [];
  private docLen = new Int32Array(64);
  private posLen = new Int32Array(64);
  // Loaded slices: base buffers and per-term offsets.
  private docBase: Uint8Array = new Uint8Array(0);
  private posBase: Uint8Array = new Uint8Array(0);
  private docOff = new Int32Array(64);
  private posOff = new Int32Array(64);
  private skipBuf: (Int32Array | undefined)[] = [];
  private skipOwned: Uint8Array = new Uint8Array(64);
  private size = 0;

  /** Number of terms with postings slots. */
  get termCount(): number {
    return this.size;
  }

  /** Makes room for term ids below `n`. */
  ensure(n: number): void {
    if (n <= this.size) return;
    if (n > this.df.length) {
      const old = this.lastDoc.length;
      this.df = grow(this.df, n);
      this.ctf = grow(this.ctf, n);
      this.maxFreq = grow(this.maxFreq, n);
      this.lastDoc = grow(this.lastDoc, n);
      this.lastDoc.fill(-1, old);
      this.docLen = grow(this.docLen, n);
      this.posLen = grow(this.posLen, n);
      this.docOff = grow(this.docOff, n);
      this.posOff = grow(this.posOff, n);
      this.skipOwned = grow(this.skipOwned, n);
    }
    this.size = n;
  }

  /**
   * Appends one doc's occurrences of `term`: `positions[from..from+freq)` ascending.
   * Docs must arrive in increasing order per term.
   */
  add(term: number, doc: number, positions: Int32Array, from: number, freq: number): void {
    this.appendDocEntry(term, doc, freq);
    // position stream (room: 5 bytes per position)
    let p = this.posLen[term]!;
    let buf = this.posBuf[term];
    if (buf === undefined || p + 5 * freq > buf.length) buf = ownStream(this.posBuf, this.posBase, this.posOff, this.posLen, term, 5 * freq);
    if (freq === 1) p = writeVarint(buf, p, positions[from]!);
    else {
      let last = 0;
      for (let k = 0; k < freq; k++) {
        const pos = positions[from + k]!;
        p = writeVarint(buf, p, pos - last);
        last = pos;
      }
    }
    this.posLen[term] = p;
    this.countDoc(term, doc, freq);
  }

  /** Writes one doc's entry (doc delta, freq) to `term`'s doc stream; the caller writes its positions next. */
  private appendDocEntry(term: number, doc: number, freq: number): void {
    const prev = this.lastDoc[term]!;
    const delta = doc - (prev < 0 ? 0 : prev + 1);
    // Room: two 5-byte varints at most, checked without sizing them.
    let p = this.docLen[term]!;
    let buf = this.docBuf[term];
    if (buf === undefined || p + 10 > buf.length) buf = ownStream(this.docBuf, this.docBase, this.docOff, this.docLen, term, 10);
    if (freq === 1) p = writeVarint(buf, p, delta * 2 + 1);
    else {
      p = writeVarint(buf, p, delta * 2);
      p = writeVarint(buf, p, freq);
    }
    this.docLen[term] = p;
  }

  /** After both streams of a doc are written: the term's statistics and, every SKIP_INTERVAL docs, a skip entry. */
  private countDoc(term: number, doc: number, freq: number): void {
    this.lastDoc[term] = doc;
    const df = ++this.df[term]!;
    this.ctf[term]! += freq;
    if (freq > this.maxFreq[term]!) this.maxFreq[term] = freq;
    if (df % SKIP_INTERVAL === 0) this.addSkip(term, doc, df);
  }

  /**
   * Appends another segment's postings of one term (the segment merge's kernel): `df` docs from
   * `docs`/`pos` (streams in `codec.ts` format), each doc renumbered to `base + doc`, or to
   * `remap[doc]` when a remap is given (-1 drops the doc, as a merge drops deleted docs). Only
   * the doc stream is re-encoded; each kept doc's position bytes are copied as they are. Docs
   * must land after this term's last doc. Returns the occurrences appended.
   */
  appendPostings(term: number, df: number, docs: [Uint8Array, number, number], pos: [Uint8Array, number, number], base: number, remap: Int32Array | null): number {
    if (!remap && df > 0) return this.appendShifted(term, df, docs, pos, base);
    const dr = new VarintReader(docs[0], docs[1], docs[2]);
    const src = pos[0];
    let sp = pos[1];
    let old = -1;
    let added = 0;
    for (let k = 0; k < df; k++) {
      const v = dr.read();
      old += 1 + (v >>> 1);
      const freq = v & 1 ? 1 : dr.read();
      // This doc's position bytes: `freq` varints.
      const from = sp;
      for (let n = freq; n > 0; ) if (src[sp++]! < 0x80) n--;
      const doc = remap ? remap[old]! : base + old;
      if (doc < 0) continue;
      this.appendDocEntry(term, doc, freq);
      const len = sp - from;
      const p = this.posLen[term]!;
      let buf = this.posBuf[term];
      if (buf === undefined || p + len > buf.length) buf = ownStream(this.posBuf, this.posBase, this.posOff, this.posLen, term, len);
      buf.set(src.subarray(from, sp), p);
      this.posLen[term] = p + len;
      this.countDoc(term, doc, freq);
      added += freq;
    }
    return added;
  }

  /**
   * `appendPostings` without deletes (the threaded build's merge): the docs keep their order and
   * gaps, so only the first doc's delta changes; the rest of the doc stream and the whole position
   * stream are copied in two block copies. One pass over the source still counts the statistics
   * and places the skip entries at their offsets in the merged streams.
   */
  private appendShifted(term: number, df: number, docs: [Uint8Array, number, number], pos: [Uint8Array, number, number], base: number): number {
    const [dsrc, , dend] = docs;
    const [psrc, pstart, pend] = pos;
    const dr = new VarintReader(dsrc, docs[1], dend);
    const v0 = dr.read();
    let old = v0 >>> 1;
    let freq = v0 & 1 ? 1 : dr.read();
    const rest = dr.pos;
    const prev = this.lastDoc[term]!;
    const delta = base + old - (prev < 0 ? 0 : prev + 1);
    let p = this.docLen[term]!;
    let buf = this.docBuf[term];
    if (buf === undefined || p + 10 + (dend - rest) > buf.length) buf = ownStream(this.docBuf, this.docBase, this.docOff, this.docLen, term, 10 + (dend - rest));
    if (freq === 1) p = writeVarint(buf, p, delta * 2 + 1);
    else {
      p = writeVarint(buf, p, delta * 2);
      p = writeVarint(buf, p, freq);
    }
    const docShift = p - rest;
    buf.set(dsrc.subarray(rest, dend), p);
    this.docLen[term] = p + (dend - rest);
    let q = this.posLen[term]!;
    let pbuf = this.posBuf[term];
    if (pbuf === undefined || q + (pend - pstart) > pbuf.length) pbuf = ownStream(this.posBuf, this.posBase, this.posOff, this.posLen, term, pend - pstart);
    pbuf.set(psrc.subarray(pstart, pend), q);
    const posShift = q - pstart;
    this.posLen[term] = q + (pend - pstart);
    let n = this.df[term]!;
    let maxFreq = this.maxFreq[term]!;
    let added = 0;
    let sp = pstart;
    for (let k = 0; k < df; k++) {
      if (k > 0) {
        const v = dr.read();
        old += 1 + (v >>> 1);
        freq = v & 1 ? 1 : dr.read();
      }
      for (let c = freq; c > 0; ) if (psrc[sp++]! < 0x80) c--;
      added += freq;
      if (freq > maxFreq) maxFreq = freq;
      if (++n % SKIP_INTERVAL === 0) this.addSkip(term, base + old, n, dr.pos + docShift, sp + posShift);
    }
    this.df[term] = n;
    this.ctf[term]! += added;
    this.maxFreq[term] = maxFreq;
    this.lastDoc[term] = base + old;
    return added;
  }

  private addSkip(term: number, doc: number, df: number, docLen = this.docLen[term]!, posLen = this.posLen[term]!): void {
    const k = df / SKIP_INTERVAL - 1; // entry index
    let sk = this.skipBuf[term];
    if (!sk || !this.skipOwned[term] || sk.length < (k + 1) * 4) {
      const n = new Int32Array(Math.max(16, (k + 1) * 8));
      if (sk) n.set(sk.subarray(0, k * 4));
      sk = n;
      this.skipBuf[term] = sk;
      this.skipOwned[term] = 1;
    }
    sk[k * 4] = doc;
    sk[k * 4 + 1] = docLen;
    sk[k * 4 + 2] = posLen;
    sk[k * 4 + 3] = df;
  }

  /** Skip entries of `term` (4 int32s each, see above); empty when df < SKIP_INTERVAL. */
  skips(term: number): Int32Array {
    const n = Math.floor(this.df[term]! / SKIP_INTERVAL) * 4;
    const sk = this.skipBuf[term];
    return sk ? sk.subarray(0, n) : EMPTY;
  }

  /** The doc stream of `term` as (buffer, start, end). */
  docSlice(term: number): [Uint8Array, number, number] {
    const b = this.docBuf[term];
    if (b) return [b, 0, this.docLen[term]!];
    const o = this.docOff[term]!;
    return [this.docBase, o, o + this.docLen[term]!];
  }

  /** The position stream of `term` as (buffer, start, end). */
  posSlice(term: number): [Uint8Array, number, number] {
    const b = this.posBuf[term];
    if (b) return [b, 0, this.posLen[term]!];
    const o = this.posOff[term]!;
    return [this.posBase, o, o + this.posLen[term]!];
  }

  /**
   * Adopts loaded postings: `count` terms whose streams lie back to back in `docBase`/`posBase`
   * with the given byte lengths; stats arrays are taken as they are.
   */
  adopt(
    count: number,
    docBase: Uint8Array,
    posBase: Uint8Array,
    docLens: Int32Array,
    posLens: Int32Array,
    stats: { df: Int32Array; ctf: Float64Array; maxFreq: Int32Array; lastDoc: Int32Array },
    skips?: Int32Array,
  ): void {
    this.ensure(count);
    this.docBase = docBase;
    this.posBase = posBase;
    let d = 0;
    let q = 0;
    for (let t = 0; t < count; t++) {
      this.docOff[t] = d;
      this.posOff[t] = q;
      this.docLen[t] = docLens[t]!;
      this.posLen[t] = posLens[t]!;
      d += docLens[t]!;
      q += posLens[t]!;
    }
    this.df.set(stats.df.subarray(0, count));
    this.ctf.set(stats.ctf.subarray(0, count));
    this.maxFreq.set(stats.maxFreq.subarray(0, count));
    this.lastDoc.set(stats.lastDoc.subarray(0, count));
    if (skips) {
      // Entries lie back to back in term order; views, copied on the first new entry.
      let o = 0;
      for (let t = 0; t < count; t++) {
        const n = Math.floor(stats.df[t]! / SKIP_INTERVAL) * 4;
        if (n) this.skipBuf[t] = skips.subarray(o, o + n);
        this.skipOwned[t] = 0;
        o += n;
      }
    }
  }
}

/**
 * The buffer of `term`'s doc or position stream that the writer owns, with room for `extra` more
 * bytes: on the first write a copy of the loaded bytes (`lens[term]` of them at `off[term]` in
 * `base`), later the same buffer, grown when full.
 */
function ownStream(bufs: (Uint8Array | undefined)[], base: Uint8Array, off: Int32Array, lens: Int32Array, term: number, extra: number): Uint8Array {
  let b = bufs[term];
  const len = lens[term]!;
  if (!b) {
    b = new Uint8Array(Math.max(16, (len + extra) * 2));
    if (len) b.set(base.subarray(off[term]!, off[term]! + len));
    bufs[term] = b;
  } else if (len + extra > b.length) {
    b = grow(b, len + extra);
    bufs[term] = b;
  }
  return b;
}
