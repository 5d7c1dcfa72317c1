/**
 * The Snowball stemmers by language, looked up by ISO 639-1 code (`de`) or English name
 * (`german`). English (Porter2, the default stemmer) is always here; the others are each loaded on
 * demand by a dynamic `import()` (its own chunk in a browser bundle) through
 * {@link loadSnowballStemmer}, which the `stemmer` component's factory awaits. Node's main entry
 * provides all of them up front (`stemmers.ts`).
 */
import { ConfigError } from '../core/errors.js';
import { porter2 } from './en/stemmer.js';

/** Language codes that have a Snowball stemmer, sorted. */
export const SNOWBALL_LANGUAGES = Object.freeze(['de', 'en', 'es', 'fr', 'it', 'nl', 'pt'] as const);

/** A language code of {@link SNOWBALL_LANGUAGES}. */
export type SnowballLanguage = (typeof SNOWBALL_LANGUAGES)[number];

type Stem = (word: string) => string;

const LOADERS: Readonly<Record<Exclude<SnowballLanguage, 'en'>, () => Promise<Stem>>> = Object.freeze({
  de: () => import('./de/stemmer.js').then((m) => m.germanStem),
  es: () => import('./es/stemmer.js').then((m) => m.spanishStem),
  fr: () => import('./fr/stemmer.js').then((m) => m.frenchStem),
  it: () => import('./it/stemmer.js').then((m) => m.italianStem),
  nl: () => import('./nl/stemmer.js').then((m) => m.dutchStem),
  pt: () => import('./pt/stemmer.js').then((m) => m.portugueseStem),
});

const loaded = new Map<SnowballLanguage, Stem>([['en', porter2]]);

const NAMES: Readonly<Record<string, SnowballLanguage>> = Object.freeze({
  german: 'de', english: 'en', spanish: 'es', french: 'fr', italian: 'it', dutch: 'nl', portuguese: 'pt',
});

/**
 * The language code a name or code stands for (`'German'` and `'de'` both give `'de'`), or
 * undefined when no Snowball stemmer covers it.
 */
export function snowballLanguage(language: string): SnowballLanguage | undefined {
  const key = language.trim().toLowerCase();
  if ((SNOWBALL_LANGUAGES as readonly string[]).includes(key)) return key as SnowballLanguage;
  return Object.hasOwn(NAMES, key) ? NAMES[key] : undefined;
}

function codeOf(language: string, key: string): SnowballLanguage {
  const code = typeof language === 'string' ? snowballLanguage(language) : undefined;
  if (!code) {
    throw new ConfigError(`no Snowball stemmer for language ${JSON.stringify(language)}; known: ${SNOWBALL_LANGUAGES.join(', ')}`, { key });
  }
  return code;
}

/** Hands over a stem function loaded synchronously (Node's main entry, `stemmers.ts`). */
export function provideSnowballStemmer(code: SnowballLanguage, stem: Stem): void {
  loaded.set(code, stem);
}

/**
 * The Snowball stem function of a language. The function expects a lower-case word and returns
 * its stem; it keeps no state between calls but a reused buffer, so it is not reentrant (it never
 * calls out) and allocates only the result string. Outside Node's main entry, a language other
 * than English must be loaded first ({@link loadSnowballStemmer}).
 * @param language ISO 639-1 code (`de`, `en`, `es`, `fr`, `it`, `nl`, `pt`) or English name.
 * @param key The config key named in the error (default `language`).
 * @throws ConfigError for a language without a Snowball stemmer, listing the known codes, or
 * one not loaded yet.
 * @example
 * snowballStemmer('de')('häuser') // 'haus'
 * snowballStemmer('french')('continuellement') // 'continuel'
 */
export function snowballStemmer(language: string, key = 'language'): Stem {
  const code = codeOf(language, key);
  const stem = loaded.get(code);
  if (stem === undefined) throw new ConfigError(`the ${code} Snowball stemmer is not loaded yet: await loadSnowballStemmer('${code}') first`, { key });
  return stem;
}

/**
 * The Snowball stem function of a language, loading it first if needed (in a browser bundle each
 * language's stemmer is a chunk of its own).
 * @throws ConfigError for a language without a Snowball stemmer, listing the known codes.
 * @example (await loadSnowballStemmer('de'))('häuser') // 'haus'
 */
export async function loadSnowballStemmer(language: string, key = 'language'): Promise<Stem> {
  const code = codeOf(language, key);
  let stem = loaded.get(code);
  if (stem === undefined) {
    stem = await LOADERS[code as Exclude<SnowballLanguage, 'en'>]();
    loaded.set(code, stem);
  }
  return stem;
}
