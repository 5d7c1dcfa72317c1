/**
 * Trained word vectors with gensim's KeyedVectors query API. The words are in vocabulary order
 * (descending frequency after training); vectors are one row-major Float32Array, and the unit
 * vectors used by every similarity query are computed once, lazily, into a second one.
 */
import { ArgumentError, FormatError, NotFoundError } from '../core/errors.js';
import { emd } from './emd.js';
import { evaluateWordAnalogies, evaluateWordPairs, type AnalogyOptions, type AnalogyResult, type PairsOptions, type PairsResult } from './evaluate.js';
import { dotAll, NnIndex, topKDot } from './nn-kernel.js';
import type { TopK } from '../util/heap.js';
import { INSPECT } from '../util/inspect.js';
import type { VectorData } from './vector-data.js';
import type { VectorIndex } from '../ann/vector-index.js';
import { buildWordIndex, checkWordIndex, searchWordIndex, type WordIndexOptions } from './word-index.js';
import { readVectors, readVectorsSync, writeVectors, type LoadOptions, type SaveOptions } from './w2v-format.js';
import { checkCount, checkOptions, MOST_SIMILAR_DEFAULTS, MOST_SIMILAR_SCHEMA, WMD_DEFAULTS, WMD_SCHEMA } from './options.js';

/** A term of a {@link KeyedVectors.mostSimilar} query: a word, a raw vector, or a word with a weight. */
export type QueryTerm = string | Float32Array | readonly [string, number];

/** Options of {@link KeyedVectors.mostSimilar} and {@link KeyedVectors.mostSimilarCosmul}. */
export interface MostSimilarOptions {
  /** Terms that count positively (default none); a single word or vector stands for a list of one, as in gensim. */
  positive?: readonly QueryTerm[] | string | Float32Array;
  /** Terms that count negatively (default none); a single word or vector stands for a list of one. */
  negative?: readonly QueryTerm[] | string | Float32Array;
  /** Number of results, an integer (default 10); below 1 gives `[]` as gensim. */
  topn?: number;
  /** Search only the first N words (the most frequent after training), an integer >= 0; default all. */
  restrictVocab?: number;
}

/** One neighbour: a word and its score. */
export interface Neighbor {
  word: string;
  score: number;
}

/** Options of {@link KeyedVectors.wmDistance}. */
export interface WmdOptions {
  /** Normalise word vectors to unit length first, as gensim 4 (default true). */
  norm?: boolean;
}

function unitInto(src: Float32Array | Float64Array, out: Float32Array): Float32Array {
  let s = 0;
  for (let i = 0; i < src.length; i++) s += src[i]! * src[i]!;
  const n = Math.sqrt(s);
  for (let i = 0; i < src.length; i++) out[i] = n > 0 ? src[i]! / n : src[i]!;
  return out;
}

/** Query terms as a list: gensim's `_ensure_list` (a lone word or vector is a list of one); never the characters of a string. */
function termList(terms: MostSimilarOptions['positive'], key: string): readonly QueryTerm[] {
  if (terms === undefined || terms === null) return [];
  if (typeof terms === 'string' || terms instanceof Float32Array) return [terms];
  if (!Array.isArray(terms)) throw new ArgumentError(`${key} must be a word, a vector or a list of them`, { key });
  return terms;
}

/** Checks a list-of-words argument: a lone string would be read as its characters. */
function wordList(words: unknown, key: string): void {
  if (typeof words === 'string') throw new ArgumentError(`${key} must be a list of words, not a string (wrap it: [${JSON.stringify(words)}], or split it)`, { key });
  if (!Array.isArray(words)) throw new ArgumentError(`${key} must be a list of words`, { key });
}


/** The words among the query terms (left out of the results). */
function excludedWords(opts: MostSimilarOptions): Set<string> {
  const out = new Set<string>();
  for (const list of [termList(opts.positive, 'positive'), termList(opts.negative, 'negative')]) {
    for (const t of list) {
      if (typeof t === 'string') out.add(t);
      else if (Array.isArray(t)) out.add(t[0] as string);
    }
  }
  return out;
}

