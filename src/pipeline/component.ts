import type { Doc } from '../core/doc.js';
import type { Vocab } from '../core/vocab.js';

/**
 * A pipeline component: annotates Docs in place. Components may also implement `pipe` for a
 * faster batch path; the pipeline calls it with each batch when present.
 * @example
 * const upper: Component = { name: 'shout', process(doc) { doc.user.set('shout', doc.text.toUpperCase()) } };
 */
export interface Component {
  /** The name this component has in its pipeline. */
  readonly name: string;
  /** Annotates one doc in place. */
  process(doc: Doc): void;
  /** Optional batch path: annotates every doc of the batch in place. */
  pipe?(docs: Doc[]): void;
}

import type { TokenizerLike } from '../tokenizer/types.js';
export type { TokenizerLike };

/** The description of one option of a factory, used to validate configs and to document defaults. */
export interface OptionSpec {
  type: 'boolean' | 'number' | 'integer' | 'string' | 'string[]' | 'object' | 'array' | 'any';
  /** Default value (used when the config omits the option). */
  default?: unknown;
  /** Allowed values for strings. */
  enum?: readonly string[];
  min?: number;
  max?: number;
  /** One-line description for `--help` style listings. */
  doc?: string;
}

/** What a factory receives when it builds a component. */
export interface FactoryContext {
  /** The pipeline's vocab. */
  vocab: Vocab;
  /** The component's name in this pipeline. */
  name: string;
  /** Directory that relative paths in options resolve against (the config file's directory). */
  baseDir: string;
  /** The pipeline's tokenizer (e.g. for components that tokenize phrase patterns the same way). */
  tokenizer?: TokenizerLike;
}

/** A registered component factory (spaCy's `@Language.factory`). */
export interface ComponentFactory<O extends Record<string, unknown> = Record<string, unknown>> {
  /** Option schema: unknown keys and wrong types are rejected with the key named. */
  options: Record<keyof O & string, OptionSpec>;
  /** Doc columns/attributes the component writes (documentation and `nlp.analyze`). */
  assigns?: readonly string[];
  /** Builds the component from validated options (defaults filled in). */
  create(options: O, context: FactoryContext): Component | Promise<Component>;
}

/** A registered tokenizer factory. */
export interface TokenizerFactory<O extends Record<string, unknown> = Record<string, unknown>> {
  options: Record<keyof O & string, OptionSpec>;
  create(options: O, context: FactoryContext): TokenizerLike;
}
