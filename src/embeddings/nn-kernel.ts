/**
 * Nearest-neighbour kernels over one row-major Float32Array of unit vectors: dot products in a
 * tight loop, top-k through a fixed-size heap. No per-word objects.
 */
import { TopK } from '../util/heap.js';
import { createMemory, instantiateVecops, type VecOps, type WasmMemory } from '../ann/wasm/vecops.js';

/**
 * Scores rows [0, nRows) of `mat` (dim columns) against `query` and keeps the best `k`,
 * skipping rows flagged in `exclude` (may be empty). Returns the filled heap.
 */
export function topKDot(mat: Float32Array, dim: number, nRows: number, query: Float32Array, k: number, exclude: Uint8Array): TopK {
  const heap = new TopK(k);
  let threshold = -Infinity;
  const d4 = dim - (dim & 3);
  const hasEx = exclude.length > 0;
  for (let r = 0, off = 0; r < nRows; r++, off += dim) {
    // Four accumulators break the dependency chain of the dot product.
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let c = 0;
    for (; c < d4; c += 4) {
      s0 += mat[off + c]! * query[c]!;
      s1 += mat[off + c + 1]! * query[c + 1]!;
      s2 += mat[off + c + 2]! * query[c + 2]!;
      s3 += mat[off + c + 3]! * query[c + 3]!;
    }
    for (; c < dim; c++) s0 += mat[off + c]! * query[c]!;
    const s = s0 + s1 + (s2 + s3);
    if (s <= threshold) continue;
    if (hasEx && exclude[r] === 1) continue;
    heap.push(r, s);
    threshold = heap.threshold;
  }
  return heap;
}

/** Dot products of rows [0, nRows) with `query` into `out` (length >= nRows). */
export function dotAll(mat: Float32Array, dim: number, nRows: number, query: Float32Array, out: Float64Array): Float64Array {
  for (let r = 0, off = 0; r < nRows; r++, off += dim) {
    let s = 0;
    for (let c = 0; c < dim; c++) s += mat[off + c]! * query[c]!;
    out[r] = s;
  }
  return out;
}

/**
 * Unit vectors kept in WebAssembly memory next to a query slot and a score buffer, so a search
 * is one SIMD pass (`scores`) plus a heap scan over the float32 scores.
 */
export class NnIndex {
  /** The unit vectors, rows x dim. */
  readonly unit: Float32Array;
  private readonly ops: VecOps;
  private readonly q: Float32Array;
  private readonly scoresView: Float32Array;
  private readonly qB: number;
  private readonly scoresB: number;

  private constructor(memory: WasmMemory, readonly rows: number, readonly dim: number) {
    const matBytes = Math.ceil((rows * dim * 4) / 16) * 16;
    this.qB = matBytes;
    this.scoresB = matBytes + Math.ceil((dim * 4) / 16) * 16;
    this.unit = new Float32Array(memory.buffer, 0, rows * dim);
    this.q = new Float32Array(memory.buffer, this.qB, dim);
    this.scoresView = new Float32Array(memory.buffer, this.scoresB, rows);
    this.ops = instantiateVecops(memory);
  }

  /** An index over `rows` x `dim` floats, or undefined when it does not fit in 4 GiB. */
  static create(rows: number, dim: number): NnIndex | undefined {
    const bytes = Math.ceil((rows * dim * 4) / 16) * 16 + Math.ceil((dim * 4) / 16) * 16 + rows * 4;
    if (bytes > 2 ** 32 - 65536) return undefined;
    return new NnIndex(createMemory(bytes), rows, dim);
  }

  /** Best `k` of rows [0, nRows) by dot product with `query`, skipping rows flagged in `exclude`. */
  topK(nRows: number, query: Float32Array, k: number, exclude: Uint8Array): TopK {
    this.q.set(query);
    this.ops.scores(0, this.qB, this.scoresB, nRows, this.dim);
    const sc = this.scoresView;
    const heap = new TopK(k);
    let threshold = -Infinity;
    const hasEx = exclude.length > 0;
    for (let r = 0; r < nRows; r++) {
      const s = sc[r]!;
      if (s <= threshold) continue;
      if (hasEx && exclude[r] === 1) continue;
      heap.push(r, s);
      threshold = heap.threshold;
    }
    return heap;
  }
}