/**
 * Word vectors with gensim's query API (`most_similar`, `similarity`, `wmdistance`, evaluations,
 * word2vec text/binary formats).
 * @example
 * const kv = await KeyedVectors.load('vectors.bin');
 * kv.mostSimilar({ positive: ['woman', 'king'], negative: ['man'], topn: 3 });
 * kv.similarity('cat', 'dog');
 */
export class KeyedVectors implements VectorData {
  /** The words, index i owning row i. */
  readonly words: readonly string[];
  /** Dimensionality. */
  readonly dim: number;
  /** Row-major vectors, words.length x dim. */
  readonly vectors: Float32Array;
  /** Word counts when known (from training or the native format). */
  readonly counts: Float64Array | undefined;
  private readonly index = new Map<string, number>();
  private normed: Float32Array | undefined;
  private nn: NnIndex | undefined;
  private ann: VectorIndex | undefined;

  /**
   * @param words one word per row (no duplicates).
   * @param vectors words.length x dim values, row-major.
   * @param dim dimensionality.
   * @param counts optional per-word counts.
   */
  constructor(words: readonly string[], vectors: Float32Array, dim: number, counts?: Float64Array) {
    if (!Number.isInteger(dim) || dim < 1) throw new ArgumentError(`dim must be a positive integer, got ${dim}`, { key: 'dim' });
    if (vectors.length !== words.length * dim) throw new ArgumentError(`vectors has ${vectors.length} values, expected ${words.length} x ${dim}`, { key: 'vectors' });
    this.words = words;
    this.dim = dim;
    this.vectors = vectors;
    this.counts = counts;
    for (let i = 0; i < words.length; i++) {
      if (this.index.has(words[i]!)) throw new ArgumentError(`duplicate word ${JSON.stringify(words[i])}`, { key: 'words' });
      this.index.set(words[i]!, i);
    }
  }

  /** Number of words. */
  get size(): number {
    return this.words.length;
  }

  /** Whether `word` has a vector. */
  has(word: string): boolean {
    return this.index.has(word);
  }

  /** Row of `word`, or -1. */
  indexOf(word: string): number {
    return this.index.get(word) ?? -1;
  }

  private rowOf(word: string): number {
    const i = this.index.get(word);
    if (i === undefined) {
      // Vectors trained on lowercased text are a common surprise: name the form that is there.
      const other = [word.toLowerCase(), word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()].find((w) => w !== word && this.index.has(w));
      throw new NotFoundError(`word ${JSON.stringify(word)} not in vocabulary${other ? ` (${JSON.stringify(other)} is)` : ''}`);
    }
    return i;
  }

  /**
   * The vector of `word` (a view into {@link vectors}; copy before mutating). Throws NotFoundError for unknown words.
   * @param opts.norm return the unit vector instead (default false).
   */
  vector(word: string, opts: { norm?: boolean } = {}): Float32Array {
    const r = this.rowOf(word) * this.dim;
    return (opts.norm ? this.unitVectors() : this.vectors).subarray(r, r + this.dim);
  }

  /** All unit vectors in one Float32Array (computed on first use). Zero vectors stay zero. */
  unitVectors(): Float32Array {
    if (this.normed) return this.normed;
    const d = this.dim;
    // Kept in WebAssembly memory when it fits, for the SIMD search.
    this.nn = NnIndex.create(this.words.length, d);
    const out = this.nn ? this.nn.unit : new Float32Array(this.vectors.length);
    for (let r = 0, off = 0; r < this.words.length; r++, off += d) {
      let s = 0;
      for (let c = 0; c < d; c++) s += this.vectors[off + c]! * this.vectors[off + c]!;
      const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
      for (let c = 0; c < d; c++) out[off + c] = this.vectors[off + c]! * inv;
    }
    this.normed = out;
    return out;
  }

  /** Cosine similarity of two words. */
  similarity(w1: string, w2: string): number {
    const u = this.unitVectors();
    const a = this.rowOf(w1) * this.dim;
    const b = this.rowOf(w2) * this.dim;
    let s = 0;
    for (let c = 0; c < this.dim; c++) s += u[a + c]! * u[b + c]!;
    return s;
  }

