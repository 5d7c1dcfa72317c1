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
// --- matcher ---
export { Matcher, MATCHER_DEFAULTS } from './components/matcher/matcher.js';
export type { TokenPattern, TokenSpecInput, MatchTriple, OnMatch, MatcherOptions, MatcherAddOptions, MatchOptions } from './components/matcher/matcher.js';
export { PhraseMatcher, PHRASE_MATCHER_DEFAULTS } from './components/matcher/phrase.js';
export type { PhraseMatcherOptions, PhraseOnMatch } from './components/matcher/phrase.js';
export { EntityRuler, ENTITY_RULER_DEFAULTS, readEntityPatterns } from './components/matcher/entity-ruler.js';
export type { EntityPattern, EntityRulerOptions } from './components/matcher/entity-ruler.js';
export { levenshtein, levenshteinCompare } from './components/matcher/predicates.js';
