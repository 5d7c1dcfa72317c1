/**
 * The shape of a tokenizer's rule tables (data only). Each language's tables live in
 * `src/lang/<code>/tokenizer.ts`; English (`src/lang/en/tokenizer.ts`) is the default.
 */

/** The rule tables a {@link Tokenizer} runs on. Every field is plain data, so configs can extend it. */
export interface TokenizerRules {
  /** Literal strings peeled off the start of a chunk (longest match first), besides the built-in classes. */
  prefixes: readonly string[];
  /** Literal strings peeled off the end of a chunk (longest match first), besides the built-in classes. */
  suffixes: readonly string[];
  /** Literal strings split out wherever they occur inside a chunk, besides the built-in infix rules. */
  infixes: readonly string[];
  /** Exact chunk -> pieces (pieces must concatenate to the chunk). */
  specialCases: Readonly<Record<string, readonly string[]>>;
  /** Abbreviations kept whole with their final period (`Dr.`, `etc.`, `z.B.`). */
  abbreviations: readonly string[];
  /** Lower-cased first parts after which a letter-hyphen-letter compound stays whole (`e-mail`, `anti-American`). */
  hyphenPrefixes: readonly string[];
  /** Lower-cased second parts that keep a hyphenated compound whole (`career-wise`). */
  hyphenSuffixes: readonly string[];
  /** Letter sequences split off after a number (`5pm` -> `5 pm`, `35mm` -> `35 mm`). */
  units: readonly string[];
  /** Emoticons matched as whole tokens. */
  emoticons: readonly string[];
  /**
   * Multiword tokens: a surface token (exact case) -> the syntactic words it stands for, as the
   * Universal Dependencies treebanks write them (`del` -> `de el`, `zum` -> `zu dem`). The words
   * need not rejoin to the surface form; the Doc keeps the surface text exact (see `token.mwt`).
   */
  multiwordTokens: Readonly<Record<string, readonly string[]>>;
  /**
   * Context for ambiguous multiword tokens: surface token (exact case) -> lower-case tokens after
   * which it stays one word (`''` stands for the start of the text). French `des` is `de les`
   * after a noun but the article `des` after `par`, `dans` or at the start.
   */
  multiwordKeepAfter: Readonly<Record<string, readonly string[]>>;
  /**
   * Verb + clitic pronoun forms split into two words (Spanish `darle` -> `dar le`, Portuguese
   * `trata-se` -> `trata se`); null when the language has none. See {@link EncliticRules}.
   */
  enclitics: EncliticRules | null;
  /** Whether the English clitics `n't 's 'm 'd 're 've 'll` are split off word ends (English only). */
  apostropheClitics: boolean;
  /**
   * Whether letter-hyphen-letter and number-hyphen-number are split (English EWT: `long-term` ->
   * `long - term` unless a listed prefix/suffix keeps it); false keeps hyphenated words whole, as
   * the German, French, Spanish, Portuguese, Dutch and Italian treebanks do.
   */
  splitHyphens: boolean;
  /** Whether a number of one to three digits followed by a period is one ordinal token (German `13.`); not at the end of a text. */
  ordinalPeriod: boolean;
  /** Whether runs of `!` or `?` are split into one token per mark (German GSD `!!` -> `! !`). */
  splitMarkRuns: boolean;
  /**
   * Whether a number written with spaces between groups of three digits is one token (French GSD
   * `80 000`, also with a no-break or narrow no-break space); absent means false.
   */
  spacedNumbers?: boolean;
}

/**
 * Verb + clitic splitting rules (data). A word is split into verb + clitic(s) when it ends in one
 * of `clitics` and what precedes ends in one of `verbEndings` with at least `minStem` letters
 * before that ending; with `hyphen`, the clitic must follow a hyphen (Portuguese `dá-lhe`), and
 * the hyphen is dropped from the words. `accents` maps accented vowels back (Spanish
 * `dándole` -> `dando le`). `exceptions` are lower-case words never split.
 */
export interface EncliticRules {
  clitics: readonly string[];
  verbEndings: readonly string[];
  minStem: number;
  hyphen: boolean;
  accents: Readonly<Record<string, string>>;
  exceptions: readonly string[];
}
