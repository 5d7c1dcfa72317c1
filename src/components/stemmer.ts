/**
 * The `stemmer` pipeline component: writes each token's stem into the `stem` string extension
 * column. With `language` set, that language's Snowball stemmer (`lang/stemmer-table.ts`: de, en, es,
 * fr, it, nl, pt); otherwise `algorithm`: `porter2` (Snowball English), or `porter` / `lancaster`
 * from the optional `natural` package (`npm i natural`), loaded only when asked for.
 * Stems are computed once per word type and cached by string id, so a corpus costs one stem call
 * per distinct word.
 */
import type { Doc } from '../core/doc.js';
import type { Vocab } from '../core/vocab.js';
import type { Component, ComponentFactory, PerTypeAttr } from '../pipeline/component.js';
import { grow } from '../util/typed.js';
import { ConfigError } from '../core/errors.js';
import { loadSnowballStemmer, snowballLanguage, snowballStemmer } from '../lang/stemmer-table.js';
import { importOptional, requireOptional } from './optional-import.js';
import { porter2 } from './porter2.js';

/** Stemming algorithms the `stemmer` component knows. */
export type StemAlgorithm = 'porter2' | 'porter' | 'lancaster';

/** Options of the `stemmer` component. */
export interface StemmerOptions extends Record<string, unknown> {
  /** `porter2` (default), `porter` or `lancaster`; ignored when `language` is set. */
  algorithm: StemAlgorithm;
  /**
   * Stem with this language's Snowball stemmer: an ISO 639-1 code (`de`, `en`, `es`, `fr`, `it`,
   * `nl`, `pt`) or English name (`german`). Default null: the pipeline's language (config `lang`)
   * when it has a Snowball stemmer and `algorithm` is left at `porter2`, else `algorithm`.
   * `en` is `porter2`.
   */
  language: string | null;
  /** Lower-case before stemming (default true; the algorithms expect lower case). */
  lowercase: boolean;
  /** Name of the string extension column written (default `stem`). */
  attr: string;
}

/** Defaults of {@link StemmerOptions}. */
export const STEMMER_DEFAULTS: Readonly<StemmerOptions> = Object.freeze({ algorithm: 'porter2', language: null, lowercase: true, attr: 'stem' });

/** One of natural's stemmer modules. */
interface NaturalStemmer {
  stem(word: string): string;
}

// Deep paths: natural's index pulls in its whole library; the stemmer files stand alone.
const NATURAL_STEMMERS: Record<Exclude<StemAlgorithm, 'porter2'>, string> = {
  porter: 'natural/lib/natural/stemmers/porter_stemmer.js',
  lancaster: 'natural/lib/natural/stemmers/lancaster_stemmer.js',
};

function naturalArgs(algorithm: Exclude<StemAlgorithm, 'porter2'>) {
  return ['natural', NATURAL_STEMMERS[algorithm], `the "${algorithm}" stemmer`, { key: 'algorithm' }] as const;
}

/**
 * Loads the stem function for an algorithm. `porter` and `lancaster` come from the optional
 * `natural` package, imported on first use and cached.
 * @throws MissingDependencyError (rejects) for `porter` / `lancaster` when `natural` is not installed.
 * @example
 * const stem = await loadStemFunction('porter'); stem('generously') // 'gener'
 */
export async function loadStemFunction(algorithm: StemAlgorithm): Promise<(word: string) => string> {
  if (algorithm === 'porter2') return porter2;
  const mod = await importOptional<NaturalStemmer>(...naturalArgs(algorithm));
  return (w: string) => mod.stem(w);
}

/**
 * The stem function for an algorithm, synchronously: `porter` and `lancaster` reuse the module
 * {@link loadStemFunction} loaded, or load `natural`'s stemmer file now.
 * @throws MissingDependencyError for `porter` / `lancaster` when `natural` is not installed.
 */
export function stemFunction(algorithm: StemAlgorithm): (word: string) => string {
  if (algorithm === 'porter2') return porter2;
  const mod = requireOptional<NaturalStemmer>(...naturalArgs(algorithm));
  return (w: string) => mod.stem(w);
}

/**
 * Stems the tokens of each Doc into a string extension column, caching per word type.
 * @example
 * const nlp = await createPipeline({ tokenizer: { factory: 'whitespace' }, components: [{ name: 'stemmer' }] });
 * nlp('running quickly').token(0).ext('stem') // 'run'
 * // German (Snowball): { name: 'stemmer', options: { language: 'de' } } stems 'Häuser' to 'haus'
 */
