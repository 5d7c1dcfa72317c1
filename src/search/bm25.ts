/**
 * Similarities, matching Lucene (8.0 and later) exactly in formula and norm encoding.
 *
 * BM25 (`BM25Similarity`): per matching term,
 *   idf = ln(1 + (N - n + 0.5) / (n + 0.5))   N = docs with the field, n = docs with the term
 *   tf  = freq / (freq + k1 * (1 - b + b * dl / avgdl))
 *   score = boost * idf * tf
 * Lucene 8 dropped the classic (k1 + 1) numerator factor (it scales every score alike, so rankings
 * are unchanged); we drop it too. `dl` is not the exact field length: Lucene stores it as one byte
 * (`SmallFloat.intToByte4`, exact below 24, then 4 significant bits) and scores with the decoded
 * value, so we encode and decode the same way. avgdl = total term occurrences in the field / N.
 * Arithmetic is float64 (Lucene uses float32), so scores agree to about 1e-6 relative.
 *
 * TF-IDF (`ClassicSimilarity`): tf = sqrt(freq), idf = 1 + ln((N + 1) / (n + 1)),
 * norm = 1 / sqrt(dl) with dl decoded from the same byte; score = boost * tf * idf * norm.
 */

/** Options of the scoring function. */
export interface SimilarityOptions {
  /** `bm25` (default) or `tfidf`. */
  model?: 'bm25' | 'tfidf';
  /** BM25 term-frequency saturation, >= 0 (default 1.2). */
  k1?: number;
  /** BM25 length normalization in [0, 1] (default 0.75). */
  b?: number;
}

/** Defaults of {@link SimilarityOptions}. */
export const SIMILARITY_DEFAULTS = Object.freeze({ model: 'bm25' as 'bm25' | 'tfidf', k1: 1.2, b: 0.75 });

function longToInt4(i: number): number {
  const numBits = 32 - Math.clz32(i);
  if (numBits < 4) return i; // subnormal
  const shift = numBits - 4;
  let encoded = (i >>> shift) & 0x07; // drop the implicit leading bit
  encoded |= (shift + 1) << 3;
  return encoded;
}

function int4ToLong(i: number): number {
  const bits = i & 0x07;
  const shift = (i >>> 3) - 1;
  return shift === -1 ? bits : (bits | 0x08) * 2 ** shift;
}

const MAX_INT4 = longToInt4(0x7fffffff);
const NUM_FREE_VALUES = 255 - MAX_INT4;

/** Lucene's `SmallFloat.intToByte4`: a length as one byte (exact below 24). */
export function encodeNorm(length: number): number {
  if (length < NUM_FREE_VALUES) return length;
  return NUM_FREE_VALUES + longToInt4(length - NUM_FREE_VALUES);
}

/** Lucene's `SmallFloat.byte4ToInt`: the length a norm byte stands for. */
export function decodeNorm(b: number): number {
  return b < NUM_FREE_VALUES ? b : NUM_FREE_VALUES + int4ToLong(b - NUM_FREE_VALUES);
}

/** Decoded length for every norm byte (Lucene's `LENGTH_TABLE`). */
export const LENGTH_TABLE: Float64Array = (() => {
  const t = new Float64Array(256);
  for (let i = 0; i < 256; i++) t[i] = decodeNorm(i);
  return t;
})();

/** BM25 idf (Lucene 8+). */
export function bm25Idf(docCount: number, docFreq: number): number {
  return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
}

/** ClassicSimilarity idf. */
export function tfidfIdf(docCount: number, docFreq: number): number {
  return 1 + Math.log((docCount + 1) / (docFreq + 1));
}

/** The idf of the scoring model: {@link bm25Idf} or {@link tfidfIdf}. */
export function modelIdf(model: 'bm25' | 'tfidf', docCount: number, docFreq: number): number {
  return model === 'bm25' ? bm25Idf(docCount, docFreq) : tfidfIdf(docCount, docFreq);
}

/**
 * The idf of terms scored as one unit (a phrase, a window): the sum of their idfs, as Lucene.
 * `df` is the field's per-term document frequency, `ids` the terms' ids.
 * @example summedIdf('bm25', 1400, postings.df, [wingId, flowId])
 */
export function summedIdf(model: 'bm25' | 'tfidf', docCount: number, df: ArrayLike<number>, ids: readonly number[]): number {
  let idf = 0;
  for (const id of ids) idf += modelIdf(model, docCount, df[id]!);
  return idf;
}

/**
 * Per-(field, query) scoring table: `score(freq, normByte)` for one term with weight
 * `boost * idf`, computed through a 256-entry cache as Lucene does.
 */
export class TermSimilarity {
  /** boost * idf. */
  readonly weight: number;
  private readonly cache: Float64Array;
  private readonly bm25: boolean;

  constructor(model: 'bm25' | 'tfidf', weight: number, cache: Float64Array) {
    this.bm25 = model === 'bm25';
    this.weight = weight;
    this.cache = cache;
  }

  /** Score of one doc with `freq` occurrences and norm byte `norm`. */
  score(freq: number, norm: number): number {
    if (this.bm25) {
      // weight * freq / (freq + k1 * (1 - b + b * dl / avgdl)), with cache[n] = 1 / (k1 * (...)).
      return this.weight - this.weight / (1 + freq * this.cache[norm]!);
    }
    return this.weight * Math.sqrt(freq) * this.cache[norm]!;
  }

  /**
   * The term-frequency factor of {@link score} (score = weight × tf up to rounding), read from
   * the same norm cache, so an explanation cannot drift from the score: BM25 `1 - 1 / (1 + x)` with
   * `x = freq × cache[norm]` (= freq / (freq + k1 (1 - b + b dl / avgdl))), TF-IDF
   * `sqrt(freq) × cache[norm]` (= sqrt(freq) / sqrt(dl)).
   */
  tf(freq: number, norm: number): number {
    const c = this.cache[norm]!;
    // 1 - 1 / (1 + x) rather than x / (1 + x): k1 = 0 makes the cache infinite, and the factor 1.
    return this.bm25 ? 1 - 1 / (1 + freq * c) : Math.sqrt(freq) * c;
  }
}

/** The 256-entry norm cache for a field: BM25 `1 / (k1 (1 - b + b L / avgdl))` or TF-IDF `1 / sqrt(L)`. */
export function normCache(model: 'bm25' | 'tfidf', k1: number, b: number, avgdl: number): Float64Array {
  const c = new Float64Array(256);
  for (let i = 0; i < 256; i++) {
    const len = LENGTH_TABLE[i]!;
    if (model === 'bm25') c[i] = 1 / (k1 * (1 - b + (b * len) / (avgdl > 0 ? avgdl : 1)));
    else c[i] = len > 0 ? 1 / Math.sqrt(len) : 0;
  }
  return c;
}
