/**
 * `SearchIndex` without the file system (what browsers get from `textloom/search`): a full-text
 * index with BM25 ranking, a query language, snippets, suggestions, and the whole index as one
 * checked buffer (`toBytes` / `fromBytes`, see `bytes.ts`). `search-index.ts` adds saving to and
 * loading from a directory for Node. A facade: options live in `options.ts`, document intake in
 * `documents.ts`, ranking composition in `ranking.ts`, suggestions in `suggest.ts`, compaction in
 * `Segment.compact()`, the data files in `persist.ts`.
 */
import { ArgumentError, ConfigError } from '../core/errors.js';
import { INSPECT } from '../util/inspect.js';
import type { Analyzer, AnalyzerSpec } from './analyzer.js';
import { collectTopK, countMatches } from './collector.js';
import type { SimilarityOptions } from './bm25.js';
import type { StringStore } from '../core/strings.js';
import { addDocuments, DocumentReader, fieldText, type AddAllOptions, type Doc } from './documents.js';
import { buildAnalyzers, savedAnalyzers } from './field-analyzers.js';
import { AnalyzedTextCache, bestOf, checkHighlightOptions, fieldPassages, type Highlight, type HighlightOptions } from './highlight.js';
import { DEFAULTS, getDefault, checkBytesLoad, checkSearchOptions, filterOf, rankingFeatures, searchSimilarity, topKOf, withDefaults, type LoadOptions, type Options, type OptionsWithDefaults, type RankingFeatures, type SearchOptions, type SuggestOptions } from './options.js';
import { openSource, type SavedSettings } from './persist.js';
import { packIndex, unpackIndex } from './bytes.js';
import { checkQuery, parseFor, rankingQuery } from './ranking.js';
import type { QueryNode } from './query/parser.js';
import { SearchContext, type Explanation, type MatchCount, type Query } from './query/types.js';
import { Segment } from './segment.js';
import { DocVectors } from './doc-vectors.js';
import { fuseConvex, fuseRrf, hybridOptions, type Ranked } from './hybrid.js';
import { embedDocument, embedText } from './embed.js';
import type { EmbedOptions, ResolvedVectorIndexChoice } from './vector-options.js';
import { suggest, type Suggestion } from './suggest.js';

export { SEARCH_DEFAULTS, SUGGEST_DEFAULTS } from './options.js';
export { ADD_ALL_DEFAULTS, type AddAllOptions } from './documents.js';
export type { LoadOptions, Options, SearchIndexOptions, SearchOptions, SuggestOptions } from './options.js';
export type { Suggestion } from './suggest.js';

/** One search hit. */
export interface SearchResult {
  id: string;
  score: number;
  /** Stored fields, when the index stores any. */
  fields?: Record<string, unknown>;
  /** Field -> marked passage, when `highlight` was asked and a stored field matched. */
  highlights?: Record<string, string>;
}

