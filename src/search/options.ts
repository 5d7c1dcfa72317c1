/**
 * The options of a `SearchIndex` and of its searches, in one place: the types (each field
 * with its default and range), the frozen defaults, `getDefault()`, the merge done once when an
 * index is built, and every check. A bad index option (a configuration, also read back from a
 * saved manifest) is a ConfigError; a bad per-call option (search, count, explain, suggest,
 * addAll) is an ArgumentError. Both name the key, e.g. `similarity.k1` or `rm3.fbDocs`.
 */
import { checkOptionKeys } from '../core/options.js';
import { ArgumentError, ConfigError } from '../core/errors.js';
import { bytesArgument } from '../io/binfmt-bytes.js';
import type { Analyzer, AnalyzerOptions } from './analyzer.js';
import { SIMILARITY_DEFAULTS, type SimilarityOptions } from './bm25.js';
import type { HighlightOptions } from './highlight.js';
import { PROXIMITY_DEFAULTS, type ProximityOptions } from './proximity.js';
import { RM3_DEFAULTS, type Rm3Options } from './rm3.js';
import type { HybridOptions } from './hybrid.js';
import { checkEmbed, checkVectorIndexChoice, type EmbedOptions, type ResolvedVectorIndexChoice, type VectorIndexChoice } from './vector-options.js';

/**
 * Options of `SearchIndex.create`.
 * @example { fields: ['title', 'text'], storeFields: ['title'], boosts: { title: 2 }, similarity: { k1: 0.9, b: 0.4 } }
 */
export interface Options {
  /** Fields to index (full text). Required: a non-empty list of distinct non-empty names. */
  fields: readonly string[];
  /** Field holding the unique document id (default `'id'`); ids are compared as strings. */
  idField?: string;
  /** Fields returned with results (default none). Stored as given (JSON). */
  storeFields?: readonly string[];
  /**
   * Language of the text (`de`, `fr`, `es`, `pt`, `nl`, `it`, `en`, `zh`, `ja`, `xx`): every
   * analyzer given as options without its own `language` or `pipeline` (the default one included)
   * uses that language's tokenizer, stop words and Snowball stemmer. Default none (English).
   */
  language?: string;
  /** Analyzer for every field: options or a built {@link Analyzer} (default: tokenizer, lower case, English stop words, Porter2). */
  analyzer?: AnalyzerOptions | Analyzer;
  /** Per-field analyzers overriding `analyzer`; keys must be indexed fields (default none). */
  fieldAnalyzers?: Readonly<Record<string, AnalyzerOptions | Analyzer>>;
  /** Per-field score multipliers, finite and >= 0 (default 1 each). */
  boosts?: Readonly<Record<string, number>>;
  /** Default scoring: model `'bm25'` or `'tfidf'`, k1 in [0, ∞) (default 1.2), b in [0, 1] (default 0.75). */
  similarity?: SimilarityOptions;
  /**
   * Document field holding an optional vector per document (a Float32Array or array of numbers,
   * all of one dimension, finite, not all zero) for hybrid search; not an indexed or stored field
   * (default none: no vectors; `'vector'` when `embed` is given).
   */
  vectorField?: string;
  /**
   * Compute each document's vector with a pipeline that has the `vectors` component (`doc.vector`
   * of the text of `embed.fields`, default all indexed fields), when the document does not give
   * one in `vectorField`; hybrid searches without a `vector` embed the query text the same way.
   * Default none.
   */
  embed?: EmbedOptions;
  /**
   * The nearest-neighbour index that ranks documents by vector (Node's `SearchIndex`; the browser
   * build always scans): `{ kind: 'exact' | 'flat' | 'hnsw' | 'auto', hnswMinDocs, m,
   * efConstruction, efSearch, seed }`, default `{ kind: 'exact' }`. Saved with the index.
   */
  vectorIndex?: VectorIndexChoice;
}

/** Options of `SearchIndex.create` (the same type as {@link Options}). */
export type SearchIndexOptions = Options;

