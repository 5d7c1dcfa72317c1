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
// --- embeddings ---
export { Word2Vec, WORD2VEC_DEFAULTS } from './embeddings/word2vec.js';
export type { Word2VecOptions, TrainProgress, TrainStats } from './embeddings/word2vec.js';
export { KeyedVectors } from './embeddings/keyed-vectors.js';
export type { QueryTerm, MostSimilarOptions, Neighbor, WmdOptions } from './embeddings/keyed-vectors.js';
export { openCorpus, splitLine } from './embeddings/corpus.js';
export type { Corpus, CorpusSource, Sentence } from './embeddings/corpus.js';
export { evaluateWordAnalogies, evaluateWordPairs } from './embeddings/evaluate.js';
export type { AnalogyOptions, AnalogyResult, AnalogySection, PairsOptions, PairsResult } from './embeddings/evaluate.js';
export { saveVectors, loadVectors, formatFromPath } from './embeddings/w2v-format.js';
export type { VectorFormat, SaveOptions as VectorSaveOptions, LoadOptions as VectorLoadOptions } from './embeddings/w2v-format.js';
export { createVectorsComponent, tokenVector, spanVector, docVector, hasVector, similarity, VECTOR_ROW_EXT } from './embeddings/vectors-component.js';
export type { VectorsComponentOptions, HasVector } from './embeddings/vectors-component.js';
export { emd } from './embeddings/emd.js';
