/**
 * `SearchIndex`: a full-text index with BM25 ranking, a query language, snippets, suggestions and
 * crash-safe persistence. See `docs/search.md`.
 */
import { join } from 'node:path';
import { INSPECT } from '../util/inspect.js';
import { checkOptionKeys } from '../core/options.js';
import { ArgumentError, ConfigError, FormatError } from '../core/errors.js';
import { Analyzer, lastCompoundPart, type AnalyzerOptions, type AnalyzerSpec } from './analyzer.js';
import { SIMILARITY_DEFAULTS, type SimilarityOptions } from './bm25.js';
import { collectTopK, countMatches } from './collector.js';
import { IndexDirectory, type Manifest } from './directory.js';
import { bestPassage, checkHighlightOptions, type Highlight, type HighlightOptions } from './highlight.js';
import { decodeDocs, decodeField, decodeStore, encodeDocs, encodeField, KIND } from './persist.js';
import { buildQuery } from './query/build.js';
import { parseLenient, parseQuery, type QueryNode } from './query/parser.js';
import { NO_MORE_DOCS, SearchContext, type Explanation, type Query } from './query/types.js';
import { FieldData, Segment } from './segment.js';
import { plainQueryWords, PROXIMITY_DEFAULTS, sequentialDependenceQuery, termClauses, type ProximityOptions } from './proximity.js';
import { RM3_DEFAULTS, rm3Expansion, type Rm3Options } from './rm3.js';
import { BooleanQuery, type BooleanClause } from './query/boolean/boolean-query.js';
import { unknownFieldsAsWords } from './query/lenient-fields.js';

/** Options of {@link SearchIndex.create}. */
export interface SearchIndexOptions {
  /** Fields to index (full text). Required, at least one. */
  fields: readonly string[];
  /** Field holding the unique document id (default `'id'`); ids are compared as strings. */
  idField?: string;
  /** Fields returned with results (default none). Stored as given (JSON). */
  storeFields?: readonly string[];
  /** Analyzer for every field: options or a built {@link Analyzer} (default: tokenizer, lower case, English stop words, Porter2). */
  analyzer?: AnalyzerOptions | Analyzer;
  /** Per-field analyzers overriding `analyzer`. */
  fieldAnalyzers?: Readonly<Record<string, AnalyzerOptions | Analyzer>>;
  /** Per-field score multipliers (default 1 each). */
  boosts?: Readonly<Record<string, number>>;
  /** Default scoring: `{ model: 'bm25', k1: 1.2, b: 0.75 }`. */
  similarity?: SimilarityOptions;
}

/** Options of {@link SearchIndex.search}. */
export interface SearchOptions {
  /** Number of results (default 10). */
  topK?: number;
  /** Fields searched by unfielded terms (default: all indexed fields). */
  fields?: readonly string[];
  /** Per-field boosts for this search, over the index's. */
  boost?: Readonly<Record<string, number>>;
  /** BM25 parameters for this search (default the index's: k1 1.2, b 0.75). */
  bm25?: { k1?: number; b?: number };
  /** `'bm25'` (default) or `'tfidf'`. */
  model?: 'bm25' | 'tfidf';
  /** Keeps only docs for which it returns true; gets the id and the stored fields. */
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
}

/** Defaults of {@link SearchOptions}. */
export const SEARCH_DEFAULTS = Object.freeze({ topK: 10, strict: false, proximity: true as boolean, rm3: false as boolean, bm25f: true as boolean });

/** One search hit. */
export interface SearchResult {
  id: string;
  score: number;
  /** Stored fields, when the index stores any. */
  fields?: Record<string, unknown>;
  /** Field -> marked passage, when `highlight` was asked and a stored field matched. */
  highlights?: Record<string, string>;
}

/** Options of {@link SearchIndex.addAll}. */
export interface AddAllOptions {
  /** Called with the number of documents added so far, every `progressEvery` docs and at the end. */
  onProgress?: (added: number) => void;
  /** Progress interval (default 1000). */
  progressEvery?: number;
}

/** A suggestion of {@link SearchIndex.suggest}. */
export interface Suggestion {
  /** The completed query (earlier words kept, last word completed with a surface form). */
  suggestion: string;
  /** The index term (analyzed form) completing the last word. */
  term: string;
  /** Documents containing the term (summed over fields). */
  df: number;
}

type Doc = Record<string, unknown>;

/**
 * A full-text search index.
 * @example
 * const index = await SearchIndex.create({ fields: ['title', 'text'], storeFields: ['title'] });
 * index.addAll(docs);
 * index.search('wing AND "boundary layer"', { topK: 5 }); // [{ id, score, fields: { title } }]
 * await index.save('my-index'); const again = await SearchIndex.load('my-index');
 */
export class SearchIndex {
  /** Indexed fields. */
  readonly fields: readonly string[];
  /** The id field. */
  readonly idField: string;
  /** Stored fields. */
  readonly storeFields: readonly string[];
  /** Field boosts. */
  readonly boosts: Readonly<Record<string, number>>;
  /** Default similarity. */
  readonly similarity: Readonly<Required<SimilarityOptions>>;
  private readonly analyzers: Map<string, Analyzer>;
  private seg: Segment;

