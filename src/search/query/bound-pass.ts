/**
 * The first pass of term-at-a-time top-k collection (see `boolean/term-at-a-time.ts`): each
 * sub-scorer of a disjunction reads its postings lists whole (decoded once per list, whoever asks)
 * and adds, per document, either its exact score ("sure": the doc matches) to `lower` or an upper
 * bound of its score ("maybe": a window or phrase that needs positions to tell) to `upper`. The
 * k-th best `lower` then bounds the final top k from below, so only the docs whose `lower + upper`
 * reaches it are scored exactly (positions and all) in the second pass. Dense per-doc arrays are
 * kept between searches and cleared through the list of docs touched, so a search costs what its
 * postings cost, not the index size.
 */
import { TopK } from '../../util/heap.js';
import type { PostingsCursor } from '../postings/reader.js';

/** What opens a term's postings cursor (a field of the segment). */
export interface CursorSource {
  cursor(term: number, withPositions: boolean): PostingsCursor;
}

/** One decoded postings list: doc ids ascending and their term frequencies. */
export interface DecodedList {
  readonly docs: Int32Array;
  readonly freqs: Int32Array;
}

/** Where a top-k collection reports the number of matches it saw, when it saw them all (-1: unknown). */
export interface MatchCount {
  total: number;
}

/** The docs two lists share, with their frequencies in each (the first `n` entries). */
export interface Intersection {
  n: number;
  docs: Int32Array;
  fa: Int32Array;
  fb: Int32Array;
}

const SURE = 1;
const MAYBE = 2;
const ACCEPT_KNOWN = 4;
const ACCEPTED = 8;
// Slack for float rounding: sums of the same parts in another order differ in their last bits.
const SLACK = 1e-9;

/**
 * Decoded postings lists kept between searches (an index-level store, like the norm tables: the
 * same lists are decoded for search after search), by the list's buffer, offset and length
 * (see `PostingsCursor.listBuffer`), up to {@link DecodedLists.MAX_POSTINGS} postings in all; when
 * that is reached, what is kept is dropped and the store fills again.
 */
export class DecodedLists {
  /** Most postings kept (8 bytes each). */
  static readonly MAX_POSTINGS = 1 << 22;
  /** The store every pass reads. */
  static readonly shared = new DecodedLists();
  private byBuffer = new WeakMap<Uint8Array, Map<number, DecodedList>>();
  /** Postings kept now. */
  size = 0;

  /** The decoded list `cursor` reads (decoded now when not kept), or null when the store is full. */
  get(cursor: PostingsCursor): DecodedList | null {
    const buf = cursor.listBuffer;
    const start = cursor.listStart;
    let m = this.byBuffer.get(buf);
    const kept = m?.get(start);
    if (kept && kept.docs.length === cursor.df) return kept;
    const n = cursor.df;
    if (n > DecodedLists.MAX_POSTINGS) return null;
    if (this.size + n > DecodedLists.MAX_POSTINGS) {
      this.byBuffer = new WeakMap();
      this.size = 0;
      m = undefined;
    }
    const l = { docs: new Int32Array(n), freqs: new Int32Array(n) };
    cursor.decodeAll(l.docs, l.freqs, 0);
    if (!m) this.byBuffer.set(buf, (m = new Map()));
    if (kept) this.size -= kept.docs.length;
    m.set(start, l);
    this.size += n;
    return l;
  }
}

/** Per-search scratch of the first pass (see the file comment); get one with {@link BoundPass.acquire}. */
export class BoundPass {
  /** Per doc: the sum of the exact scores of the sub-scorers known to match it. */
  readonly lower: Float64Array;
  /** Per doc: the sum of the bounds of the sub-scorers that may match it. */
  readonly upper: Float64Array;
  private readonly state: Uint8Array;
  private touched = new Int32Array(1024);
  private nTouched = 0;
  private listKeys: PostingsCursor[] = [];
  private lists: DecodedList[] = [];
  private docPool = new Int32Array(4096);
  private freqPool = new Int32Array(4096);
  private poolUsed = 0;
  private inUse = false;
  // Per doc: 0, or 1 + the doc's index in the list being intersected (always cleared after use).
  private readonly slot: Int32Array;
  private intPool = new Int32Array(4096);
  private intUsed = 0;
  // Intersections asked for, by their two lists.
  private pairs: { a: DecodedList; b: DecodedList; both: Intersection }[] = [];
  // Cursors with positions, one per postings list, shared by the scorers that ask, and the field
  // and term each was opened for.
  private positional: PostingsCursor[] = [];
  private openedFrom: CursorSource[] = [];
  private openedTerm: number[] = [];

