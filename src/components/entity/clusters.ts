/**
 * Word clusters for the entity recognizer's features: spherical k-means over word vectors (e.g.
 * textloom word2vec trained on a large unlabelled corpus), so that words never seen in the
 * entity training data still share weights with similar words that were.
 */
import { ArgumentError } from '../../core/errors.js';
import { Rng } from '../../util/rng.js';
import { lexValue, MAX_CLUSTERS, MAX_COARSE, MAX_GAZ } from './features.js';

/** Options of {@link kmeansClusters}. */
export interface KmeansOptions {
  /** Number of clusters (default 512, 2..65535). */
  k?: number;
  /** Lloyd iterations (default 15). */
  iterations?: number;
  /** Seed of the initial centroids (default 1). */
  seed?: number;
  /** Only the first `maxWords` rows are clustered (frequent words first in word2vec order; default all). */
  maxWords?: number;
}

/** Defaults of {@link KmeansOptions}. */
export const KMEANS_DEFAULTS = Object.freeze({ k: 512, iterations: 15, seed: 1 });

/**
 * Clusters `words` (row i of `vectors`, `dim` floats each) by cosine similarity; returns word -> cluster id.
 * Deterministic for a seed.
 * @example const clusters = kmeansClusters(kv.words, kv.vectors, kv.dim, { k: 256 });
 */
export function kmeansClusters(words: readonly string[], vectors: Float32Array, dim: number, options: KmeansOptions = {}): Map<string, number> {
  const k = options.k ?? KMEANS_DEFAULTS.k;
  const iterations = options.iterations ?? KMEANS_DEFAULTS.iterations;
  const n = Math.min(words.length, options.maxWords ?? words.length);
  if (!Number.isInteger(k) || k < 2 || k > 65535) throw new ArgumentError(`k must be an integer in 2..65535, got ${k}`, { key: 'k' });
  if (n < k) throw new ArgumentError(`${n} words cannot make ${k} clusters`, { key: 'k' });
  const unit = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let d = 0; d < dim; d++) s += vectors[i * dim + d]! ** 2;
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let d = 0; d < dim; d++) unit[i * dim + d] = vectors[i * dim + d]! * inv;
  }
  const rng = new Rng(options.seed ?? KMEANS_DEFAULTS.seed);
  const cent = new Float32Array(k * dim);
  const picked = new Set<number>();
  for (let c = 0; c < k; c++) {
    let i = rng.nextU32() % n;
    while (picked.has(i)) i = (i + 1) % n;
    picked.add(i);
    cent.set(unit.subarray(i * dim, i * dim + dim), c * dim);
  }
  const assign = new Int32Array(n).fill(-1);
  const sums = new Float64Array(k * dim);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestSim = -Infinity;
      const o = i * dim;
      for (let c = 0; c < k; c++) {
        const co = c * dim;
        let s = 0;
        for (let d = 0; d < dim; d++) s += unit[o + d]! * cent[co + d]!;
        if (s > bestSim) {
          bestSim = s;
          best = c;
        }
      }
      if (assign[i] !== best) moved++;
      assign[i] = best;
    }
    if (moved === 0) break;
    sums.fill(0);
    for (let i = 0; i < n; i++) for (let d = 0; d < dim; d++) sums[assign[i]! * dim + d] += unit[i * dim + d]!;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let d = 0; d < dim; d++) s += sums[c * dim + d]! ** 2;
      if (s === 0) continue; // an empty cluster keeps its centroid
      const inv = 1 / Math.sqrt(s);
      for (let d = 0; d < dim; d++) cent[c * dim + d] = sums[c * dim + d]! * inv;
    }
  }
  const out = new Map<string, number>();
  for (let i = 0; i < n; i++) out.set(words[i]!, assign[i]!);
  return out;
}

/** Extra parts of {@link buildLexicon}'s lexicon. */
export interface LexiconExtras {
  /** A second, coarser clustering of the same words (e.g. k = 64), word -> cluster id (< 1023). */
  coarse?: Map<string, number>;
  /** Lower-case word -> gazetteer class 1..31 (see `gazetteerClasses`); words absent from the vectors are added. */
  gazetteer?: Map<string, number>;
}

/**
 * Builds the recognizer's lexicon from an unlabelled corpus's vocabulary: each word's cluster, and
 * for each lower-case form how the corpus writes it (1: lower-case at least 90% of the time,
 * 3: capitalized at least 90%, 2: in between), from the words' counts (each form counted once
 * without them); optionally coarse clusters and gazetteer classes ({@link LexiconExtras}).
 * @example const lexicon = buildLexicon(kv.words, kv.counts, kmeansClusters(kv.words, kv.vectors, kv.dim));
 */
export function buildLexicon(words: readonly string[], counts: ArrayLike<number> | undefined, clusters: Map<string, number>, extras: LexiconExtras = {}): Map<string, number> {
  const lowerCount = new Map<string, [number, number]>();
  words.forEach((w, i) => {
    const l = w.toLowerCase();
    let e = lowerCount.get(l);
    if (!e) lowerCount.set(l, (e = [0, 0]));
    const n = counts ? counts[i]! : 1;
    if (w === l) e[0] += n;
    else e[1] += n;
  });
  const coarse = extras.coarse;
  const gaz = extras.gazetteer;
  const out = new Map<string, number>();
  for (const [w, c] of clusters) {
    if (c >= MAX_CLUSTERS) throw new ArgumentError(`cluster id ${c} of ${JSON.stringify(w)} exceeds ${MAX_CLUSTERS - 1}`, { key: 'clusters' });
    const k = coarse?.get(w) ?? -1;
    if (k >= MAX_COARSE) throw new ArgumentError(`coarse cluster id ${k} of ${JSON.stringify(w)} exceeds ${MAX_COARSE - 1}`, { key: 'coarse' });
    out.set(w, lexValue(c, 0, 0, k));
  }
  const parts = (v: number | undefined): [number, number] => [v ? (v & 4095) - 1 : -1, v ? ((v >>> 19) & 1023) - 1 : -1];
  for (const [l, [lo, up]] of lowerCount) {
    const share = lo / (lo + up);
    const cls = share >= 0.9 ? 1 : share <= 0.1 ? 3 : 2;
    const [c, k] = parts(out.get(l));
    out.set(l, lexValue(c, cls, gaz?.get(l) ?? 0, k));
  }
  if (gaz) {
    for (const [l, g] of gaz) {
      if (!Number.isInteger(g) || g < 0 || g > MAX_GAZ) throw new ArgumentError(`gazetteer class ${g} of ${JSON.stringify(l)} is not in 0..${MAX_GAZ}`, { key: 'gazetteer' });
      if (lowerCount.has(l)) continue;
      const [c, k] = parts(out.get(l));
      out.set(l, lexValue(c, 0, g, k));
    }
  }
  return out;
}
