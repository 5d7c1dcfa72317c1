/**
 * Data for the rule-based sentence splitter: terminal punctuation, closers that stay with the
 * sentence they close, and abbreviations that never end (or may end) a sentence.
 */

/** Characters that end a sentence when a token consists only of them (spaCy's sentencizer set, trimmed). */
export const TERMINAL_CHARS = new Set([
  '.', '!', '?', '…', '։', '؟', '۔', '܀', '।', '॥', '။', '።', '፧', '᙮', '។', '‼', '‽', '⁇', '⁈', '⁉', '。', '！', '？', '｡', '︒', '﹒', '﹖', '﹗', '．',
]);

/** Tokens that attach to the sentence before them when they follow terminal punctuation. */
export const CLOSERS = new Set([')', ']', '}', '"', "'", '”', '’', '»', '›', "''", '`', '´']);

/** The closers that end a quotation: after one, a lower-case word continues the sentence ("'Oh!' cried Alice"). */
export const QUOTE_CLOSERS = new Set(['"', "'", '”', '’', '»', '›', "''"]);

/** Abbreviations after which a sentence never ends (titles and the like), lower case. */
export const NEVER_FINAL = new Set(
  `mr. mrs. ms. dr. prof. st. mt. gen. sen. rep. gov. lt. col. capt. sgt. cpt. maj. adm. rev. fr. hon. pres. supt. messrs.
vs. v. no. nos. fig. figs. p. pp. vol. ch. sec. art. approx. ca. cf. e.g. i.e. viz. jan. feb. mar. apr. aug. sept. sep.
oct. nov. dec.`.split(/\s+/),
);

/** Opening punctuation that may begin a sentence. */
export const OPENERS = new Set(['(', '[', '{', '"', "'", '“', '‘', '«', '‹', '``', '¿', '¡', '-', '*', '•']);