  private constructor(o: SearchIndexOptions, analyzers: Map<string, Analyzer>) {
    this.fields = [...o.fields];
    this.idField = o.idField ?? 'id';
    this.storeFields = [...(o.storeFields ?? [])];
    this.boosts = { ...(o.boosts ?? {}) };
    this.similarity = { ...SIMILARITY_DEFAULTS, ...(o.similarity ?? {}) };
    this.analyzers = analyzers;
    this.seg = new Segment(this.fields);
    // Per field (in segment order), its analyzer and a string lookup, made once rather than per doc.
    this.fieldAnalyzers = this.fields.map((f) => analyzers.get(f)!);
    this.fieldStrings = this.fieldAnalyzers.map((a) => {
      const strings = a.strings;
      return (sid: number) => strings.get(sid);
    });
  }

  private readonly fieldAnalyzers: Analyzer[];
  private readonly fieldStrings: ((sid: number) => string)[];

  /** Builds an empty index; bad options raise a ConfigError naming the key. */
  static async create(options: SearchIndexOptions): Promise<SearchIndex> {
    checkOptions(options);
    const shared = new Map<AnalyzerOptions | Analyzer | undefined, Analyzer>();
    const get = async (a: AnalyzerOptions | Analyzer | undefined): Promise<Analyzer> => {
      if (a instanceof Analyzer) return a;
      let r = shared.get(a);
      if (!r) shared.set(a, (r = await Analyzer.create(a ?? {})));
      return r;
    };
    const analyzers = new Map<string, Analyzer>();
    for (const f of options.fields) analyzers.set(f, await get(options.fieldAnalyzers?.[f] ?? options.analyzer));
    return new SearchIndex(options, analyzers);
  }

  /** Number of live documents. */
  get documentCount(): number {
    return this.seg.liveCount;
  }

  /** Number of deleted documents still taking space until {@link compact}. */
  get deletedCount(): number {
    return this.seg.deleted;
  }

  /**
   * A one-line summary: live documents, deleted ones (when any), fields and distinct terms summed
   * over fields, e.g. `SearchIndex(docs=1400, fields=[title, text], terms=9021)`.
   */
  toString(): string {
    let terms = 0;
    for (const f of this.seg.fields) terms += f.dict.size;
    const deleted = this.seg.deleted ? `, deleted=${this.seg.deleted}` : '';
    return `SearchIndex(docs=${this.seg.liveCount}${deleted}, fields=[${this.fields.join(', ')}], terms=${terms})`;
  }

  /** `util.inspect` / `console.log`: the {@link toString} summary. */
  [INSPECT](): string {
    return this.toString();
  }

  /** The analyzer of a field. */
  analyzer(field: string): Analyzer {
    const a = this.analyzers.get(field);
    if (!a) throw new ArgumentError(`"${field}" is not an indexed field; indexed: ${this.fields.join(', ')}`, { key: field });
    return a;
  }

  /** Whether a live document has this id. */
  has(id: string | number): boolean {
    return this.seg.byId.has(String(id));
  }

  /** Adds one document; its id must be new (use {@link update} to replace). */
  add(doc: Doc): void {
    const id = this.idOf(doc);
    if (this.seg.byId.has(id)) throw new ArgumentError(`a document with id "${id}" is already indexed (use update)`, { key: this.idField });
    this.index(id, doc, this.storedJson(id, doc));
  }

  /**
   * Adds many documents from an array, iterable or async iterable. An array is checked whole
   * first (ids new and distinct, fields and stored values usable): a bad document adds none of
   * them. Streams are added as they come; an error names how many were added before it.
   */
  addAll(docs: Iterable<Doc>, options?: AddAllOptions): void;
  addAll(docs: AsyncIterable<Doc>, options?: AddAllOptions): Promise<void>;
  addAll(docs: Iterable<Doc> | AsyncIterable<Doc>, options: AddAllOptions = {}): void | Promise<void> {
    const every = options.progressEvery ?? 1000;
    if (!Number.isInteger(every) || every < 1) throw new ArgumentError(`progressEvery must be a positive integer, got ${String(every)}`, { key: 'progressEvery' });
    if (options.onProgress !== undefined && typeof options.onProgress !== 'function') throw new ArgumentError('onProgress must be a function (added) => void', { key: 'onProgress' });
    let n = 0;
    const one = (d: Doc) => {
      try {
        this.add(d);
      } catch (e) {
        if (e instanceof ArgumentError && n > 0) throw new ArgumentError(`${e.message.replace(/ \(at .*\)$/, '')}; the ${n} document(s) before it were added`, e.where);
        throw e;
      }
      n++;
      if (options.onProgress && n % every === 0) options.onProgress(n);
    };
    if (Array.isArray(docs)) {
      const ready = this.prepareAll(docs);
      for (let i = 0; i < docs.length; i++) {
        this.index(ready[i]!.id, docs[i] as Doc, ready[i]!.json);
        n++;
        if (options.onProgress && n % every === 0) options.onProgress(n);
      }
      options.onProgress?.(n);
      return;
    }
    if (docs && typeof (docs as AsyncIterable<Doc>)[Symbol.asyncIterator] === 'function') {
      return (async () => {
        for await (const d of docs as AsyncIterable<Doc>) one(d);
        options.onProgress?.(n);
      })();
    }
    if (!docs || typeof (docs as Iterable<Doc>)[Symbol.iterator] !== 'function') throw new ArgumentError('addAll needs an iterable or async iterable of documents');
    for (const d of docs as Iterable<Doc>) one(d);
    options.onProgress?.(n);
  }

