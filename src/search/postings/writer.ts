import { grow } from '../../util/typed.js';
import { StreamArena } from './arena.js';
import { VarintReader, writeVarint } from './codec.js';

const EMPTY = new Int32Array(0);

/**
 * The mutable postings of one field: per term a doc stream and a position stream (see
 * `codec.ts`), appended to as documents are indexed in increasing doc order.
 *
 * Storage: each kind of stream of all terms lies in one {@link StreamArena} (a region per term in
 * one growable buffer; loaded streams stay in their buffer until a term is appended to).
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
  private readonly docs = new StreamArena();
  private readonly pos = new StreamArena();
  // One slot per term id below df.length (undefined: no entries yet), so the array stays dense
  // (a first entry at a large term id would otherwise turn it into a dictionary).
  private skipBuf: (Int32Array | undefined)[] = undefinedSlots([], 64);
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
      this.docs.ensure(n);
      this.pos.ensure(n);
      this.skipOwned = grow(this.skipOwned, n);
      undefinedSlots(this.skipBuf, this.df.length);
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
    const a = this.pos;
    const buf = a.room(term, 5 * freq);
    const o = a.off[term]!;
    let p = o + a.len[term]!;
    if (freq === 1) p = writeVarint(buf, p, positions[from]!);
    else {
      let last = 0;
      for (let k = 0; k < freq; k++) {
        const pos = positions[from + k]!;
        p = writeVarint(buf, p, pos - last);
        last = pos;
      }
    }
    a.len[term] = p - o;
    this.countDoc(term, doc, freq);
  }

  /** Writes one doc's entry (doc delta, freq) to `term`'s doc stream; the caller writes its positions next. */
  private appendDocEntry(term: number, doc: number, freq: number): void {
    const prev = this.lastDoc[term]!;
    const delta = doc - (prev < 0 ? 0 : prev + 1);
    // Room: two 5-byte varints at most, checked without sizing them.
    const a = this.docs;
    const buf = a.room(term, 10);
    const o = a.off[term]!;
    let p = o + a.len[term]!;
    if (freq === 1) p = writeVarint(buf, p, delta * 2 + 1);
    else {
      p = writeVarint(buf, p, delta * 2);
      p = writeVarint(buf, p, freq);
    }
    a.len[term] = p - o;
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
      const a = this.pos;
      const buf = a.room(term, len);
      buf.set(src.subarray(from, sp), a.off[term]! + a.len[term]!);
      a.len[term]! += len;
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
    // Offsets below are relative to the term's streams (as skip entries keep them).
    const da = this.docs;
    const buf = da.room(term, 10 + (dend - rest));
    const o = da.off[term]!;
    let p = o + da.len[term]!;
    if (freq === 1) p = writeVarint(buf, p, delta * 2 + 1);
    else {
      p = writeVarint(buf, p, delta * 2);
      p = writeVarint(buf, p, freq);
    }
    const docShift = p - o - rest;
    buf.set(dsrc.subarray(rest, dend), p);
    da.len[term] = p - o + (dend - rest);
    const pa = this.pos;
    const pbuf = pa.room(term, pend - pstart);
    const q = pa.len[term]!;
    pbuf.set(psrc.subarray(pstart, pend), pa.off[term]! + q);
    const posShift = q - pstart;
    pa.len[term] = q + (pend - pstart);
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

  private addSkip(term: number, doc: number, df: number, docLen = this.docs.len[term]!, posLen = this.pos.len[term]!): void {
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
    return this.docs.slice(term);
  }

  /** The position stream of `term` as (buffer, start, end). */
  posSlice(term: number): [Uint8Array, number, number] {
    return this.pos.slice(term);
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
    this.docs.adopt(count, docBase, docLens);
    this.pos.adopt(count, posBase, posLens);
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

// Pads `a` with undefined up to `n` slots; returns it.
function undefinedSlots(a: (Int32Array | undefined)[], n: number): (Int32Array | undefined)[] {
  while (a.length < n) a.push(undefined);
  return a;
}