  private constructor(readonly maxDoc: number) {
    this.lower = new Float64Array(maxDoc);
    this.upper = new Float64Array(maxDoc);
    this.state = new Uint8Array(maxDoc);
    this.slot = new Int32Array(maxDoc);
  }

  private static shared: BoundPass | null = null;

  /** A cleared pass for doc numbers below `maxDoc` (the shared one when free; release it after use). */
  static acquire(maxDoc: number): BoundPass {
    let p = BoundPass.shared;
    if (!p || p.maxDoc < maxDoc) p = BoundPass.shared = new BoundPass(Math.max(maxDoc, 1024));
    // A search run from inside another one (a filter that searches) gets its own scratch.
    if (p.inUse) p = new BoundPass(maxDoc);
    p.inUse = true;
    return p;
  }

  /** Clears what this pass touched and frees it for the next search. */
  release(): void {
    const { lower, upper, state, touched } = this;
    for (let i = 0; i < this.nTouched; i++) {
      const d = touched[i]!;
      lower[d] = 0;
      upper[d] = 0;
      state[d] = 0;
    }
    this.nTouched = 0;
    this.listKeys.length = 0;
    this.lists.length = 0;
    this.pairs.length = 0;
    this.positional.length = 0;
    this.openedFrom.length = 0;
    this.openedTerm.length = 0;
    this.poolUsed = 0;
    this.intUsed = 0;
    this.inUse = false;
  }

  /**
   * The whole postings list `cursor` reads: decoded once and kept between searches (see
   * {@link DecodedLists}), or, once that store is full, decoded on first request in this pass
   * and shared by later ones.
   */
  list(cursor: PostingsCursor): DecodedList {
    const kept = DecodedLists.shared.get(cursor);
    if (kept) return kept;
    const keys = this.listKeys;
    for (let i = 0; i < keys.length; i++) if (keys[i]!.sameList(cursor)) return this.lists[i]!;
    const at = this.poolUsed;
    const n = cursor.df;
    if (at + n > this.docPool.length) {
      // Earlier lists keep viewing the old pools, which stay valid.
      const size = Math.max(this.docPool.length * 2, at + n);
      this.docPool = new Int32Array(size);
      this.freqPool = new Int32Array(size);
      this.poolUsed = 0;
      return this.list(cursor);
    }
    cursor.decodeAll(this.docPool, this.freqPool, at);
    this.poolUsed = at + n;
    const l = { docs: this.docPool.subarray(at, at + n), freqs: this.freqPool.subarray(at, at + n) };
    keys.push(cursor);
    this.lists.push(l);
    return l;
  }

