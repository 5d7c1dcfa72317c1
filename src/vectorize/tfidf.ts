/**
 * TF-IDF weighting with scikit-learn's exact definitions: idf = ln((1 + n) / (1 + df)) + 1 with
 * `smoothIdf` (default), ln(n / df) + 1 without; `sublinearTf` replaces tf by 1 + ln(tf); rows are
 * then normalized (L2 by default).
 */
import { ArgumentError } from '../core/errors.js';
import { CountVectorizer, type CountVectorizerOptions } from './count.js';
import { allocData, CsrMatrix, normalizeRowsKernel, type DType } from './csr.js';
import { checkOptions, TFIDF_DEFAULTS, TFIDF_SCHEMA, TFIDF_VECTORIZER_SCHEMA } from './options.js';

/** Options of {@link TfidfTransformer}. */
export interface TfidfOptions {
  /** Row normalization: 'l2' (default), 'l1' or null. */
  norm?: 'l1' | 'l2' | null;
  /** Multiply by idf (default true). */
  useIdf?: boolean;
  /** Add one to document frequencies as if an extra document held every term (default true). */
  smoothIdf?: boolean;
  /** Use 1 + ln(tf) instead of tf (default false). */
  sublinearTf?: boolean;
}

export { TFIDF_DEFAULTS };

/** A count matrix as CSR: dense rows (arrays of numbers) are converted; anything else is an ArgumentError. */
function asCsr(X: CsrMatrix | ArrayLike<ArrayLike<number>>): CsrMatrix {
  if (X instanceof CsrMatrix) return X;
  if (X !== null && typeof X === 'object' && typeof (X as ArrayLike<unknown>).length === 'number') return CsrMatrix.fromDense(X);
  throw new ArgumentError('expected a CsrMatrix or an array of rows of numbers', { key: 'X' });
}

/** idf per column from document frequencies (kernel). */
export function idfFromDf(df: ArrayLike<number>, nDocs: number, smooth: boolean): Float64Array {
  const out = new Float64Array(df.length);
  const n = nDocs + (smooth ? 1 : 0);
  const add = smooth ? 1 : 0;
  for (let j = 0; j < df.length; j++) out[j] = Math.log(n / (df[j]! + add)) + 1;
  return out;
}

/**
 * Transforms a count matrix to (normalized) tf or tf-idf, as scikit-learn's `TfidfTransformer`.
 * @example
 * const t = new TfidfTransformer({ smoothIdf: false });
 * t.fitTransform(CsrMatrix.fromDense([[3, 0, 1], [2, 0, 0]])).toArray();
 */
export class TfidfTransformer {
  /** The options in effect. */
  readonly options: Readonly<Required<TfidfOptions>>;
  private idfVec: Float64Array | null = null;

  constructor(options: TfidfOptions = {}) {
    checkOptions(options, TFIDF_SCHEMA);
    this.options = Object.freeze({
      norm: options.norm === undefined ? TFIDF_DEFAULTS.norm : options.norm,
      useIdf: options.useIdf ?? TFIDF_DEFAULTS.useIdf,
      smoothIdf: options.smoothIdf ?? TFIDF_DEFAULTS.smoothIdf,
      sublinearTf: options.sublinearTf ?? TFIDF_DEFAULTS.sublinearTf,
    });
  }

  /** The learned idf vector (scikit-learn's `idf_`); requires `useIdf` and a fit. */
  get idf(): Float64Array {
    if (!this.options.useIdf) throw new ArgumentError('idf is only defined when useIdf is true');
    if (!this.idfVec) throw new ArgumentError('TfidfTransformer is not fitted: call fit() first');
    return this.idfVec;
  }

  /** Sets the idf vector (e.g. from a saved model). */
  set idf(v: Float64Array) {
    this.idfVec = Float64Array.from(v);
  }

  /** Learns idf from a count matrix (sparse, or dense rows as scikit-learn accepts). Returns `this`. */
  fit(counts: CsrMatrix | ArrayLike<ArrayLike<number>>): this {
    const X = asCsr(counts);
    if (this.options.useIdf) {
      // As scikit-learn: without smoothing a column in no document gets an infinite idf.
      const df = X.columnCounts();
      const { smoothIdf } = this.options;
      this.idfVec = idfFromDf(df, X.nRows, smoothIdf);
    }
    return this;
  }

