import { grow } from '../../util/typed.js';

const EMPTY = new Uint8Array(0);
/** Smallest region a term gets in the arena (most terms occur in one or two docs). */
const MIN_REGION = 16;

/**
 * One kind of stream (doc or position, see `codec.ts`) of every term of a field, in one growable
 * buffer rather than a buffer per term: a build makes hundreds of thousands of terms, and a typed
 * array each (with its own backing store) made the garbage collector the largest cost of indexing.
 *
 * Each term owns a region `[off, off + cap)` of `buf` and has written `len` bytes of it. A term
 * whose region is full moves to a new region twice as large at the end of `buf`, leaving its old
 * one as garbage; when `buf` is full it is replaced by one twice the live regions' size, into
 * which the live regions are copied (dropping the garbage), so `buf` stays within about twice the
 * regions' capacity, itself within about twice the bytes written.
 *
 * Loaded streams (`adopt`) stay where they are, in the read-only `base` (`cap` 0 marks a term
 * whose bytes are there); a loaded term's first new byte moves it into `buf` (copy-on-write), so
 * loading allocates nothing per term and updating one term copies only that term.
 */
export class StreamArena {
  /** Where terms with `cap` 0 keep their bytes (loaded streams; never written). */
  private base: Uint8Array = EMPTY;
  /** The regions of terms with `cap` > 0. */
  private buf: Uint8Array = new Uint8Array(1 << 12);
  /** Bytes of `buf` handed out (regions and garbage). */
  private used = 0;
  /** Bytes of `buf` in live regions (the sum of `cap`). */
  private live = 0;
  /** Per term: start of its bytes (in `buf`, or in `base` when `cap` is 0). */
  off = new Int32Array(64);
  /** Per term: bytes written. */
  len = new Int32Array(64);
  /** Per term: size of its region in `buf`; 0 when its bytes are in `base` (or it has none). */
  private cap = new Int32Array(64);

  /** Makes room for term ids below `n`. */
  ensure(n: number): void {
    if (n <= this.off.length) return;
    this.off = grow(this.off, n);
    this.len = grow(this.len, n);
    this.cap = grow(this.cap, n);
  }

  /**
   * The buffer to write `term`'s next bytes into, at `off[term] + len[term]`, with room for `extra`
   * more; the caller then sets `len[term]`. Read `off[term]` after this call (the term may move).
   */
  room(term: number, extra: number): Uint8Array {
    return this.len[term]! + extra <= this.cap[term]! ? this.buf : this.move(term, extra);
  }

  /** `term`'s stream as (buffer, start, end). */
  slice(term: number): [Uint8Array, number, number] {
    const o = this.off[term]!;
    return [this.cap[term]! > 0 ? this.buf : this.base, o, o + this.len[term]!];
  }

  /** Takes loaded streams: `count` terms' bytes back to back in `base`, `lens[t]` bytes each. */
  adopt(count: number, base: Uint8Array, lens: Int32Array): void {
    this.ensure(count);
    this.base = base;
    this.buf = new Uint8Array(1 << 12);
    this.used = this.live = 0;
    let o = 0;
    for (let t = 0; t < count; t++) {
      this.off[t] = o;
      this.len[t] = lens[t]!;
      this.cap[t] = 0;
      o += lens[t]!;
    }
  }

  // Moves `term` to a new region with room for `extra` more bytes (see the class comment).
  private move(term: number, extra: number): Uint8Array {
    const len = this.len[term]!;
    const old = this.cap[term]!;
    const from = old > 0 ? this.buf : this.base;
    const at = this.off[term]!;
    const cap = Math.max(MIN_REGION, 2 * old, len + extra);
    this.cap[term] = 0; // its old region is garbage now: a compaction skips it
    this.live -= old;
    if (this.used + cap > this.buf.length) this.compact(cap);
    const o = this.used;
    copyBytes(from, at, this.buf, o, len);
    this.off[term] = o;
    this.cap[term] = cap;
    this.used += cap;
    this.live += cap;
    return this.buf;
  }

  // Replaces `buf` by one with the live regions packed at its start and room for `need` more.
  private compact(need: number): void {
    const from = this.buf;
    const to = new Uint8Array(Math.max(1 << 12, 2 * (this.live + need)));
    const { off, len, cap } = this;
    let o = 0;
    for (let t = 0; t < off.length; t++) {
      const c = cap[t]!;
      if (c === 0) continue;
      copyBytes(from, off[t]!, to, o, len[t]!);
      off[t] = o;
      o += c;
    }
    this.buf = to;
    this.used = o;
  }
}

// Copies `len` bytes; short runs (most terms' streams) byte by byte, sparing a subarray object each.
function copyBytes(from: Uint8Array, at: number, to: Uint8Array, o: number, len: number): void {
  if (len > 32) to.set(from.subarray(at, at + len), o);
  else for (let i = 0; i < len; i++) to[o + i] = from[at + i]!;
}