  /**
   * The docs in both `a` and `b` (lists from {@link list}) with each one's frequencies, computed on
   * first request (the ordered and unordered windows of a pair share it).
   */
  intersection(a: DecodedList, b: DecodedList): Intersection {
    for (const p of this.pairs) if (p.a === a && p.b === b) return p.both;
    const n = Math.min(a.docs.length, b.docs.length);
    const both = { n: 0, docs: this.ints(n), fa: this.ints(n), fb: this.ints(n) };
    const da = a.docs;
    const db = b.docs;
    let m = 0;
    if (da.length * 8 < db.length || db.length * 8 < da.length) {
      // One list much shorter: each of its docs is looked for in the other by galloping search.
      const short = da.length < db.length ? a : b;
      const long = short === a ? b : a;
      const sd = short.docs;
      const ld = long.docs;
      let lo = 0;
      for (let i = 0; i < sd.length && lo < ld.length; i++) {
        const x = sd[i]!;
        let step = 1;
        let hi = lo;
        while (hi < ld.length && ld[hi]! < x) {
          lo = hi + 1;
          hi += step;
          step *= 2;
        }
        if (hi > ld.length) hi = ld.length;
        // The first doc >= x lies in [lo, hi].
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (ld[mid]! < x) lo = mid + 1;
          else hi = mid;
        }
        if (lo < ld.length && ld[lo] === x) {
          const fs = short.freqs[i]!;
          const fl = long.freqs[lo++]!;
          both.docs[m] = x;
          both.fa[m] = short === a ? fs : fl;
          both.fb[m++] = short === a ? fl : fs;
        }
      }
    } else {
      // Lists of like lengths: the shorter one's docs are marked in a dense table (1 + their
      // index), then the longer one is read in order, each doc looked up with one array read
      // instead of a merge's hard-to-predict branches; the marks are cleared after.
      const slot = this.slot;
      const aShort = da.length <= db.length;
      const sd = aShort ? da : db;
      const ld = aShort ? db : da;
      const sf = aShort ? a.freqs : b.freqs;
      const lf = aShort ? b.freqs : a.freqs;
      const bd = both.docs;
      const bs = aShort ? both.fa : both.fb;
      const bl = aShort ? both.fb : both.fa;
      for (let i = 0; i < sd.length; i++) slot[sd[i]!] = i + 1;
      for (let j = 0; j < ld.length; j++) {
        const x = ld[j]!;
        const i = slot[x]!;
        if (i !== 0) {
          bd[m] = x;
          bs[m] = sf[i - 1]!;
          bl[m++] = lf[j]!;
        }
      }
      for (let i = 0; i < sd.length; i++) slot[sd[i]!] = 0;
    }
    both.n = m;
    this.pairs.push({ a, b, both });
    return both;
  }

  // `n` ints from the pass's pool (views stay valid when the pool is replaced).
  private ints(n: number): Int32Array {
    if (this.intUsed + n > this.intPool.length) {
      this.intPool = new Int32Array(Math.max(this.intPool.length * 2, n));
      this.intUsed = 0;
    }
    const at = this.intUsed;
    this.intUsed = at + n;
    return this.intPool.subarray(at, at + n);
  }

  /**
   * The cursor with positions over term `term` of `field`, opened on the first request and shared
   * by every scorer asking for it in this pass (they all move it to the same docs in increasing
   * order, so each list's positions are decoded once per doc).
   */
  positionsCursorOf(field: CursorSource, term: number): PostingsCursor {
    const from = this.openedFrom;
    const terms = this.openedTerm;
    for (let i = 0; i < from.length; i++) if (from[i] === field && terms[i] === term) return this.positional[i]!;
    const c = field.cursor(term, true);
    this.positional.push(c);
    from.push(field);
    terms.push(term);
    return c;
  }

  private touch(d: number): void {
    if (this.nTouched === this.touched.length) {
      const t = new Int32Array(this.touched.length * 2);
      t.set(this.touched);
      this.touched = t;
    }
    this.touched[this.nTouched++] = d;
  }

  /** Doc `d` matches, and `score` is its exact part of the sum. */
  addSure(d: number, score: number): void {
    const s = this.state[d]!;
    if (s === 0) this.touch(d);
    this.state[d] = s | SURE;
    this.lower[d] += score;
  }

  /** Doc `d` may match, and `bound` is at least its part of the sum. */
  addMaybe(d: number, bound: number): void {
    const s = this.state[d]!;
    if (s === 0) this.touch(d);
    this.state[d] = s | MAYBE;
    this.upper[d] += bound;
  }

  private accepted(d: number, accept: (doc: number) => boolean): boolean {
    const s = this.state[d]!;
    if (s & ACCEPT_KNOWN) return (s & ACCEPTED) !== 0;
    const ok = accept(d);
    this.state[d] = s | ACCEPT_KNOWN | (ok ? ACCEPTED : 0);
    return ok;
  }

  /**
   * The docs that can still be among the `k` best accepted ones, ascending: every sure or maybe
   * match whose `lower + upper` reaches the k-th best `lower` of the accepted sure matches. With
   * `count`, `count.total` is set to the number of accepted matches: the accepted sure matches,
   * or -1 when some doc is only a maybe match (a window or phrase whose terms no sure part
   * covers), whose match only its positions can tell.
   */
  candidates(k: number, accept: (doc: number) => boolean, count?: MatchCount): Int32Array {
    const { lower, upper, state, touched } = this;
    const n = this.nTouched;
    // The k-th best lower bound (with fewer than k sure matches, nothing is ruled out).
    const best = new TopK(Math.min(k, n));
    let sure = 0;
    let maybeOnly = false;
    for (let i = 0; i < n; i++) {
      const d = touched[i]!;
      if (!(state[d]! & SURE)) {
        maybeOnly = true;
        continue;
      }
      if (!this.accepted(d, accept)) continue;
      sure++;
      const x = lower[d]!;
      if (x !== x) continue; // NaN (k1 0 with a zero weight) bounds nothing
      best.push(d, x);
    }
    if (count) count.total = maybeOnly ? -1 : sure;
    const theta = k > n ? -Infinity : best.threshold * (1 - SLACK);
    const out = this.ints(n);
    let m = 0;
    for (let i = 0; i < n; i++) {
      const d = touched[i]!;
      // Written so that a NaN bound keeps the doc.
      if ((lower[d]! + upper[d]!) * (1 + SLACK) < theta) continue;
      if (this.accepted(d, accept)) out[m++] = d;
    }
    return out.subarray(0, m).sort();
  }
}

/**
 * The first index in `docs[from..end)` whose doc is at least `d` (`end` when none): a scorer's
 * forward-only walk over a decoded, ascending doc list during term-at-a-time collection, which
 * asks for ascending docs.
 */
export function forwardTo(docs: ArrayLike<number>, from: number, end: number, d: number): number {
  let i = from;
  while (i < end && docs[i]! < d) i++;
  return i;
}