/** {@link Options} with every default filled in: what an index keeps. */
export interface OptionsWithDefaults {
  readonly fields: readonly string[];
  readonly idField: string;
  readonly storeFields: readonly string[];
  readonly boosts: Readonly<Record<string, number>>;
  readonly similarity: Readonly<Required<SimilarityOptions>>;
  readonly vectorField: string | undefined;
  readonly embed: Required<EmbedOptions> | undefined;
  readonly vectorIndex: ResolvedVectorIndexChoice;
}

/** Options of `SearchIndex.search` (and of `count` and `explain`, which read the ones that apply). */
export interface SearchOptions {
  /** Number of results, an integer >= 0 (default 10). */
  topK?: number;
  /** Fields searched by unfielded terms, a non-empty list of indexed fields (default: all indexed fields). */
  fields?: readonly string[];
  /** Per-field boosts for this search, finite and >= 0, over the index's (default none). */
  boost?: Readonly<Record<string, number>>;
  /** BM25 parameters for this search: k1 in [0, ∞), b in [0, 1] (default the index's: k1 1.2, b 0.75). */
  bm25?: { k1?: number; b?: number };
  /** `'bm25'` or `'tfidf'` (default the index's similarity model, normally `'bm25'`). */
  model?: 'bm25' | 'tfidf';
  /** Keeps only docs for which it returns true; gets the id and the stored fields (default none). */
  filter?: (id: string, fields: Record<string, unknown> | undefined) => boolean;
  /** Throw a QuerySyntaxError on bad syntax or unknown fields (default false: fall back to plain terms). */
  strict?: boolean;
  /** Add `highlights` (best passage per stored text field) to each result (default false). */
  highlight?: boolean | HighlightOptions;
  /**
   * Term proximity for plain queries (words without operators): a sequential dependence model,
   * 0.85 × the terms + 0.10 × in-order pairs (at most 1 word apart) + 0.05 × pairs in any order
   * (at most 8 apart), see `proximity.ts`. `true` (default) uses those published defaults, an
   * object overrides them, `false` ranks by the terms' BM25 alone (Lucene's plain query).
   */
  proximity?: boolean | ProximityOptions;
  /**
   * RM3 pseudo-relevance feedback for plain queries: search, expand the query with terms of the
   * top docs, search again (Anserini's defaults: 10 docs, 10 terms, original weight 0.5; see
   * `rm3.ts`). Default false.
   */
  rm3?: boolean | Rm3Options;
  /**
   * Score each term of a plain query across the fields with BM25F (per-field length
   * normalization, boosts as field weights, one saturation; see `query/bm25f/`) instead of
   * summing per-field BM25 scores (Lucene's MultiFieldQueryParser). Default true; asking for it
   * with fields that have different analyzers or with `model: 'tfidf'` is an ArgumentError (by
   * default those are summed).
   */
  bm25f?: boolean;
  /**
   * A query vector (the index's `vectorField` dimension): documents are also ranked by cosine
   * similarity to it and the two rankings fused as `hybrid` says (default reciprocal rank
   * fusion, k 60). With an empty query string the vector ranking alone is returned.
   */
  vector?: Float32Array | readonly number[];
  /** How BM25 and vector rankings are fused (see {@link HybridOptions}); needs `vector`. */
  hybrid?: HybridOptions;
}

/** Defaults of {@link SearchOptions}. */
export const SEARCH_DEFAULTS = Object.freeze({ topK: 10, strict: false, proximity: true as boolean, rm3: false as boolean, bm25f: true as boolean });

/** Defaults of {@link Options} (the index's), with the search defaults under `searchOptions`. */
export const DEFAULTS = Object.freeze({
  idField: 'id',
  storeFields: Object.freeze([]) as readonly string[],
  fieldAnalyzers: Object.freeze({}) as Readonly<Record<string, AnalyzerOptions | Analyzer>>,
  boosts: Object.freeze({}) as Readonly<Record<string, number>>,
  similarity: SIMILARITY_DEFAULTS,
  searchOptions: SEARCH_DEFAULTS,
});