  // Checks a whole batch before any of it is indexed.
  private prepareAll(docs: readonly Doc[]): { id: string; json: string | undefined }[] {
    const seen = new Set<string>();
    return docs.map((doc, i) => {
      try {
        const id = this.idOf(doc);
        if (this.seg.byId.has(id) || seen.has(id)) throw new ArgumentError(`a document with id "${id}" is already ${seen.has(id) ? 'earlier in the batch' : 'indexed (use update)'}`, { key: this.idField });
        seen.add(id);
        return { id, json: this.storedJson(id, doc) };
      } catch (e) {
        if (e instanceof ArgumentError) throw new ArgumentError(`documents[${i}]: ${e.message.replace(/ \(at .*\)$/, '')}; nothing was added`, e.where);
        throw e;
      }
    });
  }

  /** Removes a document (a tombstone until {@link compact}); returns whether it existed. */
  remove(id: string | number): boolean {
    const d = this.seg.byId.get(String(id));
    if (d === undefined) return false;
    this.seg.kill(d);
    return true;
  }

  /** Replaces the document with the same id (or adds it). */
  update(doc: Doc): void {
    const id = this.idOf(doc);
    const json = this.storedJson(id, doc); // a bad doc must leave the old one in place
    const d = this.seg.byId.get(id);
    if (d !== undefined) this.seg.kill(d);
    this.index(id, doc, json);
  }

  /** The stored fields of a live document, or undefined. */
  getStored(id: string | number): Record<string, unknown> | undefined {
    const d = this.seg.byId.get(String(id));
    return d === undefined ? undefined : this.seg.store.get(d);
  }

  private idOf(doc: Doc): string {
    if (!doc || typeof doc !== 'object') throw new ArgumentError('a document must be an object');
    const v = doc[this.idField];
    if (v === undefined || v === null || (typeof v !== 'string' && typeof v !== 'number') || v === '' || (typeof v === 'number' && !Number.isFinite(v))) {
      throw new ArgumentError(`document has no usable "${this.idField}" (a non-empty string or a finite number), got ${typeof v === 'number' ? v : JSON.stringify(v) ?? String(v)}`, { key: this.idField });
    }
    for (const f of this.fields) {
      if (!indexable(doc[f])) throw new ArgumentError(`field "${f}" of document "${String(v)}" must be a string, a number, a boolean or an array of them, got ${describeValue(doc[f])}`, { key: f });
    }
    return String(v);
  }

  // The stored fields as JSON, checked before the doc is indexed: a value JSON cannot hold (a
  // BigInt, a cycle) used to throw a TypeError after the doc was half added.
  private storedJson(id: string, doc: Doc): string | undefined {
    if (!this.storeFields.length) return undefined;
    const stored: Record<string, unknown> = {};
    for (const k of this.storeFields) if (doc[k] !== undefined) stored[k] = doc[k];
    try {
      return JSON.stringify(stored);
    } catch (e) {
      const bad = this.storeFields.find((k) => {
        try {
          JSON.stringify(doc[k]);
          return false;
        } catch {
          return true;
        }
      });
      throw new ArgumentError(`stored field "${bad}" of document "${id}" cannot be stored as JSON: ${(e as Error).message.split('\n')[0]}`, { key: bad ?? this.storeFields[0]! });
    }
  }

