/**
 * The one options checker of the library. JavaScript passes any object, so a misspelt or
 * Python-style key (`max_df`, `restrict_vocab`) would otherwise be silently ignored, a string
 * `'false'` for a boolean would silently mean true, and `2.5` epochs would silently train 2.
 *
 * Every module declares its options the same way: a frozen `*_DEFAULTS` object (the one place a
 * default value is written), a schema of {@link OptionSpec}s whose `default` points at that
 * object's field, and a call of {@link checkOptions} or {@link resolveOptions}.
 *
 * Which error: the same checker raises an `ArgumentError` for the options of a call (`train`,
 * `search`, `mostSimilar`) and a `ConfigError` for a configuration: a pipeline config, or the
 * options an object is built with and keeps (SearchIndex.create, a vectorizer's constructor).
 * The caller chooses with `config: true`.
 */
import { ArgumentError, ConfigError } from './errors.js';

/** The description of one option: its type, default and valid values. */
export interface OptionSpec {
  /** The value's type; `'integer'` is a finite whole number, `'number'` any finite number. */
  type: 'boolean' | 'number' | 'integer' | 'string' | 'string[]' | 'object' | 'array' | 'function' | 'any';
  /** Default value (used when the option is omitted); point it at the module's `*_DEFAULTS` field. */
  default?: unknown;
  /** Allowed values for strings. */
  enum?: readonly string[];
  /** Smallest allowed number (inclusive unless `exclusiveMin`). */
  min?: number;
  /** Largest allowed number (inclusive). */
  max?: number;
  /** `min` itself is not allowed (`> 0` rather than `>= 0`). */
  exclusiveMin?: boolean;
  /** `max` itself is not allowed (`< 1` rather than `<= 1`). */
  exclusiveMax?: boolean;
  /** `null` is allowed besides values of `type` (e.g. `norm: null`, `maxFeatures: null`). */
  nullable?: boolean;
  /** One-line description for `--help` style listings. */
  doc?: string;
}

/** An option schema: option name -> its spec. */
export type OptionSchema = Readonly<Record<string, OptionSpec>>;

/** How {@link checkOptionKeys} and {@link checkOptions} word and type their errors. */
export interface OptionKeyCheck {
  /** What the options belong to, in the message: `unknown train option "ordr"` (default none). */
  what?: string;
  /** Prefix of the error's `key`: `highlight` gives `highlight.fragment` (default none). */
  keyPrefix?: string;
  /** Raise a ConfigError (a configuration) instead of an ArgumentError (a call's options) (default false). */
  config?: boolean;
  /** Keys whose value must be a boolean. */
  booleans?: readonly string[];
}

function keyOf(check: OptionKeyCheck, k: string): string {
  return check.keyPrefix ? `${check.keyPrefix}.${k}` : k;
}

/**
 * Throws for a key of `options` not in `known`, naming the option a snake_case or miscased key
 * stands for (`max_df` -> `maxDf`) or else listing the valid ones, and for a key of `booleans`
 * whose value is not a boolean. Keys whose value is undefined are ignored.
 * @example checkOptionKeys({ min_count: 2 }, ['order', 'minCount'], { what: 'train' }) // ArgumentError: unknown train option "min_count"; did you mean "minCount"?
 */
export function checkOptionKeys(options: object, known: readonly string[], check: OptionKeyCheck = {}): void {
  const Err = check.config ? ConfigError : ArgumentError;
  for (const [k, v] of Object.entries(options)) {
    if (v === undefined) continue;
    if (!known.includes(k)) {
      const plain = k.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase()).toLowerCase();
      const near = known.find((o) => o.toLowerCase() === plain);
      const what = check.what ? `${check.what} ` : '';
      const hint = near ? `; did you mean "${near}"?` : known.length ? `; valid options: ${known.join(', ')}` : ' (there are no options)';
      throw new Err(`unknown ${what}option "${k}"${hint}`, { key: keyOf(check, k) });
    }
    if (check.booleans?.includes(k) && typeof v !== 'boolean') throw new Err(`${k} must be true or false, got ${JSON.stringify(v)}`, { key: keyOf(check, k) });
  }
}

function typeOk(spec: OptionSpec, v: unknown): boolean {
  switch (spec.type) {
    case 'boolean':
      return typeof v === 'boolean';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'string':
      return typeof v === 'string';
    case 'string[]':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
    case 'array':
      return Array.isArray(v);
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'function':
      return typeof v === 'function';
    case 'any':
      return true;
  }
}

