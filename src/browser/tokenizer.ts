/**
 * `textloom/tokenizer`: the rule-based tokenizer and the Doc/Token/Span/Vocab it fills, with no
 * Node built-in reachable, for browsers and bundlers (and Node, where it is the same code).
 * @example
 * import { Tokenizer, Vocab } from 'textloom/tokenizer';
 * const tokenizer = new Tokenizer(new Vocab());
 * [...tokenizer.tokenize("Don't stop.")].map((t) => t.text); // ["Do", "n't", "stop", "."]
 * @packageDocumentation
 */
export * from '../core/index.js';
export { Tokenizer, TOKENIZER_DEFAULTS, mergeRules } from '../tokenizer/tokenizer.js';
export type { TokenizerOptions } from '../tokenizer/tokenizer.js';
export { EN_RULES, EN_SPECIAL_CASES, EN_ABBREVIATIONS, EN_HYPHEN_PREFIXES, EN_HYPHEN_SUFFIXES, EN_UNITS, EN_EMOTICONS } from '../lang/en/tokenizer.js';
export type { TokenizerRules, EncliticRules } from '../tokenizer/rules.js';
export { WhitespaceTokenizer } from '../tokenizer/whitespace.js';
export { detokenize, DETOKENIZE_DEFAULTS } from '../tokenizer/detokenize.js';
export type { DetokenizeOptions } from '../tokenizer/detokenize.js';