  private index(id: string, doc: Doc, storedJson: string | undefined): void {
    const seg = this.seg;
    const d = seg.newDoc(id);
    const fields = seg.fields;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      const a = this.fieldAnalyzers[i]!;
      f.addDoc(d, a.analyze(fieldText(doc[f.name])), this.fieldStrings[i]!);
    }
    if (storedJson !== undefined) seg.store.setJson(d, storedJson);
  }

  /** Parses (strictly or leniently) and builds a query for this index. */
  parse(query: string | QueryNode, options: Pick<SearchOptions, 'fields' | 'boost' | 'strict'> = {}): Query | null {
    const strict = options.strict ?? SEARCH_DEFAULTS.strict;
    const fields = this.searchedFields(options);
    const opts = { fields, allFields: this.fields, boosts: this.searchBoosts(options), analyzer: (f: string) => this.analyzer(f), strict };
    if (typeof query !== 'string') return buildQuery(query, opts);
    if (strict) return buildQuery(parseQuery(query), opts);
    try {
      return buildQuery(unknownFieldsAsWords(parseLenient(query), this.fields), opts);
    } catch {
      return buildQuery(parseLenient(query.replace(/[:]/g, ' ')), { ...opts, strict: false });
    }
  }

  // The fields searched by unfielded terms: `fields` (a non-empty list of indexed fields) or all.
  private searchedFields(o: Pick<SearchOptions, 'fields'>): readonly string[] {
    const fields = o.fields ?? this.fields;
    if (!Array.isArray(fields) || !fields.length) throw new ArgumentError('fields must be a non-empty list of indexed fields', { key: 'fields' });
    for (const f of fields) if (!this.analyzers.has(f)) throw new ArgumentError(`"${f}" is not an indexed field; indexed: ${this.fields.join(', ')}`, { key: 'fields' });
    return fields;
  }

  // The index's field boosts overridden by the search's `boost` (indexed fields, numbers >= 0).
  private searchBoosts(o: Pick<SearchOptions, 'boost'>): Record<string, number> {
    const extra = o.boost ?? {};
    if (typeof extra !== 'object' || extra === null) throw new ArgumentError('boost must be an object { field: number }', { key: 'boost' });
    for (const [f, b] of Object.entries(extra)) {
      if (!this.analyzers.has(f)) throw new ArgumentError(`boost for "${f}", which is not an indexed field; indexed: ${this.fields.join(', ')}`, { key: `boost.${f}` });
      if (typeof b !== 'number' || !(b >= 0) || b === Infinity) throw new ArgumentError(`boost.${f} must be a finite number >= 0, got ${String(b)}`, { key: `boost.${f}` });
    }
    return { ...this.boosts, ...extra };
  }

  // Live docs passing the search's filter: the results and RM3's feedback docs come from these.
  private acceptor(o: SearchOptions): (d: number) => boolean {
    const seg = this.seg;
    const alive = seg.alive;
    const filter = o.filter;
    if (filter !== undefined && typeof filter !== 'function') throw new ArgumentError('filter must be a function (id, storedFields) => boolean', { key: 'filter' });
    return filter ? (d) => alive[d] === 1 && filter(seg.ids[d]!, seg.store.get(d)) : (d) => alive[d] === 1;
  }

  private context(o: SearchOptions): SearchContext {
    const model = o.model ?? this.similarity.model;
    // A typo (`{ K1: 2 }`) or a non-object would otherwise be ignored without a word.
    if (o.bm25 !== undefined && (typeof o.bm25 !== 'object' || o.bm25 === null || Array.isArray(o.bm25))) throw new ArgumentError(`bm25 must be an object { k1, b }, got ${JSON.stringify(o.bm25)}`, { key: 'bm25' });
    if (o.bm25) checkKeys(o.bm25, ['k1', 'b'], 'bm25');
    const k1 = o.bm25?.k1 ?? this.similarity.k1;
    const b = o.bm25?.b ?? this.similarity.b;
    // Lucene's BM25Similarity: k1 "must be a non-negative finite value" (k1 = Infinity scored every hit 0).
    if (typeof k1 !== 'number' || !(k1 >= 0 && k1 < Infinity)) throw new ArgumentError(`bm25.k1 must be a finite number >= 0, got ${String(k1)}`, { key: 'bm25.k1' });
    if (typeof b !== 'number' || !(b >= 0 && b <= 1)) throw new ArgumentError(`bm25.b must be a number in [0, 1], got ${String(b)}`, { key: 'bm25.b' });
    if (model !== 'bm25' && model !== 'tfidf') throw new ArgumentError(`model must be 'bm25' or 'tfidf', got ${String(model)}`, { key: 'model' });
    return new SearchContext(this.seg, model, k1, b);
  }

  /**
   * Ranked search. A syntax error never throws unless `strict` (the query then falls back to its
   * plain words).
   * @example index.search('title:wing^2 +flow -"supersonic flow"', { topK: 10 })
   */
  search(query: string | Query, options: SearchOptions = {}): SearchResult[] {
    checkSearchOptions(options);
    const topK = options.topK ?? SEARCH_DEFAULTS.topK;
    if (!Number.isInteger(topK) || topK < 0) throw new ArgumentError(`topK must be a non-negative integer, got ${topK}`, { key: 'topK' });
    checkQuery(query);
    const ctx = this.context(options);
    const features = rankingFeatures(options); // bad feature options are errors even where they do not apply
    if (options.highlight !== undefined && typeof options.highlight !== 'boolean') checkHighlightOptions(options.highlight, 'highlight');
    const seg = this.seg;
    const accept = this.acceptor(options);
    // topK 0 still parses (strict mode reports syntax errors) but skips RM3's feedback search.
    const used: RankingFeatures = topK === 0 ? { ...features, rm3: null } : features;
    const q = typeof query === 'string' ? this.rankingQuery(query, options, used, ctx, accept) : query;
    if (!q || topK === 0) return [];
    const scorer = q.createWeight(ctx, 1).scorer();
    if (!scorer) return [];
    const top = collectTopK(scorer, topK, accept, seg.maxDoc);
    let wanted: Set<string> | null = null;
    if (options.highlight) {
      wanted = new Set();
      q.extractTerms(ctx, wanted);
    }
    return top.map(({ doc, score }) => {
      const r: SearchResult = { id: seg.ids[doc]!, score };
      if (this.storeFields.length) {
        const stored = seg.store.get(doc);
        if (stored) r.fields = stored;
        if (wanted && stored) {
          const hl: Record<string, string> = {};
          for (const f of this.storeFields) {
            // the text the field was indexed from: arrays and numbers too, not only strings
            const text = fieldText(stored[f]);
            if (!this.analyzers.has(f) || !text) continue;
            const h = bestPassage(f, text, this.analyzers.get(f)!, wanted, options.highlight === true ? {} : (options.highlight as HighlightOptions));
            if (h) hl[f] = h.snippet;
          }
          if (Object.keys(hl).length) r.highlights = hl;
        }
      }
      return r;
    });
  }

  /**
   * The query `search` ranks with: a plain query (words only) gets the proximity and feedback
   * features asked for (see {@link SearchOptions}); any other query is parsed as written.
   */
  private rankingQuery(query: string, o: SearchOptions, { prox, rm3 }: RankingFeatures, ctx: SearchContext, accept: (doc: number) => boolean): Query | null {
    let bm25f = o.bm25f ?? SEARCH_DEFAULTS.bm25f;
    if (!prox && !rm3 && !bm25f) return this.parse(query, o);
    let node: QueryNode;
    try {
      node = (o.strict ?? SEARCH_DEFAULTS.strict) ? parseQuery(query) : unknownFieldsAsWords(parseLenient(query), this.fields);
    } catch {
      return this.parse(query, o); // reports the syntax error
    }
    const words = plainQueryWords(node);
    if (!words) return this.parse(query, o);
    const fields = this.searchedFields(o);
    const boosts = this.searchBoosts(o);
    const an = (f: string) => this.analyzer(f);
    if (bm25f && fields.some((f) => an(f) !== an(fields[0]!))) {
      if (o.bm25f) throw new ArgumentError('bm25f needs the searched fields to share one analyzer', { key: 'bm25f' });
      bm25f = false;
    }
    if (bm25f && ctx.model !== 'bm25') {
      if (o.bm25f) throw new ArgumentError("bm25f needs model 'bm25'", { key: 'bm25f' });
      bm25f = false;
    }
    if (fields.length === 1) bm25f = false; // the same ranking as plain BM25, kept exact
    const queryTerms = words.flatMap((w) => an(fields[0]!).terms(w));
    let q: Query | null;
    if (prox) q = sequentialDependenceQuery(words, fields, boosts, an, prox === true ? {} : prox, bm25f);
    else if (bm25f) q = queryTerms.length ? new BooleanQuery(termClauses(queryTerms, fields, boosts, 1, true)) : null;
    else q = this.parse(node, o);
    if (!q || !rm3) return q;
    const opts = rm3 === true ? {} : rm3;
    const scorer = q.createWeight(ctx, 1).scorer();
    if (!scorer) return q;
    const feedback = collectTopK(scorer, opts.fbDocs ?? RM3_DEFAULTS.fbDocs, accept, this.seg.maxDoc);
    // Terms are only comparable within one analyzer: fields with different analyzers each get the
    // query in their own analysis and a relevance model of their own terms (one group normally).
    const clauses: BooleanClause[] = [];
    for (const group of analyzerGroups(fields, an)) {
      const terms = group[0] === fields[0] ? queryTerms : words.flatMap((w) => an(group[0]!).terms(w));
      for (const { term, weight } of rm3Expansion(this.seg, group, terms, feedback, opts)) clauses.push(...termClauses([term], group, boosts, weight, bm25f));
    }
    return clauses.length ? new BooleanQuery(clauses) : q;
  }

  /** Number of live documents matching a query (no ranking), passing `filter` when given. */
  count(query: string | Query, options: SearchOptions = {}): number {
    checkQuery(query);
    checkSearchOptions(options);
    const accept = this.acceptor(options); // the same docs search() may return
    const q = typeof query === 'string' ? this.parse(query, options) : query;
    if (!q) return 0;
    const s = q.createWeight(this.context(options), 1).scorer();
    if (!s) return 0;
    return countMatches(s, accept);
  }

  /** How a document's score for a query is computed (Lucene-style explanation tree). */
  explain(query: string | Query, id: string | number, options: SearchOptions = {}): Explanation {
    const d = this.seg.byId.get(String(id));
    if (d === undefined) return { value: 0, description: `no live document "${id}"` };
    checkQuery(query);
    const ctx = this.context(options);
    const features = rankingFeatures(options);
    const accept = this.acceptor(options);
    // search() never returns a doc the filter rejects (Lucene: a FILTER clause's "no match").
    if (!accept(d)) return { value: 0, description: `no match: document "${id}" is rejected by the filter` };
    // The same feedback set as search() with these options, so the value is the hit's score.
    const q = typeof query === 'string' ? this.rankingQuery(query, options, features, ctx, accept) : query;
    if (!q) return { value: 0, description: 'empty query' };
    return q.createWeight(ctx, 1).explain(d);
  }

  /**
   * The best passage of a document for a query, with matched terms marked. `doc` is a document
   * object (its indexed text fields are used) or the id of a stored document.
   * @example index.highlight({ id: 1, text: '...' }, 'wing flow') // { field, snippet: '... <mark>wing</mark> ...', ... }
   */
  highlight(doc: Doc | string | number, query: string | Query, options: HighlightOptions & Pick<SearchOptions, 'fields' | 'strict'> = {}): Highlight | null {
    checkHighlightOptions(options, 'options', ['fields', 'strict']);
    const source = typeof doc === 'object' && doc !== null ? doc : this.getStored(doc);
    if (!source) return null;
    const q = typeof query === 'string' ? this.parse(query, options) : query;
    if (!q) return null;
    const wanted = new Set<string>();
    q.extractTerms(this.context({}), wanted);
    let best: Highlight | null = null;
    for (const f of options.fields ?? this.fields) {
      const text = fieldText(source[f]);
      if (!text || !this.analyzers.has(f)) continue;
      const h = bestPassage(f, text, this.analyzers.get(f)!, wanted, options);
      if (h && (!best || h.terms.length > best.terms.length || (h.terms.length === best.terms.length && h.matches > best.matches))) best = h;
    }
    return best;
  }

  /**
   * Completions of the last word of `prefix`, most frequent first (document frequency summed over
   * the fields). Each suggestion shows the first-seen surface form of an index term whose surface
   * or term starts with the typed word. Candidates come from prefix ranges of the sorted term
   * dictionary (the word and its last three shorter prefixes, since stems can be shorter than the
   * word), never from a scan of all terms. In a field that splits compounds the typed compound's
   * last part is completed (`non-l` -> `non-linear`, as the field indexes `non` and `linear`).
   * @example index.suggest('boundary lay') // [{ suggestion: 'boundary layer', term: 'layer', df: 112 }, ...]
   */
  suggest(prefix: string, options: { limit?: number; fields?: readonly string[] } = {}): Suggestion[] {
    const limit = options.limit ?? 10;
    if (!Number.isInteger(limit) || limit < 0) throw new ArgumentError(`limit must be a non-negative integer, got ${limit}`, { key: 'limit' });
    if (options.fields !== undefined) this.searchedFields(options); // an unknown field is an error, not an empty answer
    const text = String(prefix ?? '');
    const word = /(\S*)$/.exec(text)![1]!;
    const found = new Map<string, { surface: string; df: number; head: string }>();
    for (const name of options.fields ?? this.fields) {
      const f = this.seg.fields.find((x) => x.name === name);
      if (!f) continue;
      // A field that splits compounds indexes "non-linear" as "non", "linear": complete the last part.
      const part = lastCompoundPart(word, this.analyzers.get(name)!.spec.splitCompounds ?? false);
      const head = text.slice(0, text.length - part.length);
      const last = part.toLowerCase();
      if (!last) continue;
      const stems = new Set([last]);
      for (let k = last.length - 1; k >= Math.max(3, last.length - 3); k--) stems.add(last.slice(0, k));
      const seen = new Set<number>();
      for (const p of stems) {
        for (const t of f.dict.withPrefix(p)) {
          if (seen.has(t)) continue;
          seen.add(t);
          const term = f.dict.terms[t]!;
          const surface = f.surfaces[t] ?? term;
          if (!surface.startsWith(last) && !term.startsWith(last)) continue;
          // Deleted docs still count in postings' df until compact(); a suggestion must not
          // complete a word found only in removed docs, so then count the live docs.
          const df = this.seg.deleted ? liveDocFreq(f, t, this.seg.alive) : f.postings.df[t]!;
          if (!df) continue;
          const e = found.get(term);
          if (e) e.df += df;
          else found.set(term, { surface: surface.startsWith(last) ? surface : term, df, head });
        }
      }
    }
    return [...found]
      .sort((a, b) => b[1].df - a[1].df || (a[0] < b[0] ? -1 : 1))
      .slice(0, limit)
      .map(([term, e]) => ({ suggestion: e.head + e.surface, term, df: e.df }));
  }

  /** Purges deleted documents: rebuilds postings, norms and the store over the live docs. */
  compact(): void {
    const old = this.seg;
    if (!old.deleted) return;
    const remap = new Int32Array(old.maxDoc).fill(-1);
    const seg = new Segment(this.fields);
    for (let d = 0; d < old.maxDoc; d++) {
      if (!old.alive[d]) continue;
      remap[d] = seg.newDoc(old.ids[d]!);
      if (this.storeFields.length) seg.store.set(remap[d]!, old.store.get(d));
    }
    old.fields.forEach((of, fi) => copyField(of, seg.fields[fi]!, remap, seg.maxDoc));
    this.seg = seg;
  }

  /**
   * Saves to `dir` crash-safely: new files first, then an atomic manifest swap, then old files
   * are removed. Deleted documents are kept as tombstones (call {@link compact} first to purge).
   */
  async save(dir: string): Promise<void> {
    const seg = this.seg;
    const files: { suffix: string; kind: number; payload: Uint8Array }[] = [];
    files.push({ suffix: 'docs', kind: KIND.docs, payload: encodeDocs(seg) });
    seg.fields.forEach((f, i) => {
      const e = encodeField(f, seg.maxDoc);
      files.push({ suffix: `f${i}.terms`, kind: KIND.terms, payload: e.terms });
      files.push({ suffix: `f${i}.doc`, kind: KIND.doc, payload: e.doc });
      files.push({ suffix: `f${i}.pos`, kind: KIND.pos, payload: e.pos });
    });
    files.push({ suffix: 'store', kind: KIND.store, payload: seg.store.encode(seg.maxDoc) });
    const analyzers: Record<string, AnalyzerSpec> = {};
    for (const f of this.fields) analyzers[f] = this.analyzers.get(f)!.spec;
    new IndexDirectory(dir).commit(files, {
      fields: this.fields,
      idField: this.idField,
      storeFields: this.storeFields,
      boosts: this.boosts,
      similarity: this.similarity,
      analyzers,
      documentCount: seg.liveCount,
      maxDoc: seg.maxDoc,
    });
  }

  /**
   * Loads an index saved by {@link save}. Every file is checked (magic, version, size, CRC-32)
   * and a damaged index is refused with a FormatError naming the file; nothing is half-loaded.
   * `analyzer` overrides the saved analyzer pipelines (e.g. to pass a built Nlp).
   */
  static async load(dir: string, options: { analyzer?: AnalyzerOptions | Analyzer } = {}): Promise<SearchIndex> {
    if (typeof dir !== 'string' || !dir) throw new ArgumentError('load needs an index directory path', { key: 'dir' });
    if (typeof options !== 'object' || options === null) throw new ArgumentError('load options must be an object { analyzer }', { key: 'options' });
    checkOptionKeys(options, ['analyzer'], { what: 'load' });
    const d = new IndexDirectory(dir);
    const m = d.readManifest();
    if (!m) throw new ConfigError(`no search index in ${dir} (manifest.json missing)`, { file: dir });
    checkManifest(m, join(dir, 'manifest.json'));
    const fields = m.fields as string[];
    const specs = (m.analyzers ?? {}) as Record<string, AnalyzerSpec>;
    const analyzers = new Map<string, Analyzer>();
    const built = new Map<string, Analyzer>();
    for (const f of fields) {
      if (options.analyzer instanceof Analyzer) analyzers.set(f, options.analyzer);
      else if (options.analyzer) analyzers.set(f, await Analyzer.create(options.analyzer));
      else {
        const key = JSON.stringify(specs[f] ?? null);
        let a = built.get(key);
        if (!a) built.set(key, (a = await (specs[f] ? Analyzer.fromSpec(specs[f]!) : Analyzer.create())));
        analyzers.set(f, a);
      }
    }
    const index = new SearchIndex(
      {
        fields,
        idField: m.idField as string,
        storeFields: m.storeFields as string[],
        boosts: m.boosts as Record<string, number>,
        similarity: m.similarity as SimilarityOptions,
      },
      analyzers,
    );
    loadSegment(index.seg, d, m);
    const file = join(dir, 'manifest.json');
    if (m.maxDoc !== undefined && m.maxDoc !== index.seg.maxDoc) throw new FormatError(`manifest says ${String(m.maxDoc)} docs, the doc table has ${index.seg.maxDoc}`, { file, key: 'maxDoc' });
    if (m.documentCount !== undefined && m.documentCount !== index.seg.liveCount) throw new FormatError(`manifest says ${String(m.documentCount)} live docs, the doc table has ${index.seg.liveCount}`, { file, key: 'documentCount' });
    return index;
  }
}