  /** Cosine distance: 1 - similarity. */
  distance(w1: string, w2: string): number {
    return 1 - this.similarity(w1, w2);
  }

  // gensim: weighted unit vectors (raw for vector terms) averaged, then normalised.
  private queryVector(positive: readonly QueryTerm[], negative: readonly QueryTerm[], exclude: Uint8Array): Float32Array {
    const d = this.dim;
    const mean = new Float64Array(d);
    let n = 0;
    const add = (t: QueryTerm, sign: number): void => {
      let vec: Float32Array;
      let w = sign;
      if (t instanceof Float32Array) {
        if (t.length !== d) throw new ArgumentError(`query vector has ${t.length} dims, expected ${d}`);
        vec = t;
      } else {
        const word = typeof t === 'string' ? t : t[0];
        if (typeof t !== 'string') w *= t[1];
        const r = this.rowOf(word);
        exclude[r] = 1;
        vec = this.unitVectors().subarray(r * d, r * d + d);
      }
      for (let c = 0; c < d; c++) mean[c] += w * vec[c]!;
      n++;
    };
    for (const t of positive) add(t, 1);
    for (const t of negative) add(t, -1);
    if (n === 0) throw new ArgumentError('cannot compute similarity with no input (give positive or negative terms)');
    for (let c = 0; c < d; c++) mean[c] /= n;
    return unitInto(mean, new Float32Array(d));
  }

  /**
   * The `topn` words closest to the mean of the positive minus the negative unit vectors (3CosAdd),
   * excluding the query words. Options: positive, negative (default []), topn (default 10),
   * restrictVocab (default all).
   * @example kv.mostSimilar({ positive: ['king', 'woman'], negative: ['man'], topn: 1 })
   */
  mostSimilar(opts: MostSimilarOptions): Neighbor[] {
    checkOptions(MOST_SIMILAR_SCHEMA, opts, 'mostSimilar');
    const n = this.limit(opts.restrictVocab);
    const topn = opts.topn ?? MOST_SIMILAR_DEFAULTS.topn;
    const exclude = new Uint8Array(this.words.length);
    const q = this.queryVector(termList(opts.positive, 'positive'), termList(opts.negative, 'negative'), exclude);
    if (topn < 1) return [];
    if (this.ann) return searchWordIndex(this, this.ann, q, topn, n, excludedWords(opts));
    const heap = this.searchUnit(q, topn, n, exclude);
    return heap.sorted().map((e) => ({ word: this.words[e.id]!, score: e.score }));
  }

  /**
   * Builds a nearest-neighbour index over the vectors (cosine, the words as ids) and attaches it:
   * from then on {@link mostSimilar} and {@link similarByVector} search it instead of scanning every
   * vector. `kind: 'flat'` (exact, same results as the scan) or `'hnsw'` (approximate, default);
   * the other options are those of `VectorIndex.create` (m 16, efConstruction 200, efSearch 64,
   * seed 1, quantization 'none'). Returns the index (save it with `index.save(file)`).
   * @example kv.buildIndex({ kind: 'hnsw', m: 16, efSearch: 128 }); kv.mostSimilar({ positive: ['king'] });
   */
  buildIndex(opts: WordIndexOptions = {}): VectorIndex {
    const index = buildWordIndex(this, opts);
    this.ann = index;
    return index;
  }

  /**
   * Attaches an index built earlier over these vectors (`VectorIndex.load` of a file written by
   * `index.save` or `textloom vectors index`): it must be cosine, of the same dimension, with
   * exactly these words as ids (ArgumentError otherwise).
   * @example kv.attachIndex(VectorIndex.load('vectors.tlx'))
   */
  attachIndex(index: VectorIndex): void {
    checkWordIndex(this, index);
    this.ann = index;
  }

  /** Drops the attached index: {@link mostSimilar} scans every vector again. */
  detachIndex(): void {
    this.ann = undefined;
  }

