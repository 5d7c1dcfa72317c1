/**
 * Compressed sparse row matrix over typed arrays: `indptr` (Int32, nRows + 1), `indices` (Int32,
 * column of each stored value), `data` (Float64 or Float32). Row i's entries live in
 * `[indptr[i], indptr[i + 1])`. Matrices built by textloom keep column indices sorted within rows.
 */
import { ArgumentError } from '../core/errors.js';

/** Storage type of a matrix's values. */
export type FloatArray = Float64Array | Float32Array;

/** Value dtype of a vectorizer output: `'float64'` (default, as scikit-learn) or `'float32'`. */
export type DType = 'float64' | 'float32';

/** Allocates a value array of `dtype`. */
export function allocData(dtype: DType, n: number): FloatArray {
  return dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
}

/** A sparse row: parallel views of column indices and values (no copy). */
export interface SparseRow {
  indices: Int32Array;
  data: FloatArray;
}

/**
 * A CSR sparse matrix.
 * @example
 * const m = CsrMatrix.fromDense([[1, 0, 2], [0, 0, 3]]);
 * m.get(0, 2); // 2
 * m.dot(new Float64Array([1, 1, 1])); // Float64Array [3, 3]
 */
export class CsrMatrix {
  readonly nRows: number;
  readonly nCols: number;
  readonly indptr: Int32Array;
  readonly indices: Int32Array;
  readonly data: FloatArray;

  /**
   * Wraps existing arrays (not copied). Shapes, row pointers (0 first, non-decreasing) and column
   * ids (in [0, nCols)) are checked, in one pass; index order within a row is not.
   */
  constructor(nRows: number, nCols: number, indptr: Int32Array, indices: Int32Array, data: FloatArray) {
    if (!Number.isInteger(nRows) || nRows < 0 || !Number.isInteger(nCols) || nCols < 0) throw new ArgumentError(`shape must be two integers >= 0, got [${nRows}, ${nCols}]`, { key: 'shape' });
    if (indptr.length !== nRows + 1) throw new ArgumentError(`indptr has ${indptr.length} entries, expected nRows + 1 = ${nRows + 1}`, { key: 'indptr' });
    const nnz = indptr[nRows]!;
    if (indices.length < nnz || data.length < nnz) throw new ArgumentError(`indices/data hold fewer than nnz = ${nnz} entries`, { key: 'indices' });
    // A bad pointer or column would silently drop or misplace values in toArray/get/dot.
    if (indptr[0] !== 0) throw new ArgumentError(`indptr[0] must be 0, got ${indptr[0]}`, { key: 'indptr' });
    for (let i = 0; i < nRows; i++) if (!(indptr[i + 1]! >= indptr[i]!)) throw new ArgumentError(`indptr must be non-decreasing (indptr[${i + 1}] < indptr[${i}])`, { key: 'indptr' });
    for (let k = 0; k < nnz; k++) {
      const c = indices[k]!;
      if (!(c >= 0 && c < nCols)) throw new ArgumentError(`column index ${c} at position ${k} is outside [0, ${nCols})`, { key: 'indices' });
    }
    this.nRows = nRows;
    this.nCols = nCols;
    this.indptr = indptr;
    this.indices = indices.length === nnz ? indices : indices.subarray(0, nnz);
    this.data = data.length === nnz ? data : data.subarray(0, nnz);
  }

  /** Number of stored entries (explicit zeros included, as scipy counts them). */
  get nnz(): number {
    return this.indptr[this.nRows]!;
  }

  /** `[nRows, nCols]`. */
  get shape(): [number, number] {
    return [this.nRows, this.nCols];
  }

  /** Builds a matrix from dense rows, storing only non-zero values. */
  static fromDense(rows: ArrayLike<ArrayLike<number>>, dtype: DType = 'float64'): CsrMatrix {
    const nRows = rows.length;
    const nCols = nRows ? rows[0]!.length : 0;
    let nnz = 0;
    for (let i = 0; i < nRows; i++) {
      const r = rows[i]!;
      if (r.length !== nCols) throw new ArgumentError(`row ${i} has ${r.length} columns, expected ${nCols}`, { key: `rows[${i}]` });
      for (let j = 0; j < nCols; j++) if (r[j] !== 0) nnz++;
    }
    const indptr = new Int32Array(nRows + 1);
    const indices = new Int32Array(nnz);
    const data = allocData(dtype, nnz);
    let k = 0;
    for (let i = 0; i < nRows; i++) {
      const r = rows[i]!;
      for (let j = 0; j < nCols; j++) {
        const v = r[j]!;
        if (v !== 0) {
          indices[k] = j;
          data[k++] = v;
        }
      }
      indptr[i + 1] = k;
    }
    return new CsrMatrix(nRows, nCols, indptr, indices, data);
  }

  private checkRow(i: number): void {
    if (!Number.isInteger(i) || i < 0 || i >= this.nRows) throw new ArgumentError(`row ${i} out of range for ${this.nRows} rows`, { key: 'row' });
  }

  /** Row `i` as views into this matrix's arrays. */
  row(i: number): SparseRow {
    this.checkRow(i);
    const a = this.indptr[i]!;
    const b = this.indptr[i + 1]!;
    return { indices: this.indices.subarray(a, b), data: this.data.subarray(a, b) };
  }

