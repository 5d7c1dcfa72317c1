/**
 * Counting kernels for vectorizers: per-document sparse accumulation of term ids into growable CSR
 * buffers (a dense counter indexed by term id plus a touched list; no per-document maps), and
 * feature pruning by document/corpus frequency. Typed arrays in, typed arrays out.
 */
import { grow } from '../util/typed.js';

/** Growable CSR buffers for counts: one row per document, indices = term ids in first-seen order. */
export class CountBuffers {
  indptr = new Int32Array(1024);
  indices = new Int32Array(4096);
  counts = new Float64Array(4096);
  nRows = 0;
  nnz = 0;
  // Per-document accumulator: acc[id] = count so far, touched = ids seen in this document.
  private acc = new Int32Array(1024);
  private touched = new Int32Array(256);
  private nTouched = 0;

  /** Counts one occurrence of term `id` in the current document. */
  add(id: number): void {
    if (id >= this.acc.length) this.acc = grow(this.acc, id + 1);
    if (this.acc[id]++ === 0) {
      if (this.nTouched >= this.touched.length) this.touched = grow(this.touched, this.nTouched + 1);
      this.touched[this.nTouched++] = id;
    }
  }

  /** Closes the current document's row. With `sortRow`, its indices are sorted ascending. */
  endRow(sortRow: boolean): void {
    const nt = this.nTouched;
    const need = this.nnz + nt;
    if (need > this.indices.length) {
      this.indices = grow(this.indices, need);
      this.counts = grow(this.counts, need);
    }
    if (sortRow && nt > 1) this.touched.subarray(0, nt).sort();
    for (let k = 0; k < nt; k++) {
      const id = this.touched[k]!;
      this.indices[this.nnz] = id;
      this.counts[this.nnz++] = this.acc[id]!;
      this.acc[id] = 0;
    }
    this.nTouched = 0;
    this.nRows++;
    if (this.nRows + 1 > this.indptr.length) this.indptr = grow(this.indptr, this.nRows + 1);
    this.indptr[this.nRows] = this.nnz;
  }
}

/** Document frequency and total count per term id. */
export function termStats(indices: Int32Array, counts: Float64Array, nnz: number, nTerms: number): { df: Int32Array; tf: Float64Array } {
  const df = new Int32Array(nTerms);
  const tf = new Float64Array(nTerms);
  for (let k = 0; k < nnz; k++) {
    const id = indices[k]!;
    df[id]++;
    tf[id] += counts[k]!;
  }
  return { df, tf };
}

/**
 * scikit-learn's `_limit_features` over features already in output order `order` (order[r] =
 * term id at rank r): keeps terms with `low <= df <= high`, then at most `limit` of them by
 * descending corpus count (ties: earlier rank first). Returns newId per term id (-1 = dropped).
 */
export function limitFeatures(order: Int32Array, df: Int32Array, tf: Float64Array, low: number, high: number, limit: number | null): Int32Array {
  const n = order.length;
  const keep = new Uint8Array(n);
  let kept = 0;
  for (let r = 0; r < n; r++) {
    const d = df[order[r]!]!;
    if (d >= low && d <= high) {
      keep[r] = 1;
      kept++;
    }
  }
  if (limit !== null && kept > limit) {
    const ranks = new Int32Array(kept);
    let k = 0;
    for (let r = 0; r < n; r++) if (keep[r]) ranks[k++] = r;
    // Stable sort by descending total count (Array.prototype.sort is stable).
    const sorted = Array.from(ranks).sort((a, b) => tf[order[b]!]! - tf[order[a]!]!);
    keep.fill(0);
    for (let i = 0; i < limit; i++) keep[sorted[i]!] = 1;
  }
  const newId = new Int32Array(df.length).fill(-1);
  let next = 0;
  for (let r = 0; r < n; r++) if (keep[r]) newId[order[r]!] = next++;
  return newId;
}

/**
 * Remaps CSR column ids through `newId` (dropping -1) in place and returns the new nnz; rows keep
 * their entries in the previous order.
 */
export function remapColumns(indptr: Int32Array, indices: Int32Array, counts: Float64Array, nRows: number, newId: Int32Array): number {
  let w = 0;
  let start = 0;
  for (let i = 0; i < nRows; i++) {
    const end = indptr[i + 1]!;
    for (let k = start; k < end; k++) {
      const j = newId[indices[k]!]!;
      if (j >= 0) {
        indices[w] = j;
        counts[w++] = counts[k]!;
      }
    }
    start = end;
    indptr[i + 1] = w;
  }
  return w;
}

/** Compares strings by Unicode code point (Python's `sorted` order), unlike `<` on UTF-16 units. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (astral code points) sort after every BMP unit above them in UTF-16 order.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** Term ids sorted by their strings in code point order; `idOf` maps a term back to its id. */
export function sortedOrder(terms: readonly string[], idOf: (t: string) => number): Int32Array {
  let astral = false;
  for (const t of terms) {
    for (let i = 0; i < t.length; i++) {
      if (t.charCodeAt(i) >= 0xd800) {
        astral = true;
        break;
      }
    }
    if (astral) break;
  }
  // Without surrogates or private-use units, UTF-16 order is code point order and the default
  // string sort (no comparator) is the fastest.
  const sorted = astral ? terms.slice().sort(compareCodePoints) : terms.slice().sort();
  const order = new Int32Array(sorted.length);
  for (let r = 0; r < sorted.length; r++) order[r] = idOf(sorted[r]!);
  return order;
}

/** Sorts each CSR row by column, in place (insertion sort; rows of a document are short). */
export function sortRows(indptr: Int32Array, indices: Int32Array, values: Float64Array, nRows: number): void {
  for (let r = 0; r < nRows; r++) {
    const a = indptr[r]!;
    const e = indptr[r + 1]!;
    if (e - a > 64) {
      sortLongRow(indices, values, a, e);
      continue;
    }
    for (let i = a + 1; i < e; i++) {
      const c = indices[i]!;
      const v = values[i]!;
      let j = i - 1;
      while (j >= a && indices[j]! > c) {
        indices[j + 1] = indices[j]!;
        values[j + 1] = values[j]!;
        j--;
      }
      indices[j + 1] = c;
      values[j + 1] = v;
    }
  }
}

function sortLongRow(indices: Int32Array, values: Float64Array, a: number, e: number): void {
  const perm = Array.from({ length: e - a }, (_, k) => a + k).sort((x, y) => indices[x]! - indices[y]!);
  const ci = perm.map((k) => indices[k]!);
  const cv = perm.map((k) => values[k]!);
  for (let k = 0; k < ci.length; k++) {
    indices[a + k] = ci[k]!;
    values[a + k] = cv[k]!;
  }
}
