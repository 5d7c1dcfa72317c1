/**
 * The one check of an options object's keys. JavaScript passes any object, so a misspelt or
 * Python-style key (`max_df`, `restrict_vocab`) would otherwise be silently ignored, and a string
 * `'false'` for a boolean would silently mean true.
 */
import { ArgumentError, ConfigError } from './errors.js';

/** How {@link checkOptionKeys} words and types its error. */
export interface OptionKeyCheck {
  /** What the options belong to, in the message: `unknown train option "ordr"` (default none). */
  what?: string;
  /** Prefix of the error's `key`: `highlight` gives `highlight.fragment` (default none). */
  keyPrefix?: string;
  /** Raise a ConfigError (options of a configured object) instead of an ArgumentError (default false). */
  config?: boolean;
  /** Keys whose value must be a boolean. */
  booleans?: readonly string[];
}

/**
 * Throws for a key of `options` not in `known`, naming the option a snake_case or miscased key
 * stands for (`max_df` -> `maxDf`) or else listing the valid ones, and for a key of `booleans`
 * whose value is not a boolean. Keys whose value is undefined are ignored.
 * @example checkOptionKeys({ min_count: 2 }, ['order', 'minCount'], { what: 'train' }) // ArgumentError: unknown train option "min_count"; did you mean "minCount"?
 */
export function checkOptionKeys(options: object, known: readonly string[], check: OptionKeyCheck = {}): void {
  const Err = check.config ? ConfigError : ArgumentError;
  const key = (k: string) => (check.keyPrefix ? `${check.keyPrefix}.${k}` : k);
  for (const [k, v] of Object.entries(options)) {
    if (v === undefined) continue;
    if (!known.includes(k)) {
      const plain = k.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase()).toLowerCase();
      const near = known.find((o) => o.toLowerCase() === plain);
      const what = check.what ? `${check.what} ` : '';
      throw new Err(`unknown ${what}option "${k}"${near ? `; did you mean "${near}"?` : `; valid options: ${known.join(', ')}`}`, { key: key(k) });
    }
    if (check.booleans?.includes(k) && typeof v !== 'boolean') throw new Err(`${k} must be true or false, got ${JSON.stringify(v)}`, { key: key(k) });
  }
}
