/**
 * A nearest-neighbour index ({@link VectorIndex}) over word vectors, keyed by the words: what
 * `KeyedVectors.buildIndex` / `attachIndex` set up and `mostSimilar` searches instead of the exact scan.
 */
import { ArgumentError } from '../core/errors.js';
import { VectorIndex } from '../ann/vector-index.js';
import type { VectorIndexOptions } from '../ann/options.js';

/** Options of `KeyedVectors.buildIndex`: those of `VectorIndex.create` but `dim`, `metric` and `capacity`. */
export type WordIndexOptions = Omit<VectorIndexOptions, 'dim' | 'metric' | 'capacity'>;

/** What a word index needs of the vectors. */
export interface WordRows {
  readonly words: readonly string[];
  readonly vectors: Float32Array;
  readonly dim: number;
  indexOf(word: string): number;
}

/** A cosine index holding every row of `kv`, with the words as ids (the file `vectors index` writes). */
export function buildWordIndex(kv: WordRows, opts: WordIndexOptions = {}): VectorIndex {
  if (opts === null || typeof opts !== 'object') throw new ArgumentError('buildIndex options must be an object', { key: 'options' });
  for (const k of ['dim', 'metric', 'capacity']) {
    if (k in opts) throw new ArgumentError(`buildIndex sets ${k} itself (cosine over the vectors' dimension)`, { key: k });
  }
  const index = VectorIndex.create({ ...opts, dim: kv.dim, metric: 'cosine', capacity: Math.max(1, kv.words.length) });
  index.addAll(kv.words, kv.vectors.subarray(0, kv.words.length * kv.dim));
  return index;
}

/**
 * Checks that `index` can answer for `kv`: cosine, same dimension, and exactly its words as ids
 * (an index built over another vocabulary would silently return other words).
 */
export function checkWordIndex(kv: WordRows, index: VectorIndex): void {
  if (!(index instanceof VectorIndex)) throw new ArgumentError('attachIndex takes a VectorIndex', { key: 'index' });
  if (index.metric !== 'cosine') throw new ArgumentError(`mostSimilar ranks by cosine; the index uses ${index.metric}`, { key: 'metric' });
  if (index.dim !== kv.dim) throw new ArgumentError(`the index has dimension ${index.dim}, the vectors ${kv.dim}`, { key: 'dim' });
  if (index.size !== kv.words.length) throw new ArgumentError(`the index holds ${index.size} vectors, the vocabulary has ${kv.words.length} words`, { key: 'index' });
  for (const w of kv.words) {
    if (!index.has(w)) throw new ArgumentError(`the index has no entry for the word ${JSON.stringify(w)}: built over other vectors?`, { key: w });
  }
}

/**
 * The `topn` (word, cosine) pairs nearest the unit `query` among rows [0, nRows), skipping the
 * words in `exclude`: the index's answer to `mostSimilar`.
 */
export function searchWordIndex(kv: WordRows, index: VectorIndex, query: Float32Array, topn: number, nRows: number, exclude: ReadonlySet<string>, efSearch?: number): { word: string; score: number }[] {
  const restricted = nRows < kv.words.length;
  const filter = restricted
    ? (id: number | string): boolean => !exclude.has(id as string) && kv.indexOf(id as string) < nRows
    : exclude.size > 0
      ? (id: number | string): boolean => !exclude.has(id as string)
      : undefined;
  let excludedInRange = 0;
  for (const w of exclude) if (kv.indexOf(w) < nRows) excludedInRange++;
  const hits = index.search(query, Math.min(topn, Math.max(0, nRows - excludedInRange)), { ...(filter ? { filter } : {}), ...(efSearch !== undefined ? { efSearch } : {}) });
  return hits.map((h) => ({ word: h.id as string, score: h.score }));
}