  /** The attached nearest-neighbour index, if any. */
  get attachedIndex(): VectorIndex | undefined {
    return this.ann;
  }

  /**
   * Top-k rows [0, nRows) by dot product of the unit vectors with the unit `query`, skipping rows
   * flagged 1 in `exclude` (which may be empty). The building block of every search.
   */
  searchUnit(query: Float32Array, k: number, nRows: number = this.words.length, exclude: Uint8Array = new Uint8Array(0)): TopK {
    const u = this.unitVectors();
    return this.nn ? this.nn.topK(nRows, query, k, exclude) : topKDot(u, this.dim, nRows, query, k, exclude);
  }

  /** Like {@link mostSimilar} with a single vector; nothing is excluded. */
  similarByVector(vec: Float32Array, topn: number = MOST_SIMILAR_DEFAULTS.topn, restrictVocab?: number): Neighbor[] {
    return this.mostSimilar({ positive: [vec], topn, restrictVocab });
  }

  /**
   * 3CosMul (Levy and Goldberg): maximises prod((1 + cos(w, p)) / 2) / (prod((1 + cos(w, n)) / 2) + 1e-6),
   * as gensim's most_similar_cosmul. Same options as {@link mostSimilar}.
   */
  mostSimilarCosmul(opts: MostSimilarOptions): Neighbor[] {
    checkOptions(MOST_SIMILAR_SCHEMA, opts, 'mostSimilarCosmul');
    const d = this.dim;
    const n = this.limit(opts.restrictVocab);
    const u = this.unitVectors();
    const exclude = new Uint8Array(this.words.length);
    const toUnit = (t: QueryTerm): Float32Array => {
      if (t instanceof Float32Array) return t;
      const w = typeof t === 'string' ? t : t[0];
      const r = this.rowOf(w);
      exclude[r] = 1;
      return u.subarray(r * d, r * d + d);
    };
    const topn = opts.topn ?? MOST_SIMILAR_DEFAULTS.topn;
    const pos = termList(opts.positive, 'positive').map(toUnit);
    const neg = termList(opts.negative, 'negative').map(toUnit);
    if (pos.length === 0) throw new ArgumentError('mostSimilarCosmul needs at least one positive term');
    if (topn < 1) return [];
    const score = new Float64Array(n).fill(1);
    const negProd = new Float64Array(n).fill(1);
    const tmp = new Float64Array(n);
    for (const p of pos) {
      dotAll(u, d, n, p, tmp);
      for (let i = 0; i < n; i++) score[i] *= (1 + tmp[i]!) / 2;
    }
    for (const q of neg) {
      dotAll(u, d, n, q, tmp);
      for (let i = 0; i < n; i++) negProd[i] *= (1 + tmp[i]!) / 2;
    }
    const out: Neighbor[] = [];
    const order = Array.from({ length: n }, (_, i) => i).filter((i) => exclude[i] !== 1);
    const s = (i: number): number => score[i]! / ((neg.length ? negProd[i]! : 1) + 0.000001);
    order.sort((a, b) => s(b) - s(a) || a - b);
    for (let k = 0; k < Math.min(topn, order.length); k++) out.push({ word: this.words[order[k]!]!, score: s(order[k]!) });
    return out;
  }

  /**
   * The word furthest from the mean of the others' unit vectors (gensim's doesnt_match); unknown
   * words are ignored. Throws ArgumentError if none is known.
   * @example kv.doesntMatch(['breakfast', 'cereal', 'dinner', 'lunch'])
   */
  doesntMatch(words: readonly string[]): string {
    wordList(words, 'words');
    const used = words.filter((w) => this.has(w));
    if (used.length === 0) throw new ArgumentError('doesntMatch: none of the words is in the vocabulary');
    const d = this.dim;
    const u = this.unitVectors();
    const mean = new Float64Array(d);
    for (const w of used) {
      const r = this.rowOf(w) * d;
      for (let c = 0; c < d; c++) mean[c] += u[r + c]!;
    }
    for (let c = 0; c < d; c++) mean[c] /= used.length;
    const m = unitInto(mean, new Float32Array(d));
    let best = '';
    let bestScore = Infinity;
    for (const w of used) {
      const r = this.rowOf(w) * d;
      let s = 0;
      for (let c = 0; c < d; c++) s += u[r + c]! * m[c]!;
      // gensim sorts (score, word) pairs: ties go to the smaller word.
      if (s < bestScore || (s === bestScore && w < best)) {
        bestScore = s;
        best = w;
      }
    }
    return best;
  }