/**
 * The default of an option (MiniSearch's `getDefault`).
 * @example getDefault('idField') // 'id'
 * @example getDefault('searchOptions').topK // 10
 */
export function getDefault<K extends keyof typeof DEFAULTS>(name: K): (typeof DEFAULTS)[K] {
  if (!Object.prototype.hasOwnProperty.call(DEFAULTS, name)) throw new ArgumentError(`no default for "${String(name)}"; options with defaults: ${Object.keys(DEFAULTS).join(', ')}`, { key: String(name) });
  return DEFAULTS[name];
}

/** Checks index options and merges the defaults in, once. */
export function withDefaults(o: Options): OptionsWithDefaults {
  checkOptions(o);
  return {
    fields: [...o.fields],
    idField: o.idField ?? DEFAULTS.idField,
    storeFields: [...(o.storeFields ?? DEFAULTS.storeFields)],
    boosts: { ...DEFAULTS.boosts, ...(o.boosts ?? {}) },
    similarity: { ...DEFAULTS.similarity, ...(o.similarity ?? {}) },
    vectorField: checkVectorField(o),
    embed: checkEmbed(o.embed, o.fields),
    vectorIndex: checkVectorIndexChoice(o.vectorIndex),
  };
}

// The vector field must be a name of its own: an indexed or id field holds text.
function checkVectorField(o: Options): string | undefined {
  const v = o.vectorField ?? (o.embed !== undefined ? 'vector' : undefined);
  if (v === undefined) {
    if (o.vectorIndex !== undefined) throw new ConfigError('vectorIndex needs document vectors (vectorField or embed)', { key: 'vectorIndex' });
    return undefined;
  }
  if (typeof v !== 'string' || v === '') throw new ConfigError('vectorField must be a non-empty field name', { key: 'vectorField' });
  if (o.fields.includes(v) || v === (o.idField ?? DEFAULTS.idField)) throw new ConfigError(`vectorField "${v}" is also an indexed or id field`, { key: 'vectorField' });
  if ((o.storeFields ?? []).includes(v)) throw new ConfigError(`vectorField "${v}" cannot be a stored field (vectors are kept apart)`, { key: 'vectorField' });
  return v;
}

const INDEX_OPTION_KEYS = ['fields', 'idField', 'storeFields', 'language', 'analyzer', 'fieldAnalyzers', 'boosts', 'similarity', 'vectorField', 'embed', 'vectorIndex'];

