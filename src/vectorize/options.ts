/**
 * Option-object checks shared by the vectorizers. JavaScript passes any object, so a misspelt or
 * scikit-learn-style key (`max_df`, `ngram_range`) would otherwise be silently ignored and a
 * string `'false'` for a boolean would silently mean true.
 */
import { ConfigError } from '../core/errors.js';

/** Keys of the analyzer options (AnalyzerOptions). */
export const ANALYZER_KEYS: readonly string[] = Object.freeze(['analyzer', 'lowercase', 'tokenPattern', 'stopWords', 'ngramRange']);
/** Keys CountVectorizer reads. */
export const COUNT_KEYS: readonly string[] = Object.freeze([...ANALYZER_KEYS, 'minDf', 'maxDf', 'maxFeatures', 'vocabulary', 'binary', 'dtype']);
/** Keys TfidfTransformer reads. */
export const TFIDF_KEYS: readonly string[] = Object.freeze(['norm', 'useIdf', 'smoothIdf', 'sublinearTf']);
/** Keys HashingVectorizer reads. */
export const HASHING_KEYS: readonly string[] = Object.freeze([...ANALYZER_KEYS, 'nFeatures', 'alternateSign', 'norm', 'binary', 'dtype']);

const BOOLEAN_KEYS: ReadonlySet<string> = new Set(['lowercase', 'binary', 'useIdf', 'smoothIdf', 'sublinearTf', 'alternateSign']);

/**
 * Throws a ConfigError for a key of `options` not in `known` (naming the camelCase option a
 * snake_case key stands for), for a boolean option that is not a boolean and for a dtype other
 * than 'float64' / 'float32'. Keys whose value is undefined are ignored.
 * @example checkOptions({ max_df: 0.5 }, COUNT_KEYS) // ConfigError: unknown option "max_df"; did you mean "maxDf"?
 */
export function checkOptions(options: object, known: readonly string[]): void {
  for (const [k, v] of Object.entries(options)) {
    if (v === undefined) continue;
    if (!known.includes(k)) {
      const camel = k.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()).toLowerCase();
      const near = known.find((o) => o.toLowerCase() === camel);
      throw new ConfigError(`unknown option "${k}"${near ? `; did you mean "${near}"?` : `; valid options: ${known.join(', ')}`}`, { key: k });
    }
    if (BOOLEAN_KEYS.has(k) && typeof v !== 'boolean') throw new ConfigError(`${k} must be true or false, got ${JSON.stringify(v)}`, { key: k });
    if (k === 'dtype' && v !== 'float64' && v !== 'float32') throw new ConfigError(`dtype must be 'float64' or 'float32', got ${JSON.stringify(v)}`, { key: k });
  }
}
