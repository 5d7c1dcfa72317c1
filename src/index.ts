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
export { registerComponent, registerTokenizer, registeredComponents, registeredTokenizers, getComponentFactory, getTokenizerFactory } from './pipeline/registry.js';
export { WhitespaceTokenizer } from './tokenizer/whitespace.js';
export { readLines, readNumberedLines, openInput } from './io/lines.js';
export { readJsonl } from './io/jsonl.js';
export { writeFileAtomic, writeFileAtomicSync } from './io/atomic.js';
export { Rng } from './util/rng.js';
export { TopK } from './util/heap.js';
export { readConllu, parseConllu, formatConllu, writeConllu, surfaceTokens, hasNoSpaceAfter } from './io/conllu.js';
export type { ConlluSentence, ConlluWord, ConlluMultiword, ConlluEmptyNode, ConlluSurfaceToken } from './io/conllu.js';
export { goldDocuments } from './io/conllu-docs.js';
export type { GoldDocument } from './io/conllu-docs.js';
export { countSentenceBoundaries } from './eval/sentences.js';
export { prf } from './eval/prf.js';
export type { PRF } from './eval/prf.js';
export { Senter, SENTER_DEFAULTS } from './components/senter.js';
export type { SenterOptions } from './components/senter.js';
// --- tokenizer ---
export { Tokenizer, TOKENIZER_DEFAULTS, mergeRules } from './tokenizer/tokenizer.js';
export type { TokenizerOptions } from './tokenizer/tokenizer.js';
export { EN_RULES, EN_SPECIAL_CASES, EN_ABBREVIATIONS, EN_HYPHEN_PREFIXES, EN_HYPHEN_SUFFIXES, EN_UNITS, EN_EMOTICONS } from './tokenizer/rules/en.js';
export type { TokenizerRules } from './tokenizer/rules/en.js';
export { evaluateTokenization, goldSpans, alignTokens, matchSpans, docTokenSpans } from './eval/tokenization.js';
export type { SpanCounts, TokenizationScore, SpanSource } from './eval/tokenization.js';
