/**
 * textloom: the public entry point. Everything a user imports comes from here.
 * @packageDocumentation
 */
import './components/register.js';

export * from './core/index.js';
export { Pipeline, createPipeline, makeCallable } from './pipeline/pipeline.js';
export type { Nlp, PipeOptions, CreateOptions } from './pipeline/pipeline.js';
export { load, resolvePipelinePath, PACKAGE_ROOT, PIPELINES_DIR } from './pipeline/load.js';
export type { PipelineConfig, ComponentConfig } from './pipeline/config.js';
export type { Component, ComponentFactory, TokenizerFactory, TokenizerLike, OptionSpec, FactoryContext } from './pipeline/component.js';
export { registerComponent, registerTokenizer, registeredComponents, registeredTokenizers } from './pipeline/registry.js';
export { WhitespaceTokenizer } from './tokenizer/whitespace.js';
export { readLines, readNumberedLines, openInput } from './io/lines.js';
export { readJsonl } from './io/jsonl.js';
export { writeFileAtomic, writeFileAtomicSync } from './io/atomic.js';
export { Rng } from './util/rng.js';
export { TopK } from './util/heap.js';
// --- search ---
export { SearchIndex, SEARCH_DEFAULTS } from './search/search-index.js';
export type { SearchIndexOptions, SearchOptions, SearchResult, AddAllOptions, Suggestion } from './search/search-index.js';
export { Analyzer, DEFAULT_ANALYZER_PIPELINE, ANALYZER_DEFAULTS } from './search/analyzer.js';
export type { AnalyzerOptions, AnalyzerSpec, TokenStream } from './search/analyzer.js';
export { encodeNorm, decodeNorm, bm25Idf, tfidfIdf, SIMILARITY_DEFAULTS } from './search/bm25.js';
export type { SimilarityOptions } from './search/bm25.js';
export { parseQuery, parseLenient, escapeQuery, QuerySyntaxError } from './search/query/parser.js';
export type { QueryNode } from './search/query/parser.js';
export { TermQuery } from './search/query/term/term-query.js';
export { PhraseQuery } from './search/query/phrase/phrase-query.js';
export { BooleanQuery } from './search/query/boolean/boolean-query.js';
export type { BooleanClause, Occur } from './search/query/boolean/boolean-query.js';
export { PrefixQuery } from './search/query/multi-term/prefix-query.js';
export { FuzzyQuery } from './search/query/multi-term/fuzzy-query.js';
export type { Query, Weight, Explanation } from './search/query/types.js';
export type { Highlight, HighlightOptions } from './search/highlight.js';
export { TermDict } from './search/termdict.js';
export { Stemmer, stemFunction, STEMMER_DEFAULTS } from './components/stemmer.js';
export type { StemmerOptions, StemAlgorithm } from './components/stemmer.js';
export { porter2 } from './components/porter2.js';
export { averagePrecision, precisionAt, recallAt, ndcgAt, evaluateRuns, trecOrder } from './eval/ranking.js';
export type { Judgements, RankedDoc, RankingSummary } from './eval/ranking.js';