  /** Cosine similarity between the means of the raw vectors of two word sets (gensim's n_similarity). */
  nSimilarity(ws1: readonly string[], ws2: readonly string[]): number {
    wordList(ws1, 'ws1');
    wordList(ws2, 'ws2');
    if (ws1.length === 0 || ws2.length === 0) throw new ArgumentError('nSimilarity needs two non-empty word lists');
    const mean = (ws: readonly string[]): Float32Array => {
      const m = new Float64Array(this.dim);
      for (const w of ws) {
        const r = this.rowOf(w) * this.dim;
        for (let c = 0; c < this.dim; c++) m[c] += this.vectors[r + c]!;
      }
      for (let c = 0; c < this.dim; c++) m[c] /= ws.length;
      return unitInto(m, new Float32Array(this.dim));
    };
    const a = mean(ws1);
    const b = mean(ws2);
    let s = 0;
    for (let c = 0; c < this.dim; c++) s += a[c]! * b[c]!;
    return s;
  }

  /** Cosine similarities between `vec` and each of `vecs`. */
  cosineSimilarities(vec: ArrayLike<number>, vecs: readonly ArrayLike<number>[]): Float64Array {
    const out = new Float64Array(vecs.length);
    let nv = 0;
    for (let c = 0; c < vec.length; c++) nv += vec[c]! * vec[c]!;
    nv = Math.sqrt(nv);
    for (let k = 0; k < vecs.length; k++) {
      const v = vecs[k]!;
      if (v.length !== vec.length) throw new ArgumentError(`vector ${k} has ${v.length} dims, expected ${vec.length}`);
      let dot = 0;
      let n = 0;
      for (let c = 0; c < v.length; c++) {
        dot += v[c]! * vec[c]!;
        n += v[c]! * v[c]!;
      }
      out[k] = dot / (nv * Math.sqrt(n));
    }
    return out;
  }

  /**
   * Word Mover's Distance (Kusner et al.) between two token lists, solved exactly: the minimum
   * cost of moving one document's normalised bag of words onto the other's, with Euclidean
   * distances between (unit, by default) word vectors as costs. Unknown words are dropped;
   * Infinity if a document has no known word, as gensim.
   * @example kv.wmDistance(['obama', 'speaks'], ['president', 'greets'])
   */
  wmDistance(doc1: readonly string[], doc2: readonly string[], opts: WmdOptions = {}): number {
    wordList(doc1, 'doc1');
    wordList(doc2, 'doc2');
    checkOptions(WMD_SCHEMA, opts, 'wmDistance');
    const norm = opts.norm ?? WMD_DEFAULTS.norm;
    const d1 = doc1.filter((w) => this.has(w));
    const d2 = doc2.filter((w) => this.has(w));
    if (d1.length === 0 || d2.length === 0) return Infinity;
    const bag = (doc: string[]): Map<string, number> => {
      const m = new Map<string, number>();
      for (const w of doc) m.set(w, (m.get(w) ?? 0) + 1);
      return m;
    };
    const b1 = bag(d1);
    const b2 = bag(d2);
    if (new Set([...b1.keys(), ...b2.keys()]).size === 1) return 0;
    const w1 = [...b1.keys()];
    const w2 = [...b2.keys()];
    const src = norm ? this.unitVectors() : this.vectors;
    const d = this.dim;
    const cost = new Float64Array(w1.length * w2.length);
    let sum = 0;
    for (let i = 0; i < w1.length; i++) {
      const a = this.rowOf(w1[i]!) * d;
      for (let j = 0; j < w2.length; j++) {
        const b = this.rowOf(w2[j]!) * d;
        let s = 0;
        for (let c = 0; c < d; c++) {
          const x = src[a + c]! - src[b + c]!;
          s += x * x;
        }
        cost[i * w2.length + j] = Math.sqrt(s);
        sum += cost[i * w2.length + j]!;
      }
    }
    if (Math.abs(sum) < 1e-8) return 0;
    const m1 = w1.map((w) => b1.get(w)! / d1.length);
    const m2 = w2.map((w) => b2.get(w)! / d2.length);
    return emd(m1, m2, cost);
  }

