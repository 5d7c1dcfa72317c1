import type { TokenizerRules } from '../tokenizer/rules.js';

/**
 * How a language's text becomes tokens: `rules` runs the rule-based {@link Tokenizer} on the
 * language's rule tables; `words` runs Node's built-in ICU word segmentation (`Intl.Segmenter`,
 * dictionary-based for Chinese and Japanese, Unicode word boundaries elsewhere).
 */
export type Segmentation = 'rules' | 'words';

/** Sentence-splitter data of a language. */
export interface SenterData {
  /** Lower-case abbreviations (with their period) after which a sentence never ends (titles). */
  readonly neverFinal: readonly string[];
}

/**
 * One language's data, as spaCy's `Language.Defaults`: tokenizer rules, stop words, lexeme
 * attribute overrides and sentence-splitter data. Each language lives in `src/lang/<code>/`
 * (`tokenizer.ts`, `stop-words.ts`, `lex-attrs.ts`, `index.ts`); {@link getLanguage} finds it.
 * @example getLanguage('de').stopWords.has('und') // true
 */
export interface LanguageData {
  /** ISO 639-1 code (`de`), or `xx` for the language-neutral defaults. */
  readonly code: string;
  /** English name (`German`). */
  readonly name: string;
  /** How text is segmented into tokens. */
  readonly segmentation: Segmentation;
  /** BCP 47 locale handed to `Intl.Segmenter` when `segmentation` is `words`. */
  readonly locale: string;
  /** Rule tables of the rule-based tokenizer (also used for `words` languages' explain and special cases). */
  readonly tokenizer: TokenizerRules;
  /** Stop words, lower case. */
  readonly stopWords: ReadonlySet<string>;
  /** Lower-case number words (cardinals and ordinals): `likeNum` is true for them. */
  readonly numberWords: ReadonlySet<string>;
  /** Sentence-splitter data. */
  readonly senter: SenterData;
  /** For `words` languages: adjacent segments written as one word by the treebank (`な` + `っ` -> `なっ`); the splits are `tokenizer.specialCases`. */
  readonly merges?: readonly (readonly [string, string])[];
  /**
   * For `words` languages: a trained word-boundary model (`encodeSegmenterModel`'s bytes, base64)
   * that decides the boundaries with ICU's among its features; `specialCases` and `merges` then
   * apply only when it is switched off.
   */
  readonly segmenterModel?: string;
}
