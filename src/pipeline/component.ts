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
  /**
   * Optional: re-attaches to a Doc annotated in a worker thread (`nlp.pipe(texts, { nProcess })`)
   * what cannot cross threads: objects in `doc.user`, a `vectorHook`. Called on each received Doc
   * by the calling thread's copy of the component.
   */
  rehydrate?(doc: Doc): void;
  /**
   * Declared by components whose only output is one string extension column `attr` holding, for
   * each token, a value that depends on nothing but the token's orth id (a stemmer, say): `idOf`
   * returns that value's string id. Consumers that need only that column (the search analyzer)
   * may then skip building Docs and call `idOf` once per word type.
   */
  readonly perType?: PerTypeAttr;
}

/** See {@link Component.perType}. */
export interface PerTypeAttr {
  /** The string extension column the component writes. */
  readonly attr: string;
  /** The string id written for a token whose orth id is `orth` (same vocab as the pipeline). */
  idOf(orth: number): number;
}

import type { TokenizerLike, TokenScan } from '../tokenizer/types.js';
export type { TokenizerLike, TokenScan };

import type { OptionSpec } from '../core/options.js';
/** The description of one option of a factory (see `core/options.ts`: the one options checker). */
export type { OptionSpec };

/** What a factory receives when it builds a component. */
export interface FactoryContext {
  /** The pipeline's vocab. */
  vocab: Vocab;
  /** The component's name in this pipeline. */
  name: string;
  /** Directory that relative paths in options resolve against (the config file's directory). */
  baseDir: string;
  /** The pipeline's language code (the config's `lang`, e.g. `de`); undefined when the config names none. */
  lang?: string;
  /** The pipeline's tokenizer (e.g. for components that tokenize phrase patterns the same way). */
  tokenizer?: TokenizerLike;
  /**
   * The enabled components before this one, already built, in order: what spaCy's entity ruler
   * runs over phrase patterns that match on an annotation (`LEMMA`, `POS`, ...).
   */
  preceding?: readonly Component[];
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
