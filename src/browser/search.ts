/**
 * `textloom/search`: the BM25 SearchIndex (query language, snippets, suggestions) without the file
 * system: build it in the page, or in Node and ship `index.toBytes()` to load with
 * `SearchIndex.fromBytes`. No Node built-in is reachable; `save`/`load` to a directory are in the
 * main entry.
 * @example
 * import { SearchIndex } from 'textloom/search';
 * const index = await SearchIndex.create({ fields: ['text'], storeFields: ['text'] });
 * index.addAll([{ id: '1', text: 'Wings in a boundary layer' }]);
 * const again = await SearchIndex.fromBytes(index.toBytes());
 * again.search('boundary')[0].id; // '1'
 * @packageDocumentation
 */
export { SearchIndex } from './search-index.js';
export { loadLanguage } from '../lang/load-language.js';
export type { LanguageData } from '../lang/types.js';
export { SEARCH_DEFAULTS, SUGGEST_DEFAULTS, ADD_ALL_DEFAULTS } from '../search/index-base.js';
export type { SearchIndexOptions, SearchOptions, SearchResult, AddAllOptions, Suggestion, LoadOptions } from '../search/index-base.js';
export { parseQuery, parseLenient, escapeQuery, QuerySyntaxError } from '../search/query/parser.js';
export type { QueryNode } from '../search/query/parser.js';
export type { Highlight, HighlightOptions } from '../search/highlight.js';
export { TextloomError, ConfigError, FormatError, ArgumentError, NotFoundError } from '../core/errors.js';
export { BinaryFileError } from '../io/binfmt-bytes.js';
