/**
 * Word clusters for the parser's features: a three-level tree of spherical k-means over word
 * vectors (16 clusters, each split in 4, each of those in 16), so that a word's cluster code is a
 * path whose prefixes are coarser clusters, the way Koo et al. (2008) use prefixes of Brown cluster
 * bit strings. Words are lower-cased (the parser's word features are); of several casings of a
 * word the first in the vectors' order (the most frequent, for word2vec files) is kept.
 */
import { ArgumentError } from '../../core/errors.js';
import { kmeansClusters } from '../entity/clusters.js';
import { CLUSTER_LEAVES } from './features.js';

/** Options of {@link hierarchicalClusters}. */
export interface HierarchicalClusterOptions {
  /** Seed of the k-means initial centroids (default 1). */
  seed?: number;
  /** Only the first `maxWords` distinct lower-cased words are clustered (default all). */
  maxWords?: number;
  /** Lloyd iterations per k-means (default 15). */
  iterations?: number;
}

/** Defaults of {@link HierarchicalClusterOptions}. */
export const HIERARCHICAL_CLUSTER_DEFAULTS = Object.freeze({ seed: 1, iterations: 15 });

/** Branching of the tree's levels: 16 x 4 x 16 = {@link CLUSTER_LEAVES} leaves, codes `a << 6 | b << 4 | c`. */
const BRANCHING = [16, 4, 16] as const;
const SHIFTS = [6, 4, 0] as const;

/**
 * Clusters the words of a vector table (row i of `vectors`, `dim` floats) into a 16 x 4 x 16 tree;
 * returns lower-cased word -> cluster code in 0..1023, ready for `trainParser`'s `clusters` option.
 * Deterministic for a seed.
 * @example const kv = loadVectorsSync('gutenberg.tlv'); const clusters = hierarchicalClusters(kv.words, kv.vectors, kv.dim);
 */
export function hierarchicalClusters(words: readonly string[], vectors: Float32Array, dim: number, options: HierarchicalClusterOptions = {}): Map<string, number> {
  const seed = options.seed ?? HIERARCHICAL_CLUSTER_DEFAULTS.seed;
  const iterations = options.iterations ?? HIERARCHICAL_CLUSTER_DEFAULTS.iterations;
  if (!Number.isInteger(dim) || dim < 1 || vectors.length < words.length * dim) throw new ArgumentError(`vectors hold ${vectors.length} floats, fewer than ${words.length} words x ${dim}`, { key: 'vectors' });
  const max = options.maxWords ?? Infinity;
  // Distinct lower-cased words, first casing wins.
  const rows: number[] = [];
  const lower: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < words.length && lower.length < max; i++) {
    const l = words[i]!.toLowerCase();
    if (seen.has(l)) continue;
    seen.add(l);
    lower.push(l);
    rows.push(i);
  }
  if (lower.length < BRANCHING[0]) throw new ArgumentError(`${lower.length} distinct words cannot make ${BRANCHING[0]} clusters`, { key: 'words' });
  const code = new Int32Array(lower.length);
  // Splits the words `ids` (indices into lower/rows) at `level`, adding their branch to `code`.
  const split = (ids: number[], level: number, levelSeed: number): void => {
    if (level === BRANCHING.length || ids.length === 0) return;
    const k = Math.min(BRANCHING[level]!, ids.length);
    const sub = new Float32Array(ids.length * dim);
    ids.forEach((id, j) => sub.set(vectors.subarray(rows[id]! * dim, rows[id]! * dim + dim), j * dim));
    const keys = ids.map((_, j) => String(j));
    const assign = k >= 2 ? kmeansClusters(keys, sub, dim, { k, iterations, seed: levelSeed }) : new Map(keys.map((key) => [key, 0]));
    const groups: number[][] = Array.from({ length: k }, () => []);
    ids.forEach((id, j) => {
      const c = assign.get(keys[j]!)!;
      code[id] = code[id]! | (c << SHIFTS[level]!);
      groups[c]!.push(id);
    });
    groups.forEach((g, c) => split(g, level + 1, levelSeed * 31 + c + 1));
  };
  split(lower.map((_, i) => i), 0, seed);
  const out = new Map<string, number>();
  lower.forEach((w, i) => out.set(w, code[i]! & (CLUSTER_LEAVES - 1)));
  return out;
}
