/**
 * The Snowball stemmers by language: textloom's own ports of the Snowball 2.2 algorithms for
 * German, English (Porter2), Spanish, French, Italian, Dutch and Portuguese, looked up by ISO 639-1
 * code (`de`) or English name (`german`), as spaCy and Lucene users name them.
 */
import { ConfigError } from '../core/errors.js';
import { germanStem } from './de/stemmer.js';
import { porter2 } from './en/stemmer.js';
import { spanishStem } from './es/stemmer.js';
import { frenchStem } from './fr/stemmer.js';
import { italianStem } from './it/stemmer.js';
import { dutchStem } from './nl/stemmer.js';
import { portugueseStem } from './pt/stemmer.js';

/** Language codes that have a Snowball stemmer, sorted. */
export const SNOWBALL_LANGUAGES = Object.freeze(['de', 'en', 'es', 'fr', 'it', 'nl', 'pt'] as const);

/** A language code of {@link SNOWBALL_LANGUAGES}. */
export type SnowballLanguage = (typeof SNOWBALL_LANGUAGES)[number];

const BY_CODE: Readonly<Record<SnowballLanguage, (word: string) => string>> = Object.freeze({
  de: germanStem,
  en: porter2,
  es: spanishStem,
  fr: frenchStem,
  it: italianStem,
  nl: dutchStem,
  pt: portugueseStem,
});

const NAMES: Readonly<Record<string, SnowballLanguage>> = Object.freeze({
  german: 'de', english: 'en', spanish: 'es', french: 'fr', italian: 'it', dutch: 'nl', portuguese: 'pt',
});

/**
 * The language code a name or code stands for (`'German'` and `'de'` both give `'de'`), or
 * undefined when no Snowball stemmer covers it.
 */
export function snowballLanguage(language: string): SnowballLanguage | undefined {
  const key = language.trim().toLowerCase();
  if (Object.hasOwn(BY_CODE, key)) return key as SnowballLanguage;
  return Object.hasOwn(NAMES, key) ? NAMES[key] : undefined;
}

/**
 * The Snowball stem function of a language. The function expects a lower-case word and returns
 * its stem; it keeps no state between calls but a reused buffer, so it is not reentrant (it never
 * calls out) and allocates only the result string.
 * @param language ISO 639-1 code (`de`, `en`, `es`, `fr`, `it`, `nl`, `pt`) or English name.
 * @param key The config key named in the error (default `language`).
 * @throws ConfigError for a language without a Snowball stemmer, listing the known codes.
 * @example
 * snowballStemmer('de')('häuser') // 'haus'
 * snowballStemmer('french')('continuellement') // 'continuel'
 */
export function snowballStemmer(language: string, key = 'language'): (word: string) => string {
  const code = typeof language === 'string' ? snowballLanguage(language) : undefined;
  if (!code) {
    throw new ConfigError(`no Snowball stemmer for language ${JSON.stringify(language)}; known: ${SNOWBALL_LANGUAGES.join(', ')}`, { key });
  }
  return BY_CODE[code];
}
