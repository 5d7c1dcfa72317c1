/**
 * `textloom/matcher`: the token-pattern Matcher and the PhraseMatcher (spaCy's), with the
 * tokenizer and Doc/Vocab they run on, and no Node built-in reachable. The EntityRuler (it reads
 * pattern files) stays in the main entry.
 * @example
 * import { Matcher, Tokenizer, Vocab } from 'textloom/matcher';
 * const vocab = new Vocab();
 * const matcher = new Matcher(vocab);
 * matcher.add('HELLO', [[{ LOWER: 'hello' }, { IS_PUNCT: true, OP: '?' }, { LOWER: 'world' }]]);
 * matcher.match(new Tokenizer(vocab).tokenize('Hello, world!'), { asSpans: true })[0].text; // 'Hello, world'
 * @packageDocumentation
 */
export * from './tokenizer.js';
export { Matcher, MATCHER_DEFAULTS } from '../components/matcher/matcher.js';
export type { TokenPattern, TokenSpecInput, MatchTriple, OnMatch, MatcherOptions, MatcherAddOptions, MatchOptions } from '../components/matcher/matcher.js';
export { PhraseMatcher, PHRASE_MATCHER_DEFAULTS } from '../components/matcher/phrase.js';
export type { PhraseMatcherOptions, PhraseOnMatch } from '../components/matcher/phrase.js';
export { levenshteinCompare } from '../components/matcher/predicates.js';