const TYPE_WORDS: Record<OptionSpec['type'], string> = {
  boolean: 'true or false',
  number: 'a finite number',
  integer: 'an integer',
  string: 'a string',
  'string[]': 'a list of strings',
  array: 'a list',
  object: 'an object',
  function: 'a function',
  any: 'any value',
};

/**
 * What a valid value of `spec` is, in words: `an integer >= 1`, `a finite number in [0, 1]`,
 * `one of bm25, tfidf`, `true or false` (with `or null` when nullable).
 * @example describeOption({ type: 'integer', min: 1 }) // 'an integer >= 1'
 */
export function describeOption(spec: OptionSpec): string {
  let s: string;
  if (spec.enum) s = `one of ${spec.enum.join(', ')}`;
  else {
    s = TYPE_WORDS[spec.type];
    if (spec.min !== undefined && spec.max !== undefined) s += ` in ${spec.exclusiveMin ? '(' : '['}${spec.min}, ${spec.max}${spec.exclusiveMax ? ')' : ']'}`;
    else if (spec.min !== undefined) s += ` ${spec.exclusiveMin ? '>' : '>='} ${spec.min}`;
    else if (spec.max !== undefined) s += ` ${spec.exclusiveMax ? '<' : '<='} ${spec.max}`;
  }
  return spec.nullable ? `${s} or null` : s;
}

function show(v: unknown): string {
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'number') return String(v); // NaN, Infinity: JSON would say null
  return JSON.stringify(v) ?? String(v);
}

/**
 * Throws (ArgumentError, or ConfigError with `config`) unless `v` is a valid value of `spec`: its
 * type, its enum, its range. `key` names the option in the message and the error.
 * @example checkOptionValue({ type: 'integer', min: 1 }, 0, 'epochs') // ArgumentError: epochs must be an integer >= 1, got 0
 */
export function checkOptionValue(spec: OptionSpec, v: unknown, key: string, check: OptionKeyCheck = {}): void {
  if (v === null && spec.nullable) return;
  const inRange =
    typeof v !== 'number' ||
    ((spec.min === undefined || (spec.exclusiveMin ? v > spec.min : v >= spec.min)) && (spec.max === undefined || (spec.exclusiveMax ? v < spec.max : v <= spec.max)));
  const inEnum = !spec.enum || (typeof v === 'string' && spec.enum.includes(v));
  // null is a value like any other: only an `any` (or nullable) option takes it.
  if (!typeOk(spec, v) || !inEnum || !inRange) {
    const Err = check.config ? ConfigError : ArgumentError;
    throw new Err(`${key} must be ${describeOption(spec)}, got ${show(v)}`, { key: keyOf(check, key) });
  }
}

/**
 * Checks an options object against a schema: it must be an object (or undefined), every key
 * must be in the schema (a snake_case or miscased key is named: `did you mean "minCount"?`), and
 * every value given (not undefined) must fit its spec. Raises an ArgumentError, or a ConfigError
 * with `config: true`; the error's key is the option (under `keyPrefix`).
 * @example checkOptions(W2V_SCHEMA, { epochs: 0 }, { what: 'train' }) // ArgumentError: epochs must be an integer >= 1, got 0
 */
export function checkOptions(schema: OptionSchema, given: unknown, check: OptionKeyCheck = {}): void {
  if (given === undefined) return;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    const Err = check.config ? ConfigError : ArgumentError;
    throw new Err(`${check.what ? `${check.what} ` : ''}options must be an object, got ${given === null ? 'null' : Array.isArray(given) ? 'a list' : typeof given}`, { key: check.keyPrefix ?? 'options' });
  }
  checkOptionKeys(given, Object.keys(schema), check);
  for (const [k, v] of Object.entries(given)) if (v !== undefined) checkOptionValue(schema[k]!, v, k, check);
}

/**
 * {@link checkOptions}, then the options with every default of the schema filled in (an option
 * given as undefined takes its default; one without a default stays absent).
 * @example resolveOptions({ order: { type: 'integer', min: 1, default: 3 } }, {}) // { order: 3 }
 */
export function resolveOptions(schema: OptionSchema, given: unknown, check: OptionKeyCheck = {}): Record<string, unknown> {
  checkOptions(schema, given, check);
  const g = (given ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, spec] of Object.entries(schema)) {
    const v = g[k] !== undefined ? g[k] : spec.default;
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/**
 * A schema's defaults, for tests and listings: option name -> `default` (options without one left out).
 * @example schemaDefaults({ order: { type: 'integer', default: 3 } }) // { order: 3 }
 */
export function schemaDefaults(schema: OptionSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, spec] of Object.entries(schema)) if (spec.default !== undefined) out[k] = spec.default;
  return out;
}
