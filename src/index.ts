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

// --- eval ---
export * from './eval/index.js';
