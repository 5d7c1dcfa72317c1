/**
 * `SearchIndex` for Node: the index of `index-base.ts` plus crash-safe saving to and loading
 * from a directory (`persist-files.ts`). See `docs/search.md`.
 */
import { SearchIndex as BaseSearchIndex } from './index-base.js';
import { checkLoad, type LoadOptions, type Options } from './options.js';
import { openIndex, saveIndex } from './persist-files.js';
import type { AddAllOptions, Doc } from './documents.js';
import { addAllInWorkers } from './parallel-build.js';

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
   * documents are indexed in worker threads, in slices whose segments are then merged in input
   * order, and a Promise is returned; the index then scores every query as after a one-thread
   * `addAll`. All or nothing: a bad document (named by its input index) adds none.
   * @example await index.addAll(docs, { threads: 0 });
   */
  override addAll(docs: Iterable<Doc> | AsyncIterable<Doc>, options: AddAllOptions & { threads: number }): Promise<void>;
  override addAll(docs: Iterable<Doc>, options?: AddAllOptions): void;
  override addAll(docs: AsyncIterable<Doc>, options?: AddAllOptions): Promise<void>;
  override addAll(docs: Iterable<Doc> | AsyncIterable<Doc>, options: AddAllOptions = {}): void | Promise<void> {
    if (options?.threads === undefined) return super.addAll(docs as Iterable<Doc>, options);
    const { threads: _threads, ...inline } = options;
    return addAllInWorkers(
      {
        seg: this.seg,
        settings: this.savedSettings(),
        idOf: (d) => this.checkedId(d),
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
