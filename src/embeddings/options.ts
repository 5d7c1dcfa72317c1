/**
 * Option-object checks for the embeddings API. JavaScript passes any object, so a misspelt or
 * gensim-style key (`restrict_vocab`, `case_insensitive`) would otherwise be silently ignored, and
 * a string `'false'` for a boolean would silently mean true.
 */
import { ArgumentError } from '../core/errors.js';
import { checkOptionKeys } from '../core/options.js';

/**
 * Throws an ArgumentError for a key of `options` not in `known` (naming the camelCase option a
 * snake_case key stands for) and for a key of `booleans` whose value is not a boolean. Keys whose
 * value is undefined are ignored.
 * @example checkOptions({ restrict_vocab: 100 }, ['topn', 'restrictVocab'], [], 'mostSimilar')
 */
export function checkOptions(options: object, known: readonly string[], booleans: readonly string[], what: string): void {
  if (options === null || typeof options !== 'object') throw new ArgumentError(`${what} options must be an object`, { key: 'options' });
  checkOptionKeys(options, known, { what, booleans });
}

/** `n` as a count of words: an integer >= 0 (a fraction, NaN or string would silently change results). */
export function checkCount(n: unknown, key: string): void {
  if (!Number.isInteger(n) || (n as number) < 0) throw new ArgumentError(`${key} must be an integer >= 0, got ${JSON.stringify(n) ?? String(n)}`, { key });
}