export class Stemmer implements Component {
  readonly name: string;
  private readonly stem: (w: string) => string;
  /**
   * Per vocab: orth id -> stem id + 1 (0 = not computed yet). Keyed by vocab because ids mean
   * nothing outside the vocab that interned them (a Doc may come from another vocab).
   */
  private readonly caches = new WeakMap<Vocab, { ids: Uint32Array }>();

  /**
   * @param stem The stem function (default: {@link stemFunction} of `options.algorithm`); the
   *   registered factory passes the one {@link loadStemFunction} imported.
   */
  constructor(
    private readonly vocab: Vocab,
    private readonly options: StemmerOptions = STEMMER_DEFAULTS,
    name = 'stemmer',
    stem: (word: string) => string = options.language != null ? snowballStemmer(options.language) : stemFunction(options.algorithm),
  ) {
    this.name = name;
    this.stem = stem;
    this.perType = { attr: options.attr, idOf: (orth: number) => this.stemId(this.vocab, orth) };
  }

  /** The stem column depends only on each token's orth id (see `Component.perType`). */
  readonly perType: PerTypeAttr;

  /** The stem of one word (cached per string id of `word`). */
  stemWord(word: string): string {
    return this.vocab.strings.get(this.stemId(this.vocab, this.vocab.strings.add(word)));
  }

  private cacheFor(vocab: Vocab): { ids: Uint32Array } {
    let c = this.caches.get(vocab);
    if (!c) this.caches.set(vocab, (c = { ids: new Uint32Array(1024) }));
    return c;
  }

  /** The stem's string id in `vocab` of the word whose id in `vocab` is `orth`. */
  private stemId(vocab: Vocab, orth: number, c = this.cacheFor(vocab)): number {
    if (orth < c.ids.length) {
      const hit = c.ids[orth]!;
      if (hit) return hit - 1;
    }
    const strings = vocab.strings;
    const text = strings.get(orth);
    const id = strings.add(this.stem(this.options.lowercase ? text.toLowerCase() : text));
    c.ids = grow(c.ids, Math.max(orth, id) + 1);
    c.ids[orth] = id + 1;
    return id;
  }

  process(doc: Doc): void {
    const col = doc.extension<string>(this.options.attr, 'string') as unknown as { ids?: Uint32Array; set(i: number, v: string): void };
    const n = doc.length;
    const orth = doc.orth;
    const vocab = doc.vocab;
    const c = this.cacheFor(vocab);
    // Fast path: write interned ids straight into the column when it exposes them.
    if (col.ids && col.ids.length >= n) {
      for (let i = 0; i < n; i++) col.ids[i] = this.stemId(vocab, orth[i]!, c);
    } else {
      const strings = vocab.strings;
      for (let i = 0; i < n; i++) col.set(i, strings.get(this.stemId(vocab, orth[i]!, c)));
    }
  }
}

/** The registered `stemmer` factory. */
export const stemmerFactory: ComponentFactory<StemmerOptions> = {
  options: {
    algorithm: { type: 'string', default: STEMMER_DEFAULTS.algorithm, enum: ['porter2', 'porter', 'lancaster'], doc: 'stemming algorithm' },
    language: { type: 'string', default: STEMMER_DEFAULTS.language, nullable: true, doc: 'Snowball stemmer of this language (de, en, es, fr, it, nl, pt)' },
    lowercase: { type: 'boolean', default: STEMMER_DEFAULTS.lowercase, doc: 'lower-case before stemming' },
    attr: { type: 'string', default: STEMMER_DEFAULTS.attr, doc: 'extension column to write' },
  },
  assigns: ['_.stem'],
  create: async (o, ctx) => {
    // A pipeline of another language (config `lang`) stems in that language unless told otherwise.
    if (o.language == null && o.algorithm === 'porter2' && ctx.lang !== undefined && snowballLanguage(ctx.lang)) o = { ...o, language: ctx.lang };
    if (o.language == null) return new Stemmer(ctx.vocab, o, ctx.name, await loadStemFunction(o.algorithm));
    // natural's algorithms are English-only: asking for one with another language is a mistake.
    if (o.algorithm !== 'porter2') {
      throw new ConfigError(`stemmer: choose either algorithm "${o.algorithm}" or language "${o.language}", not both`, { key: `${ctx.name}.language` });
    }
    return new Stemmer(ctx.vocab, o, ctx.name, await loadSnowballStemmer(o.language, `${ctx.name}.language`));
  },
};
