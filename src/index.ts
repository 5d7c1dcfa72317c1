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
// --- tokenizer ---
export { Tokenizer, TOKENIZER_DEFAULTS, mergeRules } from './tokenizer/tokenizer.js';
export type { TokenizerOptions } from './tokenizer/tokenizer.js';
export { EN_RULES, EN_SPECIAL_CASES, EN_ABBREVIATIONS, EN_HYPHEN_PREFIXES, EN_HYPHEN_SUFFIXES, EN_UNITS, EN_EMOTICONS } from './tokenizer/rules/en.js';
export type { TokenizerRules } from './tokenizer/rules/en.js';
export { evaluateTokenization, goldSpans, alignTokens, matchSpans, docTokenSpans, prf } from './eval/tokenization.js';
export type { SpanCounts, PRF, TokenizationScore, SpanSource } from './eval/tokenization.js';
// --- tagger ---
export { Tagger, DEFAULT_TAGGER_MODEL } from './components/tagger/tagger.js';
export { TaggerModel } from './components/tagger/model.js';
export type { TagClass, TaggerModelParts } from './components/tagger/model.js';
export { trainTagger, scoreModel, TRAIN_DEFAULTS } from './components/tagger/train.js';
export type { TrainTaggerOptions, EpochReport, GoldSentence, GoldWord, TagAccuracy } from './components/tagger/train.js';
export { loadTaggerModel, saveTaggerModel, encodeTaggerModel, decodeTaggerModel, TAGGER_MAGIC, TAGGER_FORMAT_VERSION } from './components/tagger/model-format.js';
export { DEFAULT_TEMPLATES, Attr as TaggerAttr } from './components/tagger/features.js';
export { WinkTagger } from './components/tagger/wink-backend.js';
export { Lemmatizer, WinkLemmatizer, DEFAULT_LEMMA_TABLES } from './components/lemmatizer/lemmatizer.js';
export { lemmatize, SUFFIX_RULES } from './components/lemmatizer/rules.js';
export type { LemmaTables } from './components/lemmatizer/rules.js';
export { buildLemmaTables, saveLemmaTables, loadLemmaTables } from './components/lemmatizer/tables.js';
export { WinkNer } from './components/ner.js';
export { winkNlp, winkAnalyze } from './components/wink.js';
export type { WinkAnalysis } from './components/wink.js';
export { tagAccuracy, alignedAccuracy, alignedCounts, goldWordSpans, evaluateTagging } from './eval/tagging.js';
export type { TaggedSpan, TaggingScore, TaggingEvaluation, TokenTagger } from './eval/tagging.js';
