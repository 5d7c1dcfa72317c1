/**
 * The index options of a SearchIndex's document vectors beyond `vectorField`: `embed` (vectors
 * computed by a pipeline with the `vectors` component, for documents and queries alike) and
 * `vectorIndex` (which nearest-neighbour index ranks the documents by vector in Node). Types,
 * frozen defaults and checks; a bad value is a ConfigError naming the key.
 */
import { ConfigError } from '../core/errors.js';
import { checkOptionKeys } from '../core/options.js';
import type { Doc as TextDoc } from '../core/doc.js';

/** Anything that turns text into a Doc whose `vector` is the mean of its token vectors (a pipeline with the `vectors` component). */
export type EmbeddingPipeline = (text: string) => TextDoc;

/** `embed`: document and query vectors computed by a pipeline. */
export interface EmbedOptions {
  /** A pipeline with the `vectors` component (e.g. `createPipeline` of a config listing it); `doc.vector` is used. */
  pipeline: EmbeddingPipeline;
  /** Fields whose text (joined by a blank line) is embedded: indexed fields (default: all indexed fields). */
  fields?: readonly string[];
}

/** `vectorIndex`: the index that ranks documents by vector (Node's `SearchIndex`; browsers scan). */
export interface VectorIndexChoice {
  /**
   * `'exact'` (default: a scan of the unit vectors), `'flat'` (the SIMD exact `VectorIndex`, same
   * results), `'hnsw'` (approximate HNSW graph) or `'auto'` (hnsw from `hnswMinDocs` vectors on,
   * flat below).
   */
  kind?: 'exact' | 'flat' | 'hnsw' | 'auto';
  /** `'auto'`: documents with a vector from which HNSW is used, an integer >= 1 (default 50,000). */
  hnswMinDocs?: number;
  /** HNSW links per node, 2..128 (default 16). */
  m?: number;
  /** HNSW build beam width, >= 1 (default 200). */
  efConstruction?: number;
  /** HNSW search beam width, >= 1 (default 128; raised to the candidates wanted). */
  efSearch?: number;
  /** HNSW level seed, an integer (default 1). */
  seed?: number;
}

/** Defaults of {@link VectorIndexChoice}. */
export const VECTOR_INDEX_CHOICE_DEFAULTS = Object.freeze({ kind: 'exact' as VectorIndexChoice['kind'], hnswMinDocs: 50_000, m: 16, efConstruction: 200, efSearch: 128, seed: 1 });

/** The checked `vectorIndex` with defaults. */
export type ResolvedVectorIndexChoice = Required<VectorIndexChoice>;

const intIn = (v: unknown, lo: number, hi: number): boolean => Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi;

/** Checks `vectorIndex` and fills its defaults (ConfigError naming `vectorIndex.<key>`). */
export function checkVectorIndexChoice(v: unknown): ResolvedVectorIndexChoice {
  if (v === undefined) return { ...VECTOR_INDEX_CHOICE_DEFAULTS } as ResolvedVectorIndexChoice;
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new ConfigError('vectorIndex must be an object { kind, hnswMinDocs, m, efConstruction, efSearch, seed }', { key: 'vectorIndex' });
  checkOptionKeys(v, Object.keys(VECTOR_INDEX_CHOICE_DEFAULTS), { what: 'vectorIndex', keyPrefix: 'vectorIndex', config: true });
  const r = { ...VECTOR_INDEX_CHOICE_DEFAULTS, ...(v as VectorIndexChoice) } as ResolvedVectorIndexChoice;
  if (!['exact', 'flat', 'hnsw', 'auto'].includes(r.kind)) throw new ConfigError(`vectorIndex.kind must be 'exact', 'flat', 'hnsw' or 'auto', got ${String(r.kind)}`, { key: 'vectorIndex.kind' });
  if (!intIn(r.hnswMinDocs, 1, 2 ** 31)) throw new ConfigError('vectorIndex.hnswMinDocs must be an integer >= 1', { key: 'vectorIndex.hnswMinDocs' });
  if (!intIn(r.m, 2, 128)) throw new ConfigError('vectorIndex.m must be an integer in [2, 128]', { key: 'vectorIndex.m' });
  if (!intIn(r.efConstruction, 1, 1 << 20)) throw new ConfigError('vectorIndex.efConstruction must be an integer >= 1', { key: 'vectorIndex.efConstruction' });
  if (!intIn(r.efSearch, 1, 1 << 20)) throw new ConfigError('vectorIndex.efSearch must be an integer >= 1', { key: 'vectorIndex.efSearch' });
  if (!Number.isSafeInteger(r.seed)) throw new ConfigError('vectorIndex.seed must be an integer', { key: 'vectorIndex.seed' });
  return r;
}

/** Checks `embed` against the indexed fields; returns it with `fields` filled in, or undefined. */
export function checkEmbed(e: unknown, fields: readonly string[], key = 'embed'): Required<EmbedOptions> | undefined {
  if (e === undefined) return undefined;
  if (!e || typeof e !== 'object' || Array.isArray(e)) throw new ConfigError(`${key} must be an object { pipeline, fields }`, { key });
  checkOptionKeys(e, ['pipeline', 'fields'], { what: key, keyPrefix: key, config: true });
  const o = e as EmbedOptions;
  if (typeof o.pipeline !== 'function') throw new ConfigError(`${key}.pipeline must be a pipeline (a function text -> Doc) with the "vectors" component`, { key: `${key}.pipeline` });
  const f = o.fields ?? fields;
  if (!Array.isArray(f) || !f.length || f.some((x) => !fields.includes(x))) throw new ConfigError(`${key}.fields must be a non-empty list of indexed fields (${fields.join(', ')})`, { key: `${key}.fields` });
  return { pipeline: o.pipeline, fields: [...f] };
}