const MANIFEST_KEYS = new Set(['format', 'formatVersion', 'generation', 'files', 'fields', 'idField', 'storeFields', 'boosts', 'similarity', 'analyzers', 'documentCount', 'maxDoc', 'manifestCrc32']);

// The manifest's settings, checked before use: a damaged manifest.json (it has no CRC of its own)
// must be refused with a FormatError naming the key, not crash later or load with default settings.
function checkManifest(m: Manifest, file: string): void {
  const bad = (key: string, what: string): never => {
    throw new FormatError(`damaged manifest: ${key} ${what}`, { file, key });
  };
  for (const k of Object.keys(m)) if (!MANIFEST_KEYS.has(k)) bad(k, 'is not a manifest key (a damaged key name?)');
  for (const [i, e] of m.files.entries()) {
    if (!e || typeof e !== 'object' || typeof e.name !== 'string' || !/^\d+\./.test(e.name)) bad(`files[${i}]`, 'is not a data file entry');
    for (const k of ['kind', 'bytes', 'crc32'] as const) if (!Number.isInteger(e[k]) || e[k] < 0) bad(`files[${i}].${k}`, 'is not a non-negative integer');
  }
  const fields = m.fields;
  if (!Array.isArray(fields) || !fields.length) bad('fields', 'is not a non-empty list');
  if (typeof m.idField !== 'string' || !m.idField) bad('idField', 'is not a field name');
  const storeFields = m.storeFields ?? [];
  if (!Array.isArray(storeFields) || storeFields.some((f) => typeof f !== 'string' || !f)) bad('storeFields', 'is not a list of field names');
  for (const k of ['documentCount', 'maxDoc']) if (m[k] !== undefined && !(Number.isInteger(m[k]) && (m[k] as number) >= 0)) bad(k, 'is not a non-negative integer');
  const analyzers = m.analyzers;
  if (analyzers !== undefined) {
    if (!analyzers || typeof analyzers !== 'object') bad('analyzers', 'is not an object');
    for (const f of fields as unknown[]) if (typeof f === 'string' && !(analyzers as Record<string, unknown>)[f]) bad(`analyzers.${f}`, 'is missing (a field name or analyzer was damaged)');
  }
  try {
    checkOptions({ fields: fields as string[], boosts: m.boosts as Record<string, number>, similarity: m.similarity as SimilarityOptions });
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    bad(e.where?.key ?? 'settings', `is invalid: ${e.message.replace(/ \(at .*\)$/, '')}`);
  }
}

