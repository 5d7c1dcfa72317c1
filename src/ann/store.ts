/**
 * The vectors of an index, by slot: float32 rows in a WebAssembly arena (unit length under the
 * cosine metric, so cosine is a dot product), their squared norms (L2), tombstones, and under
 * int8 quantization a second arena of codes with one scale per row. It also holds the current
 * query in scratch memory, so similarity to the query is one kernel call by slot.
 *
 * Similarities are "higher is closer" everywhere inside the index: the dot product for cosine and
 * ip, minus the squared distance for l2.
 */
import { RowArena } from './arena.js';
import type { VectorLike } from './check-vector.js';
import type { VectorMetric } from './options.js';

/** Queries that the scratch region holds at once (a batch tile of the flat scan). */
export const QUERY_SLOTS = 16;
/** Rows scored per kernel call in the flat scan (about 64 KB of 128-d floats, so a tile stays in L2 while every query of the batch reads it). */
export const TILE_ROWS = 128;
/** Slots scored per {@link VectorStore.scoreGathered} call: the longest HNSW list (2 x the largest M). */
export const GATHER_MAX = 256;

/** Vectors by slot plus the current query. */
export class VectorStore {
  /** Float32 rows; scratch: QUERY_SLOTS query rows, QUERY_SLOTS x TILE_ROWS scores, then the gather ids and sims. */
  readonly vec: RowArena;
  /** Int8 codes (quantization only); scratch: one query code row. */
  readonly codes: RowArena | undefined;
  /** Squared norm of each row (l2 only; empty otherwise). */
  norms: Float32Array;
  /** Per-row dequantization scale (int8 only). */
  scales: Float32Array;
  /** 1 = removed. */
  deleted: Uint8Array;
  /** Slots used (live and removed). */
  count = 0;
  /** Removed slots. */
  removed = 0;
  /** Byte offset of the current query (a scratch slot, or a row during inserts). */
  qPtr = 0;
  /** Squared norm of the current query (l2). */
  qNorm = 0;
  /** Scale of the current query's code. */
  qScale = 0;
  /** Byte offset of the current query's int8 code in the code arena. */
  qCode = 0;
  /** Whether {@link sim} uses the int8 codes (set during a quantized walk). */
  useCodes = false;
  /**
   * Slots to score in one {@link scoreGathered} call (a view of the arena's scratch: the memory is
   * shared, so growing it never detaches this view, and the scratch never moves).
   */
  readonly gatherIds: Int32Array;
  /** Their similarities to the current query, written by {@link scoreGathered}. */
  readonly gatherSims: Float32Array;
  private readonly gatherIdsPtr: number;
  private readonly gatherSimsPtr: number;
  private readonly l2: boolean;
  private readonly rowBytes: number;

  constructor(readonly dim: number, readonly metric: VectorMetric, quantized: boolean, capacity: number) {
    this.rowBytes = dim * 4;
    this.gatherIdsPtr = QUERY_SLOTS * this.rowBytes + QUERY_SLOTS * TILE_ROWS * 4;
    this.gatherSimsPtr = this.gatherIdsPtr + GATHER_MAX * 4;
    this.vec = new RowArena(this.rowBytes, this.gatherSimsPtr + GATHER_MAX * 4, capacity);
    const buf = this.vec.f32().buffer;
    this.gatherIds = new Int32Array(buf, this.gatherIdsPtr, GATHER_MAX);
    this.gatherSims = new Float32Array(buf, this.gatherSimsPtr, GATHER_MAX);
    this.codes = quantized ? new RowArena(dim, dim + 16, capacity) : undefined;
    this.l2 = metric === 'l2';
    this.norms = new Float32Array(this.l2 ? capacity : 0);
    this.scales = new Float32Array(quantized ? capacity : 0);
    this.deleted = new Uint8Array(capacity);
  }

  /** Whether the index stores int8 codes. */
  get quantized(): boolean {
    return this.codes !== undefined;
  }

  /** Byte offset of scratch query slot `i` (< QUERY_SLOTS). */
  queryPtr(i: number): number {
    return i * this.rowBytes;
  }

  /** Byte offset of the score buffer of scratch query slot `i`. */
  scoresPtr(i: number): number {
    return QUERY_SLOTS * this.rowBytes + i * TILE_ROWS * 4;
  }