  /** Analogy accuracy on a questions-words file (see {@link evaluateWordAnalogies}). */
  evaluateWordAnalogies(file: string, opts?: AnalogyOptions): Promise<AnalogyResult> {
    return evaluateWordAnalogies(this, file, opts);
  }

  /** Pearson and Spearman against human similarity judgements (see {@link evaluateWordPairs}). */
  evaluateWordPairs(file: string, opts?: PairsOptions): Promise<PairsResult> {
    return evaluateWordPairs(this, file, opts);
  }

  /** A one-line summary: `KeyedVectors(n=71290, dim=100)`. */
  toString(): string {
    return `KeyedVectors(n=${this.words.length}, dim=${this.dim})`;
  }

  /** `util.inspect` / `console.log`: the {@link toString} summary. */
  [INSPECT](): string {
    return this.toString();
  }

  /** Saves in the word2vec text (.txt/.vec), binary (.bin) or native (.tlv) format, atomically. */
  save(path: string, opts?: SaveOptions): Promise<void> {
    return writeVectors(this, path, opts);
  }

  /**
   * Loads a word2vec text or binary file or a native .tlv file (see {@link readVectors}); a file
   * that holds a word twice is a FormatError.
   * @example const kv = await KeyedVectors.load('GoogleNews-vectors-negative300.bin', { limit: 100000 });
   */
  static async load(path: string, opts?: LoadOptions): Promise<KeyedVectors> {
    return KeyedVectors.fromFile(await readVectors(path, opts), path);
  }

  /** {@link KeyedVectors.load}, synchronously (see {@link readVectorsSync}). */
  static loadSync(path: string, opts?: LoadOptions): KeyedVectors {
    return KeyedVectors.fromFile(readVectorsSync(path, opts), path);
  }

  /** Builds from a file's content; what the constructor rejects is the file's fault. */
  private static fromFile(data: VectorData, file: string): KeyedVectors {
    try {
      return new KeyedVectors(data.words, data.vectors, data.dim, data.counts);
    } catch (e) {
      if (e instanceof ArgumentError) throw new FormatError(e.detail, { file });
      throw e;
    }
  }

  private limit(restrict: number | undefined): number {
    if (restrict === undefined) return this.words.length;
    checkCount(restrict, 'restrictVocab');
    return Math.min(this.words.length, restrict);
  }
}

/**
 * Loads vectors from a word2vec text/binary file or a native .tlv file ({@link KeyedVectors.load}).
 * @example const kv = await loadVectors('GoogleNews-vectors-negative300.bin', { limit: 100000 })
 */
export function loadVectors(path: string, opts?: LoadOptions): Promise<KeyedVectors> {
  return KeyedVectors.load(path, opts);
}

/**
 * {@link loadVectors}, synchronously ({@link KeyedVectors.loadSync}); a `.gz` word2vec file is
 * gunzipped whole in memory instead of streamed.
 * @example const kv = loadVectorsSync('vectors.bin')
 */
export function loadVectorsSync(path: string, opts?: LoadOptions): KeyedVectors {
  return KeyedVectors.loadSync(path, opts);
}

/**
 * Writes `kv` atomically in the given format ({@link KeyedVectors.save}).
 * @example await saveVectors(kv, 'vectors.bin') // word2vec.c binary
 */
export function saveVectors(kv: KeyedVectors, path: string, opts?: SaveOptions): Promise<void> {
  return writeVectors(kv, path, opts);
}
