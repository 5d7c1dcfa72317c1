/**
 * Cosine similarity between the rows of sparse or dense matrices, and top-k most similar rows.
 * Zero rows have similarity 0 with everything (as scikit-learn's `cosine_similarity`).
 */
import { ArgumentError } from '../core/errors.js';
import { TopK } from '../util/heap.js';
import { CsrMatrix } from './csr.js';

/** A sparse matrix or dense rows. */
export type MatrixLike = CsrMatrix | ArrayLike<ArrayLike<number>>;

function toCsr(m: MatrixLike): CsrMatrix {
  return m instanceof CsrMatrix ? m : CsrMatrix.fromDense(m);
}

function normalized(m: CsrMatrix): CsrMatrix {
  const c = new CsrMatrix(m.nRows, m.nCols, m.indptr, m.indices, Float64Array.from(m.data));
  return c.normalizeRows('l2');
}

/**
 * Cosine similarity of every row of `A` with every row of `B` (default `A`), as dense rows.
 * @example
 * cosineSimilarity([[1, 0], [1, 1]]); // [[1, 0.7071...], [0.7071..., 1]]
 */
export function cosineSimilarity(A: MatrixLike, B?: MatrixLike): Float64Array[] {
  const a = normalized(toCsr(A));
  const b = B === undefined ? a : normalized(toCsr(B));
  if (a.nCols !== b.nCols) throw new ArgumentError(`matrices have ${a.nCols} and ${b.nCols} columns`);
  const bt = b.transpose();
  const out: Float64Array[] = [];
  for (let i = 0; i < a.nRows; i++) {
    const acc = new Float64Array(b.nRows);
    sparseRowTimesCsc(a.indptr[i]!, a.indptr[i + 1]!, a.indices, a.data, bt.indptr, bt.indices, bt.data, acc);
    out.push(acc);
  }
  return out;
}

/** acc[r] += sum over the row's entries (j, x) of x * Bt[j][r] (kernel). */
function sparseRowTimesCsc(from: number, to: number, idx: Int32Array, val: ArrayLike<number>, tIndptr: Int32Array, tIndices: Int32Array, tData: ArrayLike<number>, acc: Float64Array): void {
  for (let k = from; k < to; k++) {
    const j = idx[k]!;
    const x = val[k]!;
    for (let p = tIndptr[j]!, e = tIndptr[j + 1]!; p < e; p++) acc[tIndices[p]!] += x * tData[p]!;
  }
}

/** One hit of {@link topKSimilar}. */
export interface SimilarRow {
  index: number;
  score: number;
}

/** Options of {@link topKSimilar}. */
export interface TopKOptions {
  /** Row index to leave out (e.g. the query's own row). */
  exclude?: number;
}

/**
 * The `k` rows of `matrix` most cosine-similar to `query` (a dense vector, a row index of
 * `matrix`, or a one-row sparse matrix), best first; ties go to the lower row index.
 * @example
 * topKSimilar(X, 0, 3, { exclude: 0 }); // [{ index: 4, score: 0.61 }, ...]
 */
export function topKSimilar(matrix: MatrixLike, query: number | ArrayLike<number> | CsrMatrix, k: number, options: TopKOptions = {}): SimilarRow[] {
  if (!Number.isInteger(k) || k < 0) throw new ArgumentError(`k must be a non-negative integer, got ${JSON.stringify(k) ?? String(k)}`, { key: 'k' });
  const m = toCsr(matrix);
  let q: CsrMatrix;
  if (typeof query === 'number') {
    const r = m.row(query);
    q = new CsrMatrix(1, m.nCols, Int32Array.of(0, r.indices.length), r.indices, r.data);
  } else if (query instanceof CsrMatrix) {
    if (query.nRows !== 1) throw new ArgumentError(`query must have one row, has ${query.nRows}`, { key: 'query' });
    q = query;
  } else q = CsrMatrix.fromDense([query]);
  const sims = cosineSimilarity(q, m)[0]!;
  const top = new TopK(k);
  for (let i = 0; i < sims.length; i++) if (i !== options.exclude) top.push(i, sims[i]!);
  return top.sorted().map(({ id, score }) => ({ index: id, score }));
}
