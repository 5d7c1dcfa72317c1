/**
 * The word analyzer of a language (`language: 'de'`): the language's tokenizer (the rule-based
 * tokenizer on its tables, or ICU word segmentation for zh/ja/xx), punctuation dropped, stop words
 * removed (the language's list unless `stopWords` says otherwise), then each lower-cased word's
 * Snowball stem (languages without one keep the lower-cased word). Each word type is resolved
 * once: its term is cached by the tokenizer's string id.
 */
import { ConfigError } from '../core/errors.js';
import { Vocab } from '../core/vocab.js';
import { getLanguage, languageCodes } from '../lang/registry.js';
import { snowballLanguage, snowballStemmer } from '../lang/stemmers.js';
import { tokenizerFor } from '../lang/tokenizer-for.js';
// Node only (the vectorizers have no browser entry): every language up front, as `languageWords` is synchronous.
import '../lang/languages-eager.js';
import '../lang/stemmers.js';

const HAS_ALNUM = /[\p{L}\p{N}]/u;

/**
 * Words of `text` as terms of `language`, each passed to `push` (before n-grams).
 * @param stopWords `undefined`: the language's list; `null`: none; else the set given.
 * @throws ConfigError (key `language`) for an unknown code, listing the known ones.
 * @example
 * const words = languageWords('de', undefined);
 * words('Die Häuser und Gärten', (t) => console.log(t)); // haus, gart
 */
export function languageWords(language: unknown, stopWords: ReadonlySet<string> | null | undefined): (text: string, push: (term: string) => void) => void {
  const known = languageCodes();
  if (typeof language !== 'string' || !known.includes(language.toLowerCase())) {
    throw new ConfigError(`unknown language ${JSON.stringify(language)}; known: ${known.join(', ')}`, { key: 'language' });
  }
  const lang = getLanguage(language);
  const stop = stopWords === undefined ? lang.stopWords : stopWords;
  const stem = snowballLanguage(lang.code) ? snowballStemmer(lang.code) : null;
  const vocab = new Vocab();
  const tokenizer = tokenizerFor(vocab, lang.code);
  // orth id -> term, or null for a dropped token (punctuation, stop word); undefined: not seen yet.
  const termOf: (string | null | undefined)[] = [];
  const resolve = (orth: number): string | null => {
    const text = vocab.strings.get(orth);
    const lower = text.toLowerCase();
    const term = !HAS_ALNUM.test(text) || (stop !== null && stop.has(lower)) ? null : stem ? stem(lower) : lower;
    termOf[orth] = term;
    return term;
  };
  return (text, push) => {
    if (tokenizer.scan) {
      const s = tokenizer.scan(text);
      for (let i = 0; i < s.n; i++) {
        const o = s.orth[i]!;
        const t = termOf[o] === undefined ? resolve(o) : termOf[o]!;
        if (t !== null) push(t);
      }
      return;
    }
    const doc = tokenizer.tokenize(text);
    for (let i = 0; i < doc.length; i++) {
      const o = doc.orth[i]!;
      const t = termOf[o] === undefined ? resolve(o) : termOf[o]!;
      if (t !== null) push(t);
    }
  };
}