/** Checks index options; a bad one is a ConfigError naming the key. */
export function checkOptions(o: Options): void {
  if (!o || typeof o !== 'object') throw new ConfigError('SearchIndex.create needs an options object { fields, ... }', { key: 'options' });
  // A misspelt key (`storFields`) was ignored without a word.
  checkOptionKeys(o, INDEX_OPTION_KEYS, { what: 'SearchIndex', config: true });
  if (!Array.isArray(o.fields) || o.fields.length === 0) throw new ConfigError('fields must be a non-empty list of field names', { key: 'fields' });
  if (o.idField !== undefined && (typeof o.idField !== 'string' || !o.idField)) throw new ConfigError('idField must be a non-empty string', { key: 'idField' });
  // A string here was spread into its letters ('title' -> t, i, t, l, e).
  if (o.storeFields !== undefined && (!Array.isArray(o.storeFields) || o.storeFields.some((f) => typeof f !== 'string' || !f))) throw new ConfigError('storeFields must be a list of field names', { key: 'storeFields' });
  if (o.boosts !== undefined && (typeof o.boosts !== 'object' || o.boosts === null)) throw new ConfigError('boosts must be an object { field: number }', { key: 'boosts' });
  for (const f of o.fields) if (typeof f !== 'string' || !f) throw new ConfigError('field names must be non-empty strings', { key: 'fields' });
  if (new Set(o.fields).size !== o.fields.length) throw new ConfigError('fields has duplicates', { key: 'fields' });
  for (const [f, b] of Object.entries(o.boosts ?? {})) {
    if (!o.fields.includes(f)) throw new ConfigError(`boost for unknown field "${f}"`, { key: `boosts.${f}` });
    if (typeof b !== 'number' || !(b >= 0) || b === Infinity) throw new ConfigError(`boost must be a finite non-negative number`, { key: `boosts.${f}` });
  }
  for (const f of Object.keys(o.fieldAnalyzers ?? {})) if (!o.fields.includes(f)) throw new ConfigError(`analyzer for unknown field "${f}"`, { key: `fieldAnalyzers.${f}` });
  const s = o.similarity ?? {};
  if (typeof s !== 'object' || s === null) throw new ConfigError('similarity must be an object { model, k1, b }', { key: 'similarity' });
  checkOptionKeys(s, Object.keys(SIMILARITY_DEFAULTS), { what: 'similarity', keyPrefix: 'similarity', config: true });
  if (s.model !== undefined && s.model !== 'bm25' && s.model !== 'tfidf') throw new ConfigError(`similarity.model must be 'bm25' or 'tfidf'`, { key: 'similarity.model' });
  if (s.k1 !== undefined && !(typeof s.k1 === 'number' && s.k1 >= 0 && s.k1 < Infinity)) throw new ConfigError('similarity.k1 must be a finite number >= 0', { key: 'similarity.k1' });
  if (s.b !== undefined && !(typeof s.b === 'number' && s.b >= 0 && s.b <= 1)) throw new ConfigError('similarity.b must be a number in [0, 1]', { key: 'similarity.b' });
}

const SEARCH_OPTION_KEYS = Object.keys({ topK: 0, fields: 0, boost: 0, bm25: 0, model: 0, filter: 0, strict: 0, highlight: 0, proximity: 0, bm25f: 0, rm3: 0, vector: 0, hybrid: 0 } satisfies Record<keyof SearchOptions, 0>);

/** Search options are an object of known keys: `{ topk: 3 }` or `{ limit: 3 }` was ignored without a word. */
export function checkSearchOptions(o: unknown): void {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new ArgumentError(`search options must be an object, got ${o === null ? 'null' : typeof o}`, { key: 'options' });
  checkOptionKeys(o, SEARCH_OPTION_KEYS, { what: 'search' });
}

/** The checked `topK`: an integer >= 0, default 10. */
export function topKOf(o: SearchOptions): number {
  const topK = o.topK ?? SEARCH_DEFAULTS.topK;
  if (!Number.isInteger(topK) || topK < 0) throw new ArgumentError(`topK must be a non-negative integer, got ${topK}`, { key: 'topK' });
  return topK;
}

/** The similarity of one search: the index's, overridden by `model` and `bm25`, checked. */
export function searchSimilarity(o: SearchOptions, dflt: Readonly<Required<SimilarityOptions>>): Required<SimilarityOptions> {
  const model = o.model ?? dflt.model;
  // A typo (`{ K1: 2 }`) or a non-object would otherwise be ignored without a word.
  if (o.bm25 !== undefined && (typeof o.bm25 !== 'object' || o.bm25 === null || Array.isArray(o.bm25))) throw new ArgumentError(`bm25 must be an object { k1, b }, got ${JSON.stringify(o.bm25)}`, { key: 'bm25' });
  if (o.bm25) checkOptionKeys(o.bm25, ['k1', 'b'], { what: 'bm25', keyPrefix: 'bm25' });
  const k1 = o.bm25?.k1 ?? dflt.k1;
  const b = o.bm25?.b ?? dflt.b;
  // Lucene's BM25Similarity: k1 "must be a non-negative finite value" (k1 = Infinity scored every hit 0).
  if (typeof k1 !== 'number' || !(k1 >= 0 && k1 < Infinity)) throw new ArgumentError(`bm25.k1 must be a finite number >= 0, got ${String(k1)}`, { key: 'bm25.k1' });
  if (typeof b !== 'number' || !(b >= 0 && b <= 1)) throw new ArgumentError(`bm25.b must be a number in [0, 1], got ${String(b)}`, { key: 'bm25.b' });
  if (model !== 'bm25' && model !== 'tfidf') throw new ArgumentError(`model must be 'bm25' or 'tfidf', got ${String(model)}`, { key: 'model' });
  return { model, k1, b };
}

