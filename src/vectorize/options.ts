/**
 * Option-object checks shared by the vectorizers. JavaScript passes any object, so a misspelt or
 * scikit-learn-style key (`max_df`, `ngram_range`) would otherwise be silently ignored and a
 * string `'false'` for a boolean would silently mean true.
 */
import { ConfigError } from '../core/errors.js';
import { checkOptionKeys } from '../core/options.js';

/** Keys of the analyzer options (AnalyzerOptions). */
export const ANALYZER_KEYS: readonly string[] = Object.freeze(['analyzer', 'lowercase', 'tokenPattern', 'stopWords', 'ngramRange']);
/** Keys CountVectorizer reads. */
export const COUNT_KEYS: readonly string[] = Object.freeze([...ANALYZER_KEYS, 'minDf', 'maxDf', 'maxFeatures', 'vocabulary', 'binary', 'dtype']);
/** Keys TfidfTransformer reads. */
export const TFIDF_KEYS: readonly string[] = Object.freeze(['norm', 'useIdf', 'smoothIdf', 'sublinearTf']);
/** Keys HashingVectorizer reads. */
export const HASHING_KEYS: readonly string[] = Object.freeze([...ANALYZER_KEYS, 'nFeatures', 'alternateSign', 'norm', 'binary', 'dtype']);

const BOOLEAN_KEYS: readonly string[] = Object.freeze(['lowercase', 'binary', 'useIdf', 'smoothIdf', 'sublinearTf', 'alternateSign']);

/**
 * Throws a ConfigError for a key of `options` not in `known` (naming the camelCase option a
 * snake_case key stands for), for a boolean option that is not a boolean and for a dtype other
 * than 'float64' / 'float32'. Keys whose value is undefined are ignored.
 * @example checkOptions({ max_df: 0.5 }, COUNT_KEYS) // ConfigError: unknown option "max_df"; did you mean "maxDf"?
 */
export function checkOptions(options: object, known: readonly string[]): void {
  checkOptionKeys(options, known, { config: true, booleans: BOOLEAN_KEYS });
  const dtype = (options as { dtype?: unknown }).dtype;
  if (dtype !== undefined && dtype !== 'float64' && dtype !== 'float32') throw new ConfigError(`dtype must be 'float64' or 'float32', got ${JSON.stringify(dtype)}`, { key: 'dtype' });
}
