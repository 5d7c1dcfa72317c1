/**
 * The browser's `SearchIndex`: the file-system-free index of `search/index-base.ts`, which
 * registers the Node-free built-in factories its analyzers are built from (tokenizer, stemmer)
 * when an index is made, instead of relying on an import side effect a bundler may drop.
 */
import { registerPureBuiltins } from '../components/register-pure.js';
import { SearchIndex as BaseSearchIndex, type LoadOptions, type Options } from '../search/index-base.js';

/**
 * A full-text search index without the file system; see `SearchIndex` in the main entry.
 * @example
 * const index = await SearchIndex.create({ fields: ['text'] });
 * index.addAll([{ id: 'a', text: 'Laminar boundary layers' }]);
 * const again = await SearchIndex.fromBytes(index.toBytes());
 */
export class SearchIndex extends BaseSearchIndex {
  /** Builds an empty index; bad options raise a ConfigError naming the key. */
  static override create(options: Options): Promise<SearchIndex> {
    registerPureBuiltins();
    return super.create(options) as Promise<SearchIndex>;
  }

  /** Loads an index from `toBytes()`'s buffer; a damaged buffer is a FormatError. */
  static override fromBytes(bytes: Uint8Array, options: LoadOptions = {}): Promise<SearchIndex> {
    registerPureBuiltins();
    return super.fromBytes(bytes, options) as Promise<SearchIndex>;
  }
}