  /**
   * Weights a count matrix. Returns a new matrix of `dtype` (default float64); with `copy` false
   * and a matching dtype, X's values are overwritten and its index arrays shared (no copy).
   */
  transform(counts: CsrMatrix | ArrayLike<ArrayLike<number>>, dtype: DType = 'float64', copy = true): CsrMatrix {
    const X = asCsr(counts);
    const { useIdf, sublinearTf, norm } = this.options;
    const idf = useIdf ? this.idf : null;
    if (idf && idf.length !== X.nCols) throw new ArgumentError(`matrix has ${X.nCols} columns, idf has ${idf.length}`);
    const inPlace = !copy && (dtype === 'float32') === X.data instanceof Float32Array;
    const data = inPlace ? X.data : allocData(dtype, X.nnz);
    weightKernel(X.indices, X.data, data, idf, sublinearTf);
    if (norm) normalizeRowsKernel(X.indptr, data, X.nRows, norm === 'l1');
    return inPlace ? X : new CsrMatrix(X.nRows, X.nCols, X.indptr.slice(), X.indices.slice(), data);
  }

  /** `fit(X)` then `transform(X)`. */
  fitTransform(counts: CsrMatrix | ArrayLike<ArrayLike<number>>, dtype: DType = 'float64'): CsrMatrix {
    const X = asCsr(counts);
    return this.fit(X).transform(X, dtype);
  }
}

/** out[k] = tf'(counts[k]) * idf[col] with tf' = 1 + ln(tf) when sublinear (kernel). */
export function weightKernel(indices: Int32Array, counts: ArrayLike<number>, out: Float64Array | Float32Array, idf: Float64Array | null, sublinear: boolean): void {
  const nnz = indices.length;
  for (let k = 0; k < nnz; k++) {
    let v = counts[k]!;
    if (sublinear) v = Math.log(v) + 1;
    if (idf) v *= idf[indices[k]!]!;
    out[k] = v;
  }
}

/** Options of {@link TfidfVectorizer}: CountVectorizer's plus TfidfTransformer's. */
export interface TfidfVectorizerOptions extends CountVectorizerOptions, TfidfOptions {}

/**
 * CountVectorizer followed by TfidfTransformer, as scikit-learn's `TfidfVectorizer`.
 * @example
 * const tv = new TfidfVectorizer({ stopWords: 'english' });
 * const X = tv.fitTransform(['the cat sat', 'the dog sat', 'a cat ran']);
 * tv.getFeatureNamesOut(); // ['cat', 'dog', 'ran', 'sat']
 * tv.idf; // Float64Array of ln((1+n)/(1+df)) + 1
 */
export class TfidfVectorizer {
  /** The underlying counter. */
  readonly counter: CountVectorizer;
  /** The underlying weighting. */
  readonly transformer: TfidfTransformer;
  private readonly dtype: DType;

  constructor(options: TfidfVectorizerOptions = {}) {
    checkOptions(options, TFIDF_VECTORIZER_SCHEMA);
    const { norm, useIdf, smoothIdf, sublinearTf, dtype, ...count } = options;
    this.counter = new CountVectorizer({ ...count, dtype: 'float64' });
    const t: TfidfOptions = {};
    if (norm !== undefined) t.norm = norm;
    if (useIdf !== undefined) t.useIdf = useIdf;
    if (smoothIdf !== undefined) t.smoothIdf = smoothIdf;
    if (sublinearTf !== undefined) t.sublinearTf = sublinearTf;
    this.transformer = new TfidfTransformer(t);
    this.dtype = dtype ?? 'float64';
  }

  /** The fitted term -> column map. */
  get vocabulary(): ReadonlyMap<string, number> {
    return this.counter.vocabulary;
  }

  /** The idf vector, one value per column (scikit-learn's `idf_`). */
  get idf(): Float64Array {
    return this.transformer.idf;
  }

  /** Feature names in column order. */
  getFeatureNamesOut(): string[] {
    return this.counter.getFeatureNamesOut();
  }

  /** The term analyzer applied to each document. */
  buildAnalyzer(): (text: string) => string[] {
    return this.counter.buildAnalyzer();
  }

  /** Learns vocabulary and idf. Returns `this`. */
  fit(docs: Iterable<string>): this {
    this.transformer.fit(this.counter.fitTransform(docs));
    return this;
  }

  /** Learns vocabulary and idf and returns the tf-idf matrix (one pass over `docs`). */
  fitTransform(docs: Iterable<string>): CsrMatrix {
    const counts = this.counter.fitTransform(docs);
    // The count matrix is ours alone: weight it in place.
    return this.transformer.fit(counts).transform(counts, this.dtype, false);
  }

  /** The tf-idf matrix of `docs` under the fitted vocabulary and idf. */
  transform(docs: Iterable<string>): CsrMatrix {
    return this.transformer.transform(this.counter.transform(docs), this.dtype, false);
  }

  /** For each row, the feature names with non-zero entries. */
  inverseTransform(X: CsrMatrix | ArrayLike<ArrayLike<number>>): string[][] {
    return this.counter.inverseTransform(X);
  }
}
