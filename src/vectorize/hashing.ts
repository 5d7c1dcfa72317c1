/**
 * HashingVectorizer: stateless term counts in `nFeatures` hashed columns, as scikit-learn's. Each
 * term's UTF-8 bytes are hashed with MurmurHash3 (x86, 32-bit, seed 0) read as a signed int h;
 * the column is |h| mod nFeatures and, with `alternateSign`, the value is -1 when h < 0.
 * Duplicates are summed (a cancelled collision stays stored as an explicit zero, as in scipy).
 */
import { ArgumentError, ConfigError } from '../core/errors.js';
import { murmur3_32 } from '../util/hash.js';
import { grow } from '../util/typed.js';
import { buildAnalyzer, type AnalyzerOptions, type CompiledAnalyzer } from './analyzer.js';
import { allocData, CsrMatrix, normalizeRowsKernel, type DType } from './csr.js';

/** Options of {@link HashingVectorizer} (analyzer options included). */
export interface HashingVectorizerOptions extends AnalyzerOptions {
  /** Number of columns (default 2^20). */
  nFeatures?: number;
  /** Give hashes < 0 the value -1 so collisions tend to cancel (default true). */
  alternateSign?: boolean;
  /** Row normalization: 'l2' (default), 'l1' or null. */
  norm?: 'l1' | 'l2' | null;
  /** Set every stored value to 1 before normalizing (default false). */
  binary?: boolean;
  /** Value storage (default 'float64'). */
  dtype?: DType;
}

/** Defaults of {@link HashingVectorizer} (scikit-learn's). */
export const HASHING_DEFAULTS = Object.freeze({ nFeatures: 1 << 20, alternateSign: true, norm: 'l2' as 'l1' | 'l2' | null, binary: false, dtype: 'float64' as DType });

const encoder = new TextEncoder();
let scratch = new Uint8Array(256);

/** MurmurHash3 of a string's UTF-8 bytes as a signed 32-bit int (scikit-learn's `murmurhash3_32(s, 0)`). */
export function hashTerm(term: string, seed = 0): number {
  const n = term.length;
  if (n * 3 > scratch.length) scratch = new Uint8Array(n * 3 + 16);
  let ascii = true;
  for (let i = 0; i < n; i++) {
    const c = term.charCodeAt(i);
    if (c >= 128) {
      ascii = false;
      break;
    }
    scratch[i] = c;
  }
  const len = ascii ? n : encoder.encodeInto(term, scratch).written;
  return murmur3_32(scratch.subarray(0, len), seed) | 0;
}

/** Column of a signed hash: |h| mod n, with |-2^31| taken as 2^31 (as scikit-learn). */
export function hashColumn(h: number, nFeatures: number): number {
  return Math.abs(h) % nFeatures;
}

/**
 * Hashes documents into a fixed number of columns; no fit, no vocabulary.
 * @example
 * const hv = new HashingVectorizer({ nFeatures: 16 });
 * const X = hv.transform(['The quick brown fox', 'jumps over the lazy dog']);
 * X.shape; // [2, 16]
 */
export class HashingVectorizer {
  /** The options in effect. */
  readonly options: Readonly<Required<Omit<HashingVectorizerOptions, keyof AnalyzerOptions>>>;
  private readonly analyzer: CompiledAnalyzer;

  constructor(options: HashingVectorizerOptions = {}) {
    const nFeatures = options.nFeatures ?? HASHING_DEFAULTS.nFeatures;
    if (!Number.isInteger(nFeatures) || nFeatures < 1 || nFeatures > 2 ** 31 - 1) throw new ConfigError(`nFeatures must be an integer in [1, 2^31 - 1], got ${nFeatures}`, { key: 'nFeatures' });
    const norm = options.norm === undefined ? HASHING_DEFAULTS.norm : options.norm;
    if (norm !== null && norm !== 'l1' && norm !== 'l2') throw new ConfigError(`norm must be "l1", "l2" or null, got ${JSON.stringify(norm)}`, { key: 'norm' });
    this.options = Object.freeze({
      nFeatures,
      alternateSign: options.alternateSign ?? HASHING_DEFAULTS.alternateSign,
      norm,
      binary: options.binary ?? HASHING_DEFAULTS.binary,
      dtype: options.dtype ?? HASHING_DEFAULTS.dtype,
    });
    this.analyzer = buildAnalyzer(options);
  }

  /** No-op (the vectorizer is stateless); returns `this`. */
  fit(_docs?: Iterable<string>): this {
    return this;
  }

  /** Same as {@link transform}. */
  fitTransform(docs: Iterable<string>): CsrMatrix {
    return this.transform(docs);
  }

  /** Hashes `docs` into an nDocs x nFeatures matrix. */
  transform(docs: Iterable<string>): CsrMatrix {
    if (typeof docs === 'string' || typeof (docs as Iterable<string>)?.[Symbol.iterator] !== 'function') throw new ArgumentError('expected an iterable of documents (strings)');
    const { nFeatures, alternateSign, norm, binary, dtype } = this.options;
    // Per-document accumulator over columns: stamp marks columns touched by the current row.
    const sums = new Map<number, number>();
    let indptr = new Int32Array(1024);
    let indices = new Int32Array(4096);
    let values = new Float64Array(4096);
    let nnz = 0;
    let nRows = 0;
    let cols = new Int32Array(64);
    const emit = (t: string): void => {
      const h = hashTerm(t);
      const j = Math.abs(h) % nFeatures;
      const v = alternateSign && h < 0 ? -1 : 1;
      const prev = sums.get(j);
      sums.set(j, prev === undefined ? v : prev + v);
    };
    for (const doc of docs) {
      if (typeof doc !== 'string') throw new ArgumentError(`document ${nRows} is not a string`, { key: `docs[${nRows}]` });
      this.analyzer(doc, emit);
      const nt = sums.size;
      if (nt > cols.length) cols = grow(cols, nt);
      let k = 0;
      for (const j of sums.keys()) cols[k++] = j;
      const row = cols.subarray(0, nt).sort();
      if (nnz + nt > indices.length) {
        indices = grow(indices, nnz + nt);
        values = grow(values, nnz + nt);
      }
      for (let i = 0; i < nt; i++) {
        const j = row[i]!;
        indices[nnz] = j;
        values[nnz++] = binary ? 1 : sums.get(j)!;
      }
      sums.clear();
      nRows++;
      if (nRows + 1 > indptr.length) indptr = grow(indptr, nRows + 1);
      indptr[nRows] = nnz;
    }
    const data = allocData(dtype, nnz);
    data.set(values.subarray(0, nnz));
    const ip = indptr.slice(0, nRows + 1);
    if (norm) normalizeRowsKernel(ip, data, nRows, norm === 'l1');
    return new CsrMatrix(nRows, nFeatures, ip, indices.slice(0, nnz), data);
  }
}
