/** Helpers the per-language rule tables are written with (data shaping only). */
import { EN_EMOTICONS } from './en/tokenizer.js';
import type { TokenizerRules } from '../tokenizer/rules.js';

/** Upper-cases the first character. */
function title(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Adds case forms of each lower-case surface -> words entry, as the language's treebank writes
 * them: `title` `'first'` gives `Del` = `De el` (German, Portuguese), `'lower'` gives `Au` = `à
 * le` (French GSD lower-cases the words), `'none'` leaves Title-case forms whole (Spanish GSD keeps
 * `Al`, `Del` unsplit). UPPER forms are always added (`DEL` = `DE EL`).
 */
export function caseVariants(table: Readonly<Record<string, readonly string[]>>, title_: 'first' | 'lower' | 'none' = 'first'): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {};
  for (const [k, words] of Object.entries(table)) {
    out[k] = words;
    if (title_ === 'first') out[title(k)] = [title(words[0]!), ...words.slice(1)];
    else if (title_ === 'lower') out[title(k)] = words;
    out[k.toUpperCase()] = words.map((w) => w.toUpperCase());
  }
  return out;
}

/** Each string with `'` also written with the typographic apostrophe `’`, plus Title and UPPER forms. */
export function apostropheForms(list: readonly string[]): string[] {
  const out = new Set<string>();
  for (const x of list) for (const y of [x, title(x), x.toUpperCase()]) {
    out.add(y);
    out.add(y.replaceAll("'", '’'));
  }
  return [...out];
}

/** Splits a whitespace-separated word list. */
export function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

/**
 * Rule tables of a language that writes words with spaces and keeps hyphenated words whole (the
 * UD treebanks of German, French, Spanish, Portuguese, Dutch, Italian): no English clitics,
 * special cases or units; the emoticons are shared. Fields given override.
 */
export function spacedRules(over: Partial<TokenizerRules>): TokenizerRules {
  return Object.freeze({
    prefixes: [],
    suffixes: [],
    infixes: [],
    specialCases: {},
    abbreviations: [],
    hyphenPrefixes: [],
    hyphenSuffixes: [],
    units: [],
    emoticons: EN_EMOTICONS,
    multiwordTokens: {},
    multiwordKeepAfter: {},
    enclitics: null,
    apostropheClitics: false,
    splitHyphens: false,
    ordinalPeriod: false,
    splitMarkRuns: false,
    ...over,
  });
}
