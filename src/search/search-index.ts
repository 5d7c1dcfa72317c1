/**
 * `SearchIndex` for Node: the index of `index-base.ts` plus crash-safe saving to and loading
 * from a directory (`persist-files.ts`). See `docs/search.md`.
 */
import { SearchIndex as BaseSearchIndex } from './index-base.js';
import { checkLoad, type LoadOptions, type Options } from './options.js';
import { openIndex, saveIndex } from './persist-files.js';
import type { AddAllOptions, Doc } from './documents.js';
import { addAllInWorkers } from './parallel-build.js';
import { warmUpIndexing } from './index-warmup.js';
import { DocVectorIndex } from './doc-vector-index.js';
import type { Ranked } from './hybrid.js';

export { SEARCH_DEFAULTS, SUGGEST_DEFAULTS, ADD_ALL_DEFAULTS, type AddAllOptions, type LoadOptions, type Options, type SearchIndexOptions, type SearchOptions, type SuggestOptions, type Suggestion, type SearchResult } from './index-base.js';

/**
 * A full-text search index.
 * @example
 * const index = await SearchIndex.create({ fields: ['title', 'text'], storeFields: ['title'] });
 * index.addAll(docs);
 * index.search('wing AND "boundary layer"', { topK: 5 }); // [{ id, score, fields: { title } }]
 * await index.save('my-index'); const again = await SearchIndex.load('my-index');
 */
export class SearchIndex extends BaseSearchIndex {
  // The VectorIndex behind the document vectors (vectorIndex kind flat, hnsw or auto), built lazily.
  private ann: DocVectorIndex | undefined;

  /** Ranks by the `vectorIndex` chosen at create (the exact scan for kind `'exact'`). */
  protected override rankByVector(query: Float32Array, k: number, accept: (d: number) => boolean): Ranked[] {
    const vectors = this.seg.vectors;
    this.ann = vectors ? DocVectorIndex.sync(this.ann, vectors, this.seg.maxDoc, this.vectorIndex) : undefined;
    return this.ann ? this.ann.top(query, k, accept, this.vectorIndex.efSearch) : super.rankByVector(query, k, accept);
  }

  /** Which index ranks the document vectors now: `'exact'`, `'flat'` or `'hnsw'` (it is built on the first vector search or save). */
  get vectorIndexKind(): 'exact' | 'flat' | 'hnsw' {
    const vectors = this.seg.vectors;
    if (this.vectorIndex.kind === 'exact') return 'exact';
    if (this.ann && this.ann.vectors === vectors) return this.ann.index.options.kind;
    return DocVectorIndex.kindFor(this.vectorIndex, vectors ? vectors.count(this.seg.maxDoc) : 0);
  }

  // Brings the vector index up to date and records its bytes, so the save carries it.
  private attachAnn(): void {
    const vectors = this.seg.vectors;
    if (!vectors || this.vectorIndex.kind === 'exact') return;
    this.ann = DocVectorIndex.sync(this.ann, vectors, this.seg.maxDoc, this.vectorIndex);
    this.ann?.attach();
  }

  /** {@link BaseSearchIndex.toBytes}, with the vector index built and included. */
  override toBytes(): Uint8Array {
    this.attachAnn();
    return super.toBytes();
  }

  /** Builds an empty index; bad options raise a ConfigError naming the key. */
  static override create(options: Options): Promise<SearchIndex> {
    return super.create(options) as Promise<SearchIndex>;
  }

  /** Loads an index from `toBytes()`'s buffer (see the base class). */
  static override fromBytes(bytes: Uint8Array, options: LoadOptions = {}): Promise<SearchIndex> {
    return super.fromBytes(bytes, options) as Promise<SearchIndex>;
  }

  /**
   * Adds many documents (see the base class). With `threads` (Node only; 0 = every core) the
   * documents are indexed in worker threads (an array's last ones in this thread, with
   * `threads - 1` workers), in slices whose segments are then merged in input order, and a Promise is returned; the index then scores every query as after a one-thread
   * `addAll`. All or nothing: a bad document (named by its input index) adds none. An index
   * that embeds documents with a pipeline (`embed`) indexes them in this thread.
   * @example await index.addAll(docs, { threads: 0 });
   */
  override addAll(docs: Iterable<Doc> | AsyncIterable<Doc>, options: AddAllOptions & { threads: number }): Promise<void>;
  override addAll(docs: Iterable<Doc>, options?: AddAllOptions): void;
  override addAll(docs: AsyncIterable<Doc>, options?: AddAllOptions): Promise<void>;
  override addAll(docs: Iterable<Doc> | AsyncIterable<Doc>, options: AddAllOptions = {}): void | Promise<void> {
    // Compiles the indexing path once per thread, before the first document (index-warmup.ts).
    warmUpIndexing();
    const { threads, ...inline } = options ?? {};
    if (threads === undefined) return super.addAll(docs as Iterable<Doc>, options);
    // Workers do not load the embedding pipeline: documents are embedded here, in one thread.
    if (this.embedding) return Promise.resolve(super.addAll(docs as Iterable<Doc>, inline));
    return addAllInWorkers(
      {
        seg: this.seg,
        settings: this.savedSettings(),
        analyzers: this.fields.map((f) => this.analyzer(f)),
        idOf: (d) => this.checkedId(d),
        storedOf: (id, d) => this.checkedStored(id, d),
        vectorOf: (id, d, dim) => this.checkedVector(id, d, dim),
        adopt: (seg) => (this.seg = seg),
        addInline: (d, o) => super.addAll(d as Iterable<Doc>, { ...o, ...inline }),
      },
      docs,
      options,
    );
  }

  /**
   * Saves to `dir` crash-safely: new files first, then an atomic manifest swap, then old files
   * are removed. Deleted documents are kept as tombstones (call {@link compact} first to purge).
   */
  async save(dir: string): Promise<void> {
    this.attachAnn();
    saveIndex(dir, this.seg, this.savedSettings());
  }

  /**
   * Loads an index saved by {@link save}. Every file is checked (magic, version, size, CRC-32)
   * and a damaged index is refused with a FormatError naming the file; nothing is half-loaded.
   * `analyzer` overrides the saved analyzer pipelines (e.g. to pass a built Nlp).
   */
  static async load(dir: string, options: LoadOptions = {}): Promise<SearchIndex> {
    checkLoad(dir, options);
    return (await this.open(openIndex(dir), options)) as SearchIndex;
  }
}