function loadSegment(seg: Segment, d: IndexDirectory, m: Manifest): void {
  const byName = new Map(m.files.map((f) => [f.name.slice(f.name.indexOf('.') + 1), f]));
  const need = (suffix: string) => {
    const e = byName.get(suffix);
    if (!e) throw new ConfigError(`manifest does not list the "${suffix}" file`, { file: d.path, key: 'files' });
    return e;
  };
  const docsEntry = need('docs');
  decodeDocs(seg, d.readFile(docsEntry), docsEntry.name);
  seg.fields.forEach((f, i) => {
    const t = need(`f${i}.terms`);
    decodeField(f, seg.maxDoc, d.readFile(t), d.readFile(need(`f${i}.doc`)), d.readFile(need(`f${i}.pos`)), t.name);
  });
  const s = need('store');
  seg.store = decodeStore(d.readFile(s), seg.maxDoc, s.name);
}

// Live documents in a term's postings (df minus tombstones).
function liveDocFreq(f: FieldData, t: number, alive: Uint8Array): number {
  const c = f.cursor(t, false);
  let n = 0;
  for (let d = c.next(); d !== NO_MORE_DOCS; d = c.next()) if (alive[d] === 1) n++;
  return n;
}

// Re-encodes one field's postings over live docs only.
function copyField(from: FieldData, to: FieldData, remap: Int32Array, maxDoc: number): void {
  const order = from.dict.sortedIds();
  to.norms = new Uint8Array(Math.max(1, maxDoc));
  for (let d = 0; d < remap.length; d++) {
    const nd = remap[d]!;
    if (nd < 0 || !from.norms[d]) continue;
    to.norms[nd] = from.norms[d]!;
    to.docCount++;
    if (from.norms[d]! < to.minNorm) to.minNorm = from.norms[d]!;
  }
  let pos = new Int32Array(16);
  for (const t of order) {
    const c = from.cursor(t, true);
    let id = -1;
    for (let d = c.next(); d !== NO_MORE_DOCS; d = c.next()) {
      const nd = remap[d]!;
      if (nd < 0) continue;
      if (id < 0) {
        id = to.dict.add(from.dict.terms[t]!);
        to.surfaces[id] = from.surfaces[t] ?? from.dict.terms[t]!;
        to.postings.ensure(to.dict.size);
      }
      const p = c.positions();
      if (pos.length < c.freq) pos = new Int32Array(c.freq * 2);
      pos.set(p.subarray(0, c.freq));
      to.postings.add(id, nd, pos, 0, c.freq);
      to.sumTtf += c.freq;
    }
  }
}