/** The fields searched by unfielded terms: `fields` (a non-empty list of indexed fields) or all of `indexed`. */
export function searchedFields(o: Pick<SearchOptions, 'fields'>, indexed: readonly string[]): readonly string[] {
  const fields = o.fields ?? indexed;
  if (!Array.isArray(fields) || !fields.length) throw new ArgumentError('fields must be a non-empty list of indexed fields', { key: 'fields' });
  for (const f of fields) if (!indexed.includes(f)) throw new ArgumentError(`"${f}" is not an indexed field; indexed: ${indexed.join(', ')}`, { key: 'fields' });
  return fields;
}

/** The index's field boosts overridden by the search's `boost` (indexed fields, numbers >= 0). */
export function searchBoosts(o: Pick<SearchOptions, 'boost'>, indexed: readonly string[], boosts: Readonly<Record<string, number>>): Record<string, number> {
  const extra = o.boost ?? {};
  if (typeof extra !== 'object' || extra === null) throw new ArgumentError('boost must be an object { field: number }', { key: 'boost' });
  for (const [f, b] of Object.entries(extra)) {
    if (!indexed.includes(f)) throw new ArgumentError(`boost for "${f}", which is not an indexed field; indexed: ${indexed.join(', ')}`, { key: `boost.${f}` });
    if (typeof b !== 'number' || !(b >= 0) || b === Infinity) throw new ArgumentError(`boost.${f} must be a finite number >= 0, got ${String(b)}`, { key: `boost.${f}` });
  }
  return { ...boosts, ...extra };
}

/** The checked ranking features of search options (null: off, true: their defaults, or the options given). */
export interface RankingFeatures {
  prox: ProximityOptions | true | null;
  rm3: Rm3Options | true | null;
}

/** Checks the search options and returns the ranking features they ask for. */
export function rankingFeatures(o: SearchOptions): RankingFeatures {
  checkSearchOptions(o);
  const prox = featureOptions(o.proximity, SEARCH_DEFAULTS.proximity, 'proximity');
  const rm3 = featureOptions(o.rm3, SEARCH_DEFAULTS.rm3, 'rm3');
  if (prox && prox !== true) checkProximity(prox);
  if (rm3 && rm3 !== true) checkRm3(rm3);
  if (o.bm25f !== undefined && typeof o.bm25f !== 'boolean') throw new ArgumentError(`bm25f must be true or false, got ${JSON.stringify(o.bm25f)}`, { key: 'bm25f' });
  if (o.strict !== undefined && typeof o.strict !== 'boolean') throw new ArgumentError(`strict must be true or false, got ${JSON.stringify(o.strict)}`, { key: 'strict' });
  return { prox, rm3 };
}

// A feature option: false/true/an options object; undefined takes the default.
function featureOptions<T extends object>(v: boolean | T | undefined, dflt: boolean, key: string): T | true | null {
  if (v === undefined) return dflt ? true : null;
  if (v === true || v === false) return v ? true : null;
  if (v && typeof v === 'object') return v;
  throw new ArgumentError(`${key} must be true, false or an options object`, { key });
}