/**
 * A full-text search index.
 * @example
 * const index = await SearchIndex.create({ fields: ['title', 'text'], storeFields: ['title'] });
 * index.addAll(docs);
 * index.search('wing AND "boundary layer"', { topK: 5 }); // [{ id, score, fields: { title } }]
 * const again = await SearchIndex.fromBytes(index.toBytes());
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
  /** The document field holding each document's optional vector (hybrid search), if any. */
  readonly vectorField: string | undefined;
  /** Which nearest-neighbour index ranks documents by vector (see `Options.vectorIndex`). */
  readonly vectorIndex: ResolvedVectorIndexChoice;
  /** The pipeline computing document and query vectors (`Options.embed`), if any. */
  protected readonly embedding: Required<EmbedOptions> | undefined;
  /** Fields the index's vectors were computed from (saved; set when built with `embed`). */
  protected readonly embedFields: readonly string[] | undefined;
  private readonly analyzers: Map<string, Analyzer>;
  // Stored texts analyzed for snippets, kept for the next search that highlights them (bounded).
  // Analyzed stored texts for snippets, keyed by doc number within `snippetSeg` (a doc number of
  // a segment never changes its stored fields; a new segment starts a new cache).
  private snippetTexts = new AnalyzedTextCache();
  private snippetSeg: Segment | null = null;
  private readonly docs: DocumentReader;
  // Per field (in segment order), its analyzer and a string lookup, made once rather than per doc.
  private readonly fieldAnalyzers: Analyzer[];
  private readonly fieldStrings: StringStore[];
  protected seg: Segment;

  protected constructor(o: OptionsWithDefaults, analyzers: Map<string, Analyzer>, seg?: Segment, embedFields?: readonly string[]) {
    ({ fields: this.fields, idField: this.idField, storeFields: this.storeFields, boosts: this.boosts, similarity: this.similarity, vectorField: this.vectorField, vectorIndex: this.vectorIndex, embed: this.embedding } = o);
    this.embedFields = o.embed?.fields ?? embedFields;
    this.analyzers = analyzers;
    this.docs = new DocumentReader(this.idField, this.fields, this.storeFields);
    this.seg = seg ?? new Segment(this.fields);
    this.fieldAnalyzers = this.fields.map((f) => analyzers.get(f)!);
    this.fieldStrings = this.fieldAnalyzers.map((a) => a.strings);
  }

  /** Builds an empty index; bad options raise a ConfigError naming the key. */
  static async create(options: Options): Promise<SearchIndex> {
    const o = withDefaults(options);
    return new this(o, await buildAnalyzers(options));
  }

  /**
   * The default of an index option, or of the search options under `searchOptions`.
   * @example SearchIndex.getDefault('similarity') // { model: 'bm25', k1: 1.2, b: 0.75 }
   */
  static getDefault<K extends keyof typeof DEFAULTS>(name: K): (typeof DEFAULTS)[K] {
    return getDefault(name);
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
    const id = this.docs.idOf(doc);
    if (this.seg.byId.has(id)) throw new ArgumentError(`a document with id "${id}" is already indexed (use update)`, { key: this.idField });
    this.index(id, doc, this.docs.storedJson(id, doc));
  }

  /**
   * Adds many documents from an array, iterable or async iterable. An array is checked whole
   * first (ids new and distinct, fields and stored values usable): a bad document adds none of
   * them. Streams are added as they come; an error names how many were added before it.
   */
  addAll(docs: Iterable<Doc> | AsyncIterable<Doc>, options: AddAllOptions & { threads: number }): Promise<void>;
  addAll(docs: Iterable<Doc>, options?: AddAllOptions): void;
  addAll(docs: AsyncIterable<Doc>, options?: AddAllOptions): Promise<void>;
  addAll(docs: Iterable<Doc> | AsyncIterable<Doc>, options: AddAllOptions = {}): void | Promise<void> {
    if (options?.threads !== undefined) throw new ArgumentError('threads needs worker threads: use the Node build (textloom), not textloom/search', { key: 'threads' });
    // Vectors of an array are checked whole first too (one dimension), so a bad one adds nothing.
    if (Array.isArray(docs) && this.vectorField !== undefined) {
      let dim = this.seg.vectors?.dim;
      (docs as Doc[]).forEach((d, i) => {
        const v = d?.[this.vectorField!];
        if (v !== undefined && v !== null) dim = DocVectors.check(v, dim, this.vectorField!, `document ${i}`).length;
      });
    }
    return addDocuments(
      { add: (d) => this.add(d), prepareAll: (all) => this.docs.prepareAll(all, (id) => this.seg.byId.has(id)), index: (id, d, json) => this.index(id, d, json) },
      docs,
      options,
    );
  }

  /** @internal The id of a document whose fields are usable (throws a typed error naming the field). */
  protected checkedId(doc: Doc): string {
    return this.docs.idOf(doc);
  }

  /** @internal The stored JSON of a checked document (undefined when nothing is stored); throws a typed error. */
  protected checkedStored(id: string, doc: Doc): string | undefined {
    return this.docs.storedJson(id, doc);
  }

  /** @internal The checked vector of a document in the vector field, of dimension `dim` when given (undefined: none). */
  protected checkedVector(id: string, doc: Doc, dim: number | undefined): Float32Array | undefined {
    const vf = this.vectorField;
    const raw = vf === undefined ? undefined : doc[vf];
    return raw === undefined || raw === null ? undefined : DocVectors.check(raw, dim, vf!, `document "${id}"`);
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
    const id = this.docs.idOf(doc);
    const json = this.docs.storedJson(id, doc); // a bad doc must leave the old one in place
    this.vectorOf(id, doc);
    const d = this.seg.byId.get(id);
    if (d !== undefined) this.seg.kill(d);
    this.index(id, doc, json);
  }

  /** The stored fields of a live document, or undefined. */
  getStored(id: string | number): Record<string, unknown> | undefined {
    const d = this.seg.byId.get(String(id));
    return d === undefined ? undefined : this.seg.store.get(d);
  }

  // The checked vector of a document, if the index has a vector field and the doc gives one
  // (or the embedding pipeline finds a known word in its text).
  private vectorOf(id: string, doc: Doc): Float32Array | undefined {
    const vf = this.vectorField;
    let raw = vf === undefined ? undefined : doc[vf];
    if ((raw === undefined || raw === null) && this.embedding) raw = embedDocument(this.embedding, doc);
    return raw === undefined || raw === null ? undefined : DocVectors.check(raw, this.seg.vectors?.dim, vf!, `document "${id}"`);
  }

  /**
   * The vector `embed`'s pipeline gives a text (the mean of its token vectors), or undefined when
   * no token of it has a vector; a ConfigError when the index has no embedding pipeline.
   * @example index.search('wing flutter', { vector: index.embed('aeroelastic vibration'), hybrid: { fusion: 'rrf' } })
   */
  embed(text: string): Float32Array | undefined {
    if (typeof text !== 'string') throw new ArgumentError('embed needs a string', { key: 'text' });
    if (!this.embedding) throw new ConfigError(this.embedFields ? 'this index was built with embed: pass embed: { pipeline } to load or fromBytes to embed texts' : 'this index has no embedding pipeline (create it with embed: { pipeline })', { key: 'embed' });
    return embedText(this.embedding, text);
  }

  /**
   * The `k` live docs passing `accept` nearest to `query` by cosine, best first: the exact scan
   * here (and in browsers); Node's SearchIndex uses its `vectorIndex`.
   */
  protected rankByVector(query: Float32Array, k: number, accept: (d: number) => boolean): Ranked[] {
    const seg = this.seg;
    return seg.vectors ? seg.vectors.top(query, k, seg.maxDoc, accept) : [];
  }

  // Indexes a checked document under a new doc number.
  private index(id: string, doc: Doc, storedJson: string | undefined): void {
    const seg = this.seg;
    const vec = this.vectorOf(id, doc);
    const d = seg.newDoc(id);
    if (vec) (seg.vectors ??= new DocVectors(vec.length)).set(d, vec);
    const fields = seg.fields;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      f.addDoc(d, this.fieldAnalyzers[i]!.analyze(fieldText(doc[f.name])), this.fieldStrings[i]!);
    }
    if (storedJson !== undefined) seg.store.setJson(d, storedJson);
  }

  /** @internal Builds an empty index from saved settings (analyzers from their specs), as a worker does. */
  static async fromSettings(settings: SavedSettings): Promise<SearchIndex> {
    const { fields, idField, storeFields, boosts, similarity, analyzers, vectorField } = settings;
    return new this(withDefaults({ fields: [...fields], idField, storeFields: [...storeFields], boosts, similarity, ...(vectorField !== undefined ? { vectorField } : {}) }), await savedAnalyzers(fields, analyzers));
  }

  /** Parses (strictly or leniently) and builds a query for this index. */
  parse(query: string | QueryNode, options: Pick<SearchOptions, 'fields' | 'boost' | 'strict'> = {}): Query | null {
    return parseFor(this, query, options);
  }

  // Live docs passing the search's filter: the results and RM3's feedback docs come from these.
  private acceptor(o: SearchOptions): (d: number) => boolean {
    const seg = this.seg;
    const alive = seg.alive;
    const filter = filterOf(o);
    return filter ? (d) => alive[d] === 1 && filter(seg.ids[d]!, seg.store.get(d)) : (d) => alive[d] === 1;
  }

  private context(o: SearchOptions): SearchContext {
    const { model, k1, b } = searchSimilarity(o, this.similarity);
    return new SearchContext(this.seg, model, k1, b);
  }

  // The query a search ranks with: a string gets the ranking features asked for, a Query is used as given.
  private ranked(query: string | Query, o: SearchOptions, features: RankingFeatures, ctx: SearchContext, accept: (d: number) => boolean): Query | null {
    return typeof query === 'string' ? rankingQuery(this, query, o, features, ctx, accept) : query;
  }

  /**
   * Ranked search. A syntax error never throws unless `strict` (the query then falls back to its
   * plain words).
   * @example index.search('title:wing^2 +flow -"supersonic flow"', { topK: 10 })
   */
  search(query: string | Query, options: SearchOptions = {}): SearchResult[] {
    return this.run(query, options, null);
  }

  /**
   * {@link search}'s hits and {@link count}'s total for the same query and options, in one call:
   * the total is taken from the search's own pass over the postings when that pass saw every
   * match (a plain query's terms and proximity windows, term at a time), else counted apart.
   * @example const { hits, total } = index.searchWithTotal('wing flutter', { topK: 10 })
   */
  searchWithTotal(query: string | Query, options: SearchOptions = {}): { hits: SearchResult[]; total: number } {
    const count: MatchCount = { total: -1 };
    const hits = this.run(query, options, count);
    return { hits, total: count.total >= 0 ? count.total : this.count(query, options) };
  }

  // search(); with `count`, count.total is set to count()'s number when the collection saw every
  // match of a query with count()'s matches (no feedback terms, no vector ranking), else -1.
  private run(query: string | Query, options: SearchOptions, count: MatchCount | null): SearchResult[] {
    checkSearchOptions(options);
    const topK = topKOf(options);
    checkQuery(query);
    const ctx = this.context(options);
    const features = rankingFeatures(options); // bad feature options are errors even where they do not apply
    if (options.highlight !== undefined && typeof options.highlight !== 'boolean') checkHighlightOptions(options.highlight, 'highlight');
    const seg = this.seg;
    const accept = this.acceptor(options);
    // topK 0 still parses (strict mode reports syntax errors) but skips RM3's feedback search.
    const hybrid = this.hybridPlan(options, topK, query);
    const q = this.ranked(query, options, topK === 0 ? { ...features, rm3: null } : features, ctx, accept);
    // No query left (stop words only), or one that nothing can match: count() finds no match either.
    if (!q && !hybrid) return count ? ((count.total = 0), []) : [];
    if (topK === 0) return [];
    const scorer = q?.createWeight(ctx, 1).scorer();
    if (!scorer && !hybrid) return count ? ((count.total = 0), []) : [];
    let top: Ranked[];
    if (hybrid) {
      const lexical = scorer ? collectTopK(scorer, hybrid.window, accept, seg.maxDoc) : [];
      const byVector = hybrid.vector ? this.rankByVector(hybrid.vector, hybrid.window, accept) : [];
      // Without lexical hits (an empty query) the vector ranking stands alone, with its cosines as scores.
      const fused = !lexical.length ? byVector : hybrid.fusion === 'rrf' ? fuseRrf([lexical, byVector], hybrid.k) : fuseConvex(lexical, byVector, hybrid.weight);
      top = fused.slice(0, topK);
    } else top = collectTopK(scorer!, topK, accept, seg.maxDoc, count !== null && !features.rm3 ? count : undefined);
    let wanted: Set<string> | null = null;
    if (options.highlight && q) q.extractTerms(ctx, (wanted = new Set()));
    const hlOptions = options.highlight === true ? {} : (options.highlight as HighlightOptions);
    if (wanted && this.snippetSeg !== seg) {
      this.snippetTexts = new AnalyzedTextCache();
      this.snippetSeg = seg;
    }
    return top.map(({ doc, score }) => {
      const r: SearchResult = { id: seg.ids[doc]!, score };
      const stored = this.storeFields.length ? seg.store.get(doc) : undefined;
      if (stored) r.fields = stored;
      if (wanted && stored) {
        const passages = fieldPassages(stored, this.storeFields, (f) => this.analyzers.get(f), wanted, hlOptions, this.snippetTexts, doc);
        if (passages.length) r.highlights = Object.fromEntries(passages.map((h) => [h.field, h.snippet]));
      }
      return r;
    });
  }

  // The checked vector and fusion settings of a hybrid search, or null for a lexical one. With an
  // embedding pipeline and no `vector`, a string query is embedded (no known word: no vector ranking).
  private hybridPlan(o: SearchOptions, topK: number, query: string | Query): { vector: Float32Array | undefined; fusion: 'rrf' | 'convex'; weight: number; k: number; window: number } | null {
    if (o.vector === undefined) {
      if (o.hybrid === undefined) return null;
      if (!this.embedding || typeof query !== 'string') {
        const how = this.embedFields && !this.embedding ? ' or pass embed: { pipeline } to load to embed the query text' : this.embedding ? ' (a Query object cannot be embedded)' : '';
        throw new ArgumentError(`hybrid needs a query vector (the vector option)${how}`, { key: 'hybrid' });
      }
      const h = hybridOptions(o.hybrid);
      return { ...h, vector: embedText(this.embedding, query), window: Math.max(h.window, topK) };
    }
    if (this.vectorField === undefined) throw new ArgumentError('this index has no vector field (create it with vectorField)', { key: 'vector' });
    const h = hybridOptions(o.hybrid);
    const vector = DocVectors.check(o.vector, this.seg.vectors?.dim, 'vector', 'query vector');
    return { ...h, vector, window: Math.max(h.window, topK) };
  }

  /** Number of live documents matching a query (no ranking), passing `filter` when given. */
  count(query: string | Query, options: SearchOptions = {}): number {
    checkQuery(query);
    checkSearchOptions(options);
    const accept = this.acceptor(options); // the same docs search() may return
    const q = typeof query === 'string' ? this.parse(query, options) : query;
    if (!q) return 0;
    const s = q.createWeight(this.context(options), 1).scorer();
    return s ? countMatches(s, accept) : 0;
  }

  /**
   * How a document's score for a query is computed (Lucene-style explanation tree). Its value is
   * the score {@link search} gives the document with the same options: the weights explain from
   * the norm tables and idf their scorers use.
   */
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
    const q = this.ranked(query, options, features, ctx, accept);
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
    return bestOf(fieldPassages(source, options.fields ?? this.fields, (f) => this.analyzers.get(f), wanted, options));
  }

  /**
   * Completions of the last word of `prefix`, most frequent first (document frequency summed over
   * the fields), each shown in the first-seen surface form of an index term whose surface or
   * term starts with the typed word; see `suggest.ts`. In a field that splits compounds the typed
   * compound's last part is completed (`non-l` -> `non-linear`).
   * @example index.suggest('boundary lay') // [{ suggestion: 'boundary layer', term: 'layer', df: 112 }, ...]
   */
  suggest(prefix: string, options: SuggestOptions = {}): Suggestion[] {
    return suggest(this.seg, this.fields, (f) => this.analyzers.get(f)!, prefix, options);
  }

  /** Purges deleted documents: rebuilds postings, norms and the store over the live docs. */
  compact(): void {
    if (this.seg.deleted) this.seg = this.seg.compact();
  }

  /** The settings a saved index keeps beside its data files (analyzer specs included). */
  protected savedSettings(): SavedSettings {
    const analyzers: Record<string, AnalyzerSpec> = {};
    for (const f of this.fields) analyzers[f] = this.analyzers.get(f)!.spec;
    const { fields, idField, storeFields, boosts, similarity, vectorField, vectorIndex, embedFields } = this;
    return { fields, idField, storeFields, boosts, similarity, analyzers, vectorField, vectorIndex, embed: undefined, embedFields };
  }

  /**
   * The whole index as one buffer (the data files `save` writes, with the manifest, in
   * textloom's binary framing with a CRC-32), e.g. to ship an index built in Node to a browser.
   * Deleted documents are kept as tombstones (call {@link compact} first to purge).
   * @example const bytes = index.toBytes(); const same = await SearchIndex.fromBytes(bytes);
   */
  toBytes(): Uint8Array {
    return packIndex(this.seg, this.savedSettings());
  }

  /**
   * Loads an index from {@link toBytes}'s buffer. Every part is checked (magic, version, size,
   * CRC-32) and a damaged buffer is refused with a FormatError; nothing is half-loaded.
   * `analyzer` overrides the saved analyzer pipelines (e.g. to pass a built Nlp).
   * @example const index = await SearchIndex.fromBytes(new Uint8Array(await (await fetch('index.tlx')).arrayBuffer()));
   */
  static async fromBytes(bytes: Uint8Array, options: LoadOptions = {}): Promise<SearchIndex> {
    checkBytesLoad(bytes, options);
    return this.open(openSource(unpackIndex(bytes)), options);
  }

  /** Builds an index from a checked saved index (a directory's or a buffer's). */
  protected static async open(saved: ReturnType<typeof openSource>, options: LoadOptions): Promise<SearchIndex> {
    const { fields, idField, storeFields, boosts, similarity, analyzers: specs, vectorField, vectorIndex, embedFields } = saved.settings;
    const analyzers = await savedAnalyzers(fields, specs, options.analyzer);
    const embed = options.embed ? { fields: embedFields ?? fields, ...options.embed } : undefined;
    const o = withDefaults({ fields, idField, storeFields, boosts, similarity, ...(vectorField !== undefined ? { vectorField } : {}), ...(vectorIndex !== undefined ? { vectorIndex } : {}), ...(embed ? { embed } : {}) });
    return new this(o, analyzers, saved.readSegment(), embedFields);
  }
}