// A feature option: false/true/an options object; undefined takes the default.
function featureOptions<T extends object>(v: boolean | T | undefined, dflt: boolean, key: string): T | true | null {
  if (v === undefined) return dflt ? true : null;
  if (v === true || v === false) return v ? true : null;
  if (v && typeof v === 'object') return v;
  throw new ArgumentError(`${key} must be true, false or an options object`, { key });
}

// The fields grouped by analyzer, in first-seen order.
function analyzerGroups(fields: readonly string[], an: (f: string) => Analyzer): string[][] {
  const groups = new Map<Analyzer, string[]>();
  for (const f of fields) {
    const g = groups.get(an(f));
    if (g) g.push(f);
    else groups.set(an(f), [f]);
  }
  return [...groups.values()];
}

// A query is a string or a built Query; anything else (a number, a plain object) would crash deep inside.
function checkQuery(q: unknown): void {
  if (typeof q === 'string') return;
  if (typeof q !== 'object' || q === null || typeof (q as { createWeight?: unknown }).createWeight !== 'function') {
    throw new ArgumentError(`a query must be a string or a Query (TermQuery, BooleanQuery...), got ${q === null ? 'null' : typeof q}`, { key: 'query' });
  }
}

// The checked ranking features of search options (null: off, true: defaults, or the options).
interface RankingFeatures {
  prox: ProximityOptions | true | null;
  rm3: Rm3Options | true | null;
}

