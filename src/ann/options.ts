/**
 * Every default of the vector index, once (`VECTOR_INDEX_DEFAULTS`, `VECTOR_SEARCH_DEFAULTS`), and
 * the option schemas checked by the shared checker (core/options.ts).
 */
import type { OptionSchema } from '../core/options.js';

/** How vectors are compared: cosine similarity, inner product, or Euclidean (L2) distance. */
export type VectorMetric = 'cosine' | 'ip' | 'l2';
/** `flat`: exact scan; `hnsw`: approximate graph search (Hierarchical Navigable Small World). */
export type VectorIndexKind = 'flat' | 'hnsw';
/** `none`: float32 only; `int8`: the HNSW walk uses int8 codes, then re-ranks with the float vectors. */
export type VectorQuantization = 'none' | 'int8';

/** Defaults of {@link VectorIndexOptions}. */
export const VECTOR_INDEX_DEFAULTS = Object.freeze({
  kind: 'hnsw' as VectorIndexKind,
  metric: 'cosine' as VectorMetric,
  m: 16,
  efConstruction: 200,
  efSearch: 64,
  seed: 1,
  quantization: 'none' as VectorQuantization,
  capacity: 1024,
});

/** Defaults of {@link VectorSearchOptions}. */
export const VECTOR_SEARCH_DEFAULTS = Object.freeze({ k: 10 });

/** Options of `VectorIndex.create`. */
export interface VectorIndexOptions {
  /** Vector length (required, 1-65536). */
  dim: number;
  /** `hnsw` (default) or `flat`. */
  kind?: VectorIndexKind;
  /** `cosine` (default; vectors are normalised on add), `ip` or `l2`. */
  metric?: VectorMetric;
  /** HNSW: links per node on the upper levels, twice that on level 0 (default 16, 2-128). */
  m?: number;
  /** HNSW: candidate list size while inserting (default 200, >= 1); larger is slower and more accurate. */
  efConstruction?: number;
  /** HNSW: default candidate list size while searching (default 64, >= 1), at least k is used. */
  efSearch?: number;
  /** HNSW: seed of the level assignment (default 1); equal seeds and inserts give equal graphs. */
  seed?: number;
  /** HNSW: `none` (default) or `int8` (walk on int8 codes, re-rank with float32). */
  quantization?: VectorQuantization;
  /** Vectors to make room for up front (default 1024; the index grows as needed). */
  capacity?: number;
}

/** Options of `VectorIndex.search` / `searchBatch`. */
export interface VectorSearchOptions {
  /** Keep only ids for which this returns true (the walk still passes through the others). */
  filter?: (id: number | string) => boolean;
  /** HNSW: candidate list size for this search (default: the index's efSearch; at least k is used). */
  efSearch?: number;
}

/** Schema of {@link VectorIndexOptions}. */
export const VECTOR_INDEX_SCHEMA: OptionSchema = {
  dim: { type: 'integer', min: 1, max: 65536, doc: 'vector length' },
  kind: { type: 'string', enum: ['flat', 'hnsw'], default: VECTOR_INDEX_DEFAULTS.kind },
  metric: { type: 'string', enum: ['cosine', 'ip', 'l2'], default: VECTOR_INDEX_DEFAULTS.metric },
  m: { type: 'integer', min: 2, max: 128, default: VECTOR_INDEX_DEFAULTS.m },
  efConstruction: { type: 'integer', min: 1, max: 1 << 20, default: VECTOR_INDEX_DEFAULTS.efConstruction },
  efSearch: { type: 'integer', min: 1, max: 1 << 20, default: VECTOR_INDEX_DEFAULTS.efSearch },
  seed: { type: 'integer', default: VECTOR_INDEX_DEFAULTS.seed },
  quantization: { type: 'string', enum: ['none', 'int8'], default: VECTOR_INDEX_DEFAULTS.quantization },
  capacity: { type: 'integer', min: 1, max: 2 ** 31 - 1, default: VECTOR_INDEX_DEFAULTS.capacity },
};

/** Schema of {@link VectorSearchOptions}. */
export const VECTOR_SEARCH_SCHEMA: OptionSchema = {
  filter: { type: 'function' },
  efSearch: { type: 'integer', min: 1, max: 1 << 20 },
};

/** {@link VectorIndexOptions} with every default filled in. */
export interface ResolvedIndexOptions {
  dim: number;
  kind: VectorIndexKind;
  metric: VectorMetric;
  m: number;
  efConstruction: number;
  efSearch: number;
  seed: number;
  quantization: VectorQuantization;
}