  /** Value at (i, j); 0 when not stored. Binary search, so rows must have sorted indices. */
  get(i: number, j: number): number {
    this.checkRow(i);
    let lo = this.indptr[i]!;
    let hi = this.indptr[i + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.indices[mid]!;
      if (c === j) return this.data[mid]!;
      if (c < j) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** Matrix-vector product with a dense vector of length nCols. */
  dot(v: ArrayLike<number>): Float64Array {
    if (v.length !== this.nCols) throw new ArgumentError(`vector has length ${v.length}, expected ${this.nCols}`, { key: 'v' });
    const out = new Float64Array(this.nRows);
    const { indptr, indices, data } = this;
    for (let i = 0; i < this.nRows; i++) {
      let s = 0;
      for (let k = indptr[i]!, e = indptr[i + 1]!; k < e; k++) s += data[k]! * v[indices[k]!]!;
      out[i] = s;
    }
    return out;
  }

  /** Dot product of row `i` with a dense vector. */
  rowDot(i: number, v: ArrayLike<number>): number {
    this.checkRow(i);
    let s = 0;
    for (let k = this.indptr[i]!, e = this.indptr[i + 1]!; k < e; k++) s += this.data[k]! * v[this.indices[k]!]!;
    return s;
  }

  /** Per-row L2 (default) or L1 norms. */
  rowNorms(norm: 'l1' | 'l2' = 'l2'): Float64Array {
    const out = new Float64Array(this.nRows);
    const { indptr, data } = this;
    for (let i = 0; i < this.nRows; i++) {
      let s = 0;
      const e = indptr[i + 1]!;
      if (norm === 'l1') for (let k = indptr[i]!; k < e; k++) s += Math.abs(data[k]!);
      else {
        for (let k = indptr[i]!; k < e; k++) s += data[k]! * data[k]!;
        s = Math.sqrt(s);
      }
      out[i] = s;
    }
    return out;
  }

  /**
   * Scales each row to unit L1 or L2 norm, in place (as scikit-learn's `normalize`); all-zero rows
   * are left unchanged. Returns `this`.
   */
  normalizeRows(norm: 'l1' | 'l2' = 'l2'): this {
    normalizeRowsKernel(this.indptr, this.data, this.nRows, norm === 'l1');
    return this;
  }

  /** A deep copy. */
  clone(): CsrMatrix {
    return new CsrMatrix(this.nRows, this.nCols, this.indptr.slice(), this.indices.slice(), this.data.slice());
  }

  /** Dense rows (Float64Array each). Use on small matrices only. */
  toDense(): Float64Array[] {
    const out: Float64Array[] = [];
    for (let i = 0; i < this.nRows; i++) {
      const r = new Float64Array(this.nCols);
      for (let k = this.indptr[i]!, e = this.indptr[i + 1]!; k < e; k++) r[this.indices[k]!] += this.data[k]!;
      out.push(r);
    }
    return out;
  }

  /** Dense rows as plain arrays (for printing and tests). */
  toArray(): number[][] {
    return this.toDense().map((r) => Array.from(r));
  }

  /** The transpose (also CSR, so it serves as this matrix's CSC form); indices come out sorted. */
  transpose(): CsrMatrix {
    const { indptr, indices, data } = this;
    const nnz = this.nnz;
    const tIndptr = new Int32Array(this.nCols + 1);
    for (let k = 0; k < nnz; k++) tIndptr[indices[k]! + 1]++;
    for (let j = 0; j < this.nCols; j++) tIndptr[j + 1] += tIndptr[j]!;
    const next = tIndptr.slice(0, this.nCols);
    const tIndices = new Int32Array(nnz);
    const tData = data instanceof Float32Array ? new Float32Array(nnz) : new Float64Array(nnz);
    for (let i = 0; i < this.nRows; i++) {
      for (let k = indptr[i]!, e = indptr[i + 1]!; k < e; k++) {
        const p = next[indices[k]!]++;
        tIndices[p] = i;
        tData[p] = data[k]!;
      }
    }
    return new CsrMatrix(this.nCols, this.nRows, tIndptr, tIndices, tData);
  }

  /** Number of rows each column has a stored entry in (document frequency for count matrices). */
  columnCounts(): Int32Array {
    const out = new Int32Array(this.nCols);
    for (let k = 0; k < this.nnz; k++) out[this.indices[k]!]++;
    return out;
  }
}

/** L1/L2 row normalization over raw CSR arrays (kernel: typed arrays in, no allocation). */
export function normalizeRowsKernel(indptr: Int32Array, data: FloatArray, nRows: number, l1: boolean): void {
  for (let i = 0; i < nRows; i++) {
    const a = indptr[i]!;
    const e = indptr[i + 1]!;
    let s = 0;
    if (l1) for (let k = a; k < e; k++) s += Math.abs(data[k]!);
    else {
      for (let k = a; k < e; k++) s += data[k]! * data[k]!;
      s = Math.sqrt(s);
    }
    if (s === 0) continue;
    for (let k = a; k < e; k++) data[k] = data[k]! / s;
  }
}