const SEARCH_OPTION_KEYS = ['topK', 'fields', 'boost', 'bm25', 'model', 'filter', 'strict', 'highlight', 'proximity', 'bm25f', 'rm3'];

// Search options are an object of known keys: `{ topk: 3 }` or `{ limit: 3 }` was ignored without a word.
function checkSearchOptions(o: unknown): void {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new ArgumentError(`search options must be an object, got ${o === null ? 'null' : typeof o}`, { key: 'options' });
  checkOptionKeys(o, SEARCH_OPTION_KEYS, { what: 'search' });
}

function rankingFeatures(o: SearchOptions): RankingFeatures {
  checkSearchOptions(o);
  const prox = featureOptions(o.proximity, SEARCH_DEFAULTS.proximity, 'proximity');
  const rm3 = featureOptions(o.rm3, SEARCH_DEFAULTS.rm3, 'rm3');
  if (prox && prox !== true) checkProximity(prox);
  if (rm3 && rm3 !== true) checkRm3(rm3);
  if (o.bm25f !== undefined && typeof o.bm25f !== 'boolean') throw new ArgumentError(`bm25f must be true or false, got ${JSON.stringify(o.bm25f)}`, { key: 'bm25f' });
  if (o.strict !== undefined && typeof o.strict !== 'boolean') throw new ArgumentError(`strict must be true or false, got ${JSON.stringify(o.strict)}`, { key: 'strict' });
  return { prox, rm3 };
}

// A misspelt option (e.g. `fbdocs`) would otherwise be ignored without a word.
function checkKeys(o: object, allowed: readonly string[], key: string): void {
  checkOptionKeys(o, allowed, { what: key, keyPrefix: key });
}

function checkProximity(o: ProximityOptions): void {
  checkKeys(o, Object.keys(PROXIMITY_DEFAULTS), 'proximity');
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
  checkKeys(o, Object.keys(RM3_DEFAULTS), 'rm3');
  for (const k of ['fbDocs', 'fbTerms'] as const) {
    const v = o[k];
    if (v !== undefined && !(Number.isInteger(v) && v > 0)) throw new ArgumentError(`rm3.${k} must be a positive integer, got ${v}`, { key: `rm3.${k}` });
  }
  const w = o.originalQueryWeight;
  if (w !== undefined && !(w >= 0 && w <= 1)) throw new ArgumentError(`rm3.originalQueryWeight must be in [0, 1], got ${w}`, { key: 'rm3.originalQueryWeight' });
}

// A field value the analyzer can read: missing, a string, number or boolean, or an array of them.
function indexable(v: unknown, depth = 0): boolean {
  if (v === undefined || v === null) return true;
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'boolean') return true;
  return depth < 8 && Array.isArray(v) && v.every((x) => indexable(x, depth + 1));
}

function describeValue(v: unknown): string {
  return Array.isArray(v) ? 'an array holding other values' : v === null ? 'null' : typeof v === 'object' ? `an object (${Object.prototype.toString.call(v).slice(8, -1)})` : typeof v;
}

function fieldText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(fieldText).join('\n');
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

const INDEX_OPTION_KEYS = ['fields', 'idField', 'storeFields', 'analyzer', 'fieldAnalyzers', 'boosts', 'similarity'];

function checkOptions(o: SearchIndexOptions): void {
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
