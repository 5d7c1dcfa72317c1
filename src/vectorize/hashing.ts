/**
 * HashingVectorizer: stateless term counts in `nFeatures` hashed columns, as scikit-learn's. Each
 * term's UTF-8 bytes are hashed with MurmurHash3 (x86, 32-bit, seed 0) read as a signed int h;
 * the column is |h| mod nFeatures and, with `alternateSign`, the value is -1 when h < 0.
 * Duplicates are summed (a cancelled collision stays stored as an explicit zero, as in scipy).
 */
import { ArgumentError } from '../core/errors.js';
import { murmur3_32 } from '../util/hash.js';
import { grow } from '../util/typed.js';
import { buildAnalyzer, fastWordPath, scanWordRuns, type AnalyzerOptions, type CompiledAnalyzer } from './analyzer.js';
import { allocData, CsrMatrix, normalizeRowsKernel, type DType } from './csr.js';
import { checkOptions, HASHING_DEFAULTS, HASHING_SCHEMA } from './options.js';

/** Options of {@link HashingVectorizer} (analyzer options included). */
export interface HashingVectorizerOptions extends AnalyzerOptions {
  /** Number of columns, an integer in [1, 2^31 - 1] (default 2^20). */
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

export { HASHING_DEFAULTS };

let scratch = new Uint8Array(256);

// UTF-8 bytes of s[a, b) into `scratch` (lone surrogates become U+FFFD, as TextEncoder does); returns the length.
function utf8Range(s: string, a: number, b: number): number {
  if ((b - a) * 3 > scratch.length) scratch = new Uint8Array((b - a) * 3 + 16);
  const out = scratch;
  let p = 0;
  for (let i = a; i < b; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) out[p++] = c;
    else if (c < 0x800) {
      out[p++] = 0xc0 | (c >> 6);
      out[p++] = 0x80 | (c & 63);
    } else {
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < b ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          c = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
          i++;
          out[p++] = 0xf0 | (c >> 18);
          out[p++] = 0x80 | ((c >> 12) & 63);
          out[p++] = 0x80 | ((c >> 6) & 63);
          out[p++] = 0x80 | (c & 63);
          continue;
        }
        c = 0xfffd;
      }
      out[p++] = 0xe0 | (c >> 12);
      out[p++] = 0x80 | ((c >> 6) & 63);
      out[p++] = 0x80 | (c & 63);
    }
  }
  return p;
}

/** MurmurHash3 of the UTF-8 bytes of `s[a, b)` as a signed 32-bit int. */
export function hashTermRange(s: string, a: number, b: number, seed = 0): number {
  const len = utf8Range(s, a, b);
  return murmur3_32(scratch.subarray(0, len), seed) | 0;
}

/** MurmurHash3 of a string's UTF-8 bytes as a signed 32-bit int (scikit-learn's `murmurhash3_32(s, 0)`). */
export function hashTerm(term: string, seed = 0): number {
  return hashTermRange(term, 0, term.length, seed);
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
  private readonly analyzerOptions: AnalyzerOptions;

  constructor(options: HashingVectorizerOptions = {}) {
    checkOptions(options, HASHING_SCHEMA);
    this.analyzerOptions = options;
    const nFeatures = options.nFeatures ?? HASHING_DEFAULTS.nFeatures;
    const norm = options.norm === undefined ? HASHING_DEFAULTS.norm : options.norm;
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
    // Per-document accumulator over columns: sums[j] with a per-row stamp telling which columns
    // the current row touched (dense up to 2^24 columns, a Map beyond).
    const dense = nFeatures <= 1 << 24;
    const sums = dense ? new Float64Array(nFeatures) : null;
    const stamp = dense ? new Int32Array(nFeatures) : null;
    const sparse = dense ? null : new Map<number, number>();
    let cols = new Int32Array(64);
    let nt = 0;
    let indptr = new Int32Array(1024);
    let indices = new Int32Array(4096);
    let values = new Float64Array(4096);
    let nnz = 0;
    let nRows = 0;
    const addHash = (h: number): void => {
      const j = Math.abs(h) % nFeatures;
      const v = alternateSign && h < 0 ? -1 : 1;
      if (sums !== null) {
        if (stamp![j] !== nRows + 1) {
          stamp![j] = nRows + 1;
          sums[j] = v;
          if (nt >= cols.length) cols = grow(cols, nt + 1);
          cols[nt++] = j;
        } else sums[j] += v;
      } else {
        const prev = sparse!.get(j);
        if (prev === undefined) {
          if (nt >= cols.length) cols = grow(cols, nt + 1);
          cols[nt++] = j;
        }
        sparse!.set(j, (prev ?? 0) + v);
      }
    };
    const fast = fastWordPath(this.analyzerOptions);
    const stop = fast?.stopWords ?? null;
    let text = '';
    const onRange = (a: number, b: number): void => {
      if (stop !== null && stop.has(text.slice(a, b))) return;
      addHash(hashTermRange(text, a, b));
    };
    const emit = (t: string): void => addHash(hashTerm(t));
    for (const doc of docs) {
      if (typeof doc !== 'string') throw new ArgumentError(`document ${nRows} is not a string`, { key: `docs[${nRows}]` });
      if (fast) {
        text = fast.lowercase ? doc.toLowerCase() : doc;
        scanWordRuns(text, 2, onRange);
      } else this.analyzer(doc, emit);
      const row = cols.subarray(0, nt).sort();
      if (nnz + nt > indices.length) {
        indices = grow(indices, nnz + nt);
        values = grow(values, nnz + nt);
      }
      for (let i = 0; i < nt; i++) {
        const j = row[i]!;
        indices[nnz] = j;
        values[nnz++] = binary ? 1 : sums !== null ? sums[j]! : sparse!.get(j)!;
      }
      sparse?.clear();
      nt = 0;
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