  /** Makes room for `n` slots. */
  reserve(n: number): void {
    this.vec.reserve(n);
    this.codes?.reserve(n);
    if (n > this.deleted.length) {
      const cap = Math.max(n, Math.ceil(this.deleted.length * 1.5));
      const grow = <T extends Float32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
        if (a.length === 0) return a;
        const b = make(cap);
        b.set(a);
        return b;
      };
      this.norms = grow(this.norms, (c) => new Float32Array(c));
      this.scales = grow(this.scales, (c) => new Float32Array(c));
      this.deleted = grow(this.deleted, (c) => new Uint8Array(c));
    }
  }

  /**
   * Writes `v` (prepared for the metric: unit length under cosine) at byte offset `ptr` of the
   * float arena; returns its squared norm after preparation.
   */
  private write(v: VectorLike, ptr: number, prepared = false): number {
    const f = this.vec.f32();
    const at = ptr >> 2;
    const dim = this.dim;
    let n2 = 0;
    for (let i = 0; i < dim; i++) {
      const x = v[i]!;
      n2 += x * x;
    }
    const s = this.metric === 'cosine' && n2 > 0 && !prepared ? 1 / Math.sqrt(n2) : 1;
    for (let i = 0; i < dim; i++) f[at + i] = v[i]! * s;
    return this.metric === 'cosine' && n2 > 0 ? 1 : n2;
  }

  /** Int8 code of the float row at `src` into the code arena at `dst`; returns the scale. */
  private encode(src: number, dst: number): number {
    const f = this.vec.f32();
    const c = this.codes!.i8();
    const at = src >> 2;
    const dim = this.dim;
    let max = 0;
    for (let i = 0; i < dim; i++) max = Math.max(max, Math.abs(f[at + i]!));
    if (max === 0) {
      c.fill(0, dst, dst + dim);
      return 0;
    }
    const inv = 127 / max;
    for (let i = 0; i < dim; i++) c[dst + i] = Math.round(f[at + i]! * inv);
    return max / 127;
  }

  /**
   * Appends `v` (checked by the caller) as a new slot; returns the slot. `prepared`: `v` is a row
   * as stored (already unit length under cosine), copied bit for bit.
   */
  append(v: VectorLike, prepared: boolean): number {
    const slot = this.count;
    this.reserve(slot + 1);
    const ptr = this.vec.rowPtr(slot);
    const n2 = this.write(v, ptr, prepared);
    if (this.l2) this.norms[slot] = n2;
    if (this.codes) this.scales[slot] = this.encode(ptr, this.codes.rowPtr(slot));
    this.deleted[slot] = 0;
    this.count = slot + 1;
    return slot;
  }

  /** Loads query `v` into scratch slot `i`; when `i` is 0 it also becomes the current query. */
  setQuery(v: VectorLike, i = 0): number {
    const ptr = this.queryPtr(i);
    const n2 = this.write(v, ptr);
    if (i === 0) this.useRow(-1, ptr, n2);
    return n2;
  }

  /** Makes row `slot` (or, for slot -1, the float query at `ptr` with squared norm `n2`) the current query. */
  useRow(slot: number, ptr = this.vec.rowPtr(slot), n2 = slot >= 0 && this.l2 ? this.norms[slot]! : 0): void {
    this.qPtr = ptr;
    this.qNorm = n2;
    if (!this.codes) return;
    // The query's code lives at offset 0 of the code arena's scratch; a row's code in place.
    this.qScale = slot >= 0 ? this.scales[slot]! : this.encode(ptr, 0);
    this.qCode = slot >= 0 ? this.codes.rowPtr(slot) : 0;
  }

  /** Similarity of slot `s` to the current query (int8 estimate while {@link useCodes}). */
  sim(s: number): number {
    if (this.useCodes) {
      const c = this.codes!;
      const d = c.ops.dot_i8(c.base + s * this.dim, this.qCode, this.dim) * this.scales[s]! * this.qScale;
      return this.l2 ? 2 * d - this.norms[s]! - this.qNorm : d;
    }
    const p = this.vec.base + s * this.rowBytes;
    return this.l2 ? -this.vec.ops.l2sq(p, this.qPtr, this.dim) : this.vec.ops.dot(p, this.qPtr, this.dim);
  }

  /**
   * Scores slots gatherIds[0, n) (n <= GATHER_MAX) against the current query into gatherSims: one
   * SIMD kernel call for all of them (float rows), or the int8 estimate per slot while {@link useCodes}.
   */
  scoreGathered(n: number): void {
    if (this.useCodes) {
      for (let i = 0; i < n; i++) this.gatherSims[i] = this.sim(this.gatherIds[i]!);
      return;
    }
    this.vec.ops.sims(this.vec.base, this.rowBytes, this.gatherIdsPtr, n, this.qPtr, this.dim, this.gatherSimsPtr, this.l2 ? 1 : 0);
  }

  /** Float similarity of slots `a` and `b`. */
  simPair(a: number, b: number): number {
    const pa = this.vec.base + a * this.rowBytes;
    const pb = this.vec.base + b * this.rowBytes;
    return this.l2 ? -this.vec.ops.l2sq(pa, pb, this.dim) : this.vec.ops.dot(pa, pb, this.dim);
  }

  /** A copy of row `slot` (as stored: unit length under cosine). */
  row(slot: number): Float32Array {
    const at = this.vec.rowPtr(slot) >> 2;
    return this.vec.f32().slice(at, at + this.dim);
  }

  /** Rows [0, count) as one Float32Array view (valid until the next append). */
  rows(): Float32Array {
    return new Float32Array(this.vec.f32().buffer, this.vec.base, this.count * this.dim);
  }
}