function checkProximity(o: ProximityOptions): void {
  // A misspelt option (e.g. `orderedslop`) would otherwise be ignored without a word.
  checkOptionKeys(o, Object.keys(PROXIMITY_DEFAULTS), { what: 'proximity', keyPrefix: 'proximity' });
  const w = o.weights;
  if (w !== undefined && !(Array.isArray(w) && w.length === 3 && w.every((x) => Number.isFinite(x) && x >= 0))) {
    throw new ArgumentError('proximity.weights must be three finite non-negative numbers (terms, ordered, unordered)', { key: 'proximity.weights' });
  }
  for (const k of ['orderedSlop', 'unorderedSlop'] as const) {
    const v = o[k];
    if (v !== undefined && !(Number.isInteger(v) && v >= 0)) throw new ArgumentError(`proximity.${k} must be a non-negative integer, got ${v}`, { key: `proximity.${k}` });
  }
}

function checkRm3(o: Rm3Options): void {
  checkOptionKeys(o, Object.keys(RM3_DEFAULTS), { what: 'rm3', keyPrefix: 'rm3' });
  for (const k of ['fbDocs', 'fbTerms'] as const) {
    const v = o[k];
    if (v !== undefined && !(Number.isInteger(v) && v > 0)) throw new ArgumentError(`rm3.${k} must be a positive integer, got ${v}`, { key: `rm3.${k}` });
  }
  const w = o.originalQueryWeight;
  if (w !== undefined && !(w >= 0 && w <= 1)) throw new ArgumentError(`rm3.originalQueryWeight must be in [0, 1], got ${w}`, { key: 'rm3.originalQueryWeight' });
}

/** The checked `filter` of search options: a function or undefined. */
export function filterOf(o: SearchOptions): SearchOptions['filter'] {
  const filter = o.filter;
  if (filter !== undefined && typeof filter !== 'function') throw new ArgumentError('filter must be a function (id, storedFields) => boolean', { key: 'filter' });
  return filter;
}

/** Options of `SearchIndex.load`. */
export interface LoadOptions {
  /** Overrides the saved analyzer pipelines of every field, e.g. to pass a built Nlp (default: the saved ones). */
  analyzer?: AnalyzerOptions | Analyzer;
  /** The pipeline that computes vectors of new documents and of queries, for an index built with `embed` (its saved fields are used unless given). */
  embed?: EmbedOptions | Pick<EmbedOptions, 'pipeline'>;
}

/** Checks `load`'s arguments: a directory path and an options object of known keys. */
export function checkLoad(dir: unknown, o: unknown): void {
  if (typeof dir !== 'string' || !dir) throw new ArgumentError('load needs an index directory path', { key: 'dir' });
  if (typeof o !== 'object' || o === null) throw new ArgumentError('load options must be an object { analyzer, embed }', { key: 'options' });
  checkOptionKeys(o, ['analyzer', 'embed'], { what: 'load' });
}

/** Checks `SearchIndex.fromBytes`'s arguments. */
export function checkBytesLoad(bytes: unknown, o: unknown): void {
  bytesArgument(bytes, 'the bytes toBytes returned');
  if (typeof o !== 'object' || o === null) throw new ArgumentError('fromBytes options must be an object { analyzer, embed }', { key: 'options' });
  checkOptionKeys(o, ['analyzer', 'embed'], { what: 'fromBytes' });
}

/** Options of `SearchIndex.suggest`. */
export interface SuggestOptions {
  /** Most suggestions returned, an integer >= 0 (default 10). */
  limit?: number;
  /** Fields whose terms complete the word, indexed fields (default all indexed fields). */
  fields?: readonly string[];
}

/** Defaults of {@link SuggestOptions} (`fields` unset: all indexed fields). */
export const SUGGEST_DEFAULTS = Object.freeze({ limit: 10 });

/** The checked `limit` of suggest options (default 10). */
export function suggestLimit(o: SuggestOptions): number {
  const limit = o.limit ?? SUGGEST_DEFAULTS.limit;
  if (!Number.isInteger(limit) || limit < 0) throw new ArgumentError(`limit must be a non-negative integer, got ${limit}`, { key: 'limit' });
  return limit;
}
