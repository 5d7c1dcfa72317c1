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
export { readConllu, parseConllu, formatConllu, writeConllu, surfaceTokens, hasNoSpaceAfter } from './io/conllu.js';
export type { ConlluSentence, ConlluWord, ConlluMultiword, ConlluEmptyNode, ConlluSurfaceToken } from './io/conllu.js';

// --- vectorize ---
export { CsrMatrix } from './vectorize/csr.js';
export type { DType, FloatArray, SparseRow } from './vectorize/csr.js';
export { analyze, buildAnalyzer, ANALYZER_DEFAULTS } from './vectorize/analyzer.js';
export type { AnalyzerOptions, AnalyzerKind, AnalyzerFn, DocMaker, CompiledAnalyzer, TermSink } from './vectorize/analyzer.js';
export { SKLEARN_ENGLISH_STOP_WORDS } from './vectorize/stop-words.js';
export { CountVectorizer, COUNT_DEFAULTS } from './vectorize/count.js';
export type { CountVectorizerOptions, DocFreqBound } from './vectorize/count.js';
export { TfidfTransformer, TfidfVectorizer, TFIDF_DEFAULTS } from './vectorize/tfidf.js';
export type { TfidfOptions, TfidfVectorizerOptions } from './vectorize/tfidf.js';
export { HashingVectorizer, HASHING_DEFAULTS, hashTerm } from './vectorize/hashing.js';
export type { HashingVectorizerOptions } from './vectorize/hashing.js';
export { cosineSimilarity, topKSimilar } from './vectorize/similarity.js';
export type { MatrixLike, SimilarRow, TopKOptions } from './vectorize/similarity.js';
export { topTerms, extractKeywords } from './vectorize/keywords.js';
export type { TermScore, KeywordOptions } from './vectorize/keywords.js';
export { OneHotEncoder, OrdinalEncoder, ONE_HOT_DEFAULTS, ORDINAL_DEFAULTS } from './vectorize/encoders.js';
export type { OneHotEncoderOptions, OrdinalEncoderOptions, Category, CategoryRows } from './vectorize/encoders.js';
export { BinaryEncoder, CountEncoder, LabelCountEncoder } from './vectorize/count-encoders.js';
export type { BinaryEncoderOptions, CountEncoderOptions, LabelCountEncoderOptions, HandleUnknown } from './vectorize/count-encoders.js';
export { MinMaxScaler, StandardScaler } from './vectorize/scalers.js';
export type { MinMaxScalerOptions, StandardScalerOptions, NumericRows } from './vectorize/scalers.js';
export { Vocabulary, padSequences, SPECIAL_TOKENS, SPECIAL_IDS } from './vectorize/vocabulary.js';
export type { VocabularyBuildOptions, EncodeOptions, VocabularyJSON, PadOptions } from './vectorize/vocabulary.js';


// --- eval ---
export * from './eval/index.js';

// --- textcat ---
export { TextCategorizer, cats, TEXTCAT_DEFAULTS } from './components/textcat/textcat.js';
export type { TextcatOptions, TextcatMode, TextcatLabel, Cats } from './components/textcat/textcat.js';
export type { FeatureOptions } from './components/textcat/features.js';
export { TEXTCAT_FORMAT_VERSION } from './components/textcat/format.js';
export { evaluateTextcat } from './components/textcat/evaluate.js';
export type { TextcatScores } from './components/textcat/evaluate.js';
