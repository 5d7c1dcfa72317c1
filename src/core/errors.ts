/**
 * Typed errors. Every error textloom raises for bad input is a {@link TextloomError} with a stable
 * `code`, a `detail` saying what is wrong, and, where it applies, the location as fields (`file`,
 * `line`, `offset`, `key`, `pattern`). The `message` is composed from them, so an outer layer adds
 * location with {@link TextloomError.at} or rewords with {@link TextloomError.withDetail} instead of
 * editing message text.
 */

/** Where a problem was found: any of file, line (1-based), byte offset, config key or pattern. */
export interface ErrorLocation {
  file?: string;
  line?: number;
  offset?: number;
  key?: string;
  pattern?: string | number;
}

/**
 * The location part of a message: ` (at file:line, byte N, key "k", pattern P)` with the parts
 * that are set, or `''` when none is.
 * @example
 * formatLocation({ file: 'a.arpa', line: 3 }) // → ' (at a.arpa:3)'
 */
export function formatLocation(where: ErrorLocation | undefined): string {
  if (!where) return '';
  const parts: string[] = [];
  if (where.file !== undefined && where.file !== '') parts.push(where.file + (where.line !== undefined ? `:${where.line}` : ''));
  else if (where.line !== undefined) parts.push(`line ${where.line}`);
  if (where.offset !== undefined) parts.push(`byte ${where.offset}`);
  if (where.key !== undefined) parts.push(`key "${where.key}"`);
  if (where.pattern !== undefined) parts.push(`pattern ${JSON.stringify(where.pattern)}`);
  return parts.length ? ` (at ${parts.join(', ')})` : '';
}

/**
 * The message of an error: `detail` plus {@link formatLocation}. A file the detail already names
 * (`no such file: a.txt`) is not repeated in the location unless a line goes with it, nor is a
 * command-line flag (`--min-count`) or a byte offset (`at byte 7`) the detail names.
 * @example
 * composeMessage('bad header', { file: 'm.bin', offset: 4 }) // → 'bad header (at m.bin, byte 4)'
 */
export function composeMessage(detail: string, where: ErrorLocation | undefined): string {
  if (!where) return detail;
  const shown = { ...where };
  if (shown.file !== undefined && shown.line === undefined && namesPath(detail, shown.file)) delete shown.file;
  // A command-line flag the detail already names (`--min-count must be ...`) is not repeated either.
  if (shown.key !== undefined && shown.key.startsWith('--') && detail.includes(shown.key)) delete shown.key;
  // Nor a byte offset it states (`a NUL byte at byte 7`).
  if (shown.offset !== undefined && new RegExp(`\\bbyte ${shown.offset}(?!\\d)`).test(detail)) delete shown.offset;
  return detail + formatLocation(shown);
}

// Whether `text` contains `path` as a whole path (not inside a longer word or path).
function namesPath(text: string, path: string): boolean {
  if (path === '') return false;
  for (let i = text.indexOf(path); i >= 0; i = text.indexOf(path, i + 1)) {
    if (!isPathChar(text.charCodeAt(i - 1)) && !isPathChar(text.charCodeAt(i + path.length))) return true;
  }
  return false;
}

// Letters, digits and _ - . / \ (NaN, past either end, is not).
function isPathChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46 || c === 47 || c === 92;
}

/**
 * A key under an outer key: `joinKey('options.patterns[0]', 'label')` is `options.patterns[0].label`,
 * an inner key starting with `[` is appended without a dot, and an empty side gives the other.
 * @example
 * joinKey('tokenizer.options', 'prefixes[2]') // → 'tokenizer.options.prefixes[2]'
 */
export function joinKey(outer: string, inner: string | undefined): string {
  if (!outer) return inner ?? outer;
  if (!inner) return outer;
  return inner.startsWith('[') ? outer + inner : `${outer}.${inner}`;
}

/**
 * Base class of all textloom errors. Errors are immutable: {@link TextloomError.at} and
 * {@link TextloomError.withDetail} return a new error of the same class and code (the original as
 * its `cause`).
 * @example
 * try { load('nope') } catch (e) { if (e instanceof TextloomError) console.error(e.code, e.detail, e.file) }
 */
export class TextloomError extends Error {
  /** Stable machine-readable code, e.g. `E_CONFIG`. */
  readonly code: string;
  /** What is wrong, without the location (the message is this plus the location). */
  declare readonly detail: string;
  /** The file the problem is in, if known. */
  declare readonly file: string | undefined;
  /** The 1-based line in `file` (or in the input), if known. */
  declare readonly line: number | undefined;
  /** The 0-based byte offset in `file` (or column in a query string), if known. */
  declare readonly offset: number | undefined;
  /** The config, option or JSON key, e.g. `components[1].options.foo`, if known. */
  declare readonly key: string | undefined;
  /** The pattern (its text or index) the problem is in, if known. */
  declare readonly pattern: string | number | undefined;
  /** Where the problem was found, if known (the same fields as an object). */
  declare readonly where: ErrorLocation | undefined;
  constructor(code: string, detail: string, where?: ErrorLocation) {
    super(composeMessage(detail, where));
    this.name = new.target.name;
    this.code = code;
    setLocation(this, detail, where);
  }

  /**
   * This error with more location, as an outer layer knows it: `file`, `line`, `offset` and
   * `pattern` fill in only what this error lacks (the inner location is more precise), and `key`
   * is prefixed to this error's key with {@link joinKey}. Same class, code and detail.
   * @example
   * try { parseRules(json) } catch (e) { throw e instanceof TextloomError ? e.at({ file, key: 'rules' }) : e }
   */
  at(where: ErrorLocation): this {
    const merged: ErrorLocation = {};
    const file = this.file ?? where.file;
    if (file !== undefined) merged.file = file;
    // A line or byte offset belongs to the file it was counted in.
    const sameFile = this.file === undefined || where.file === undefined || where.file === this.file;
    const line = this.line ?? (sameFile ? where.line : undefined);
    if (line !== undefined) merged.line = line;
    const offset = this.offset ?? (sameFile ? where.offset : undefined);
    if (offset !== undefined) merged.offset = offset;
    const key = where.key === undefined ? this.key : joinKey(where.key, this.key);
    if (key !== undefined) merged.key = key;
    const pattern = this.pattern ?? where.pattern;
    if (pattern !== undefined) merged.pattern = pattern;
    return this.rebuild(this.detail, merged);
  }

  /**
   * This error with another detail (e.g. the old one with a prefix or suffix) and the same location,
   * class and code.
   * @example
   * throw e.withDetail(`documents[${i}]: ${e.detail}; nothing was added`)
   */
  withDetail(detail: string): this {
    return this.rebuild(detail, this.where);
  }

  // A copy of this error (same prototype, code and extra fields) with `detail` and `where`.
  private rebuild(detail: string, where: ErrorLocation | undefined): this {
    const copy = Reflect.construct(Error, [composeMessage(detail, where), { cause: this }], this.constructor) as this;
    Object.assign(copy, this);
    setLocation(copy, detail, where);
    return copy;
  }
}

/** The location fields of {@link TextloomError}; an unset one is kept out of `util.inspect`. */
const LOCATION_FIELDS = ['where', 'file', 'line', 'offset', 'key', 'pattern'] as const;

// Makes the unset location fields non-enumerable (still readable as undefined), so an uncaught
// error prints the fields that say something instead of a list of `undefined`s.
function hideUnset(e: TextloomError): void {
  for (const k of LOCATION_FIELDS) {
    if (e[k] === undefined) Object.defineProperty(e, k, { value: undefined, enumerable: false, writable: true, configurable: true });
    else Object.defineProperty(e, k, { enumerable: true });
  }
}

// Sets `detail`, `where` and the location fields of a new error or of a copy being rebuilt.
function setLocation(e: TextloomError, detail: string, where: ErrorLocation | undefined): void {
  const w = e as { -readonly [K in keyof TextloomError]: TextloomError[K] };
  w.detail = detail;
  w.where = where;
  w.file = where?.file;
  w.line = where?.line;
  w.offset = where?.offset;
  w.key = where?.key;
  w.pattern = where?.pattern;
  hideUnset(e);
}

/**
 * The base of a {@link TextloomError} class with one code, whose constructor takes `(message, where?)`.
 * @example
 * class ConfigError extends withCode('E_CONFIG') {}
 */
function withCode(code: string): new (message: string, where?: ErrorLocation) => TextloomError {
  return class extends TextloomError {
    constructor(message: string, where?: ErrorLocation) {
      super(code, message, where);
    }
  };
}

/** A pipeline or component configuration is invalid; `where.key` names the offending key. */
export class ConfigError extends withCode('E_CONFIG') {}

/** Input data (a file, a line, a record) is malformed; `where` names file and line or offset. */
export class FormatError extends withCode('E_FORMAT') {}

/** A function argument is out of range or of the wrong type. */
export class ArgumentError extends withCode('E_ARGUMENT') {}

/** A requested item (pipeline, component, model, file) does not exist. */
export class NotFoundError extends withCode('E_NOT_FOUND') {}

/**
 * A feature needs an optional package that is not installed; `packageName` names it and the
 * message says how to install it (e.g. the `porter` stemmer needs `npm i natural`).
 */
export class MissingDependencyError extends TextloomError {
  /** The npm package to install. */
  readonly packageName: string;
  constructor(packageName: string, message: string, where?: ErrorLocation) {
    super('E_MISSING_DEPENDENCY', message, where);
    this.packageName = packageName;
  }
}

/**
 * Inputs that must agree to be combined do not (indexes to merge with different fields,
 * analyzers or languages); `key` names the setting, `file` the input that differs.
 */
export class IncompatibleError extends withCode('E_INCOMPATIBLE') {}

/**
 * A worker thread failed: it crashed or exited before finishing its work (`item` is then the
 * first input it still held), or its task threw something that is not a textloom error. A
 * task's own typed errors are rethrown as they are, with the failing item's index in the detail.
 */
export class WorkerError extends TextloomError {
  /** The 0-based index of the input item being processed, when known. */
  readonly item: number | undefined;
  constructor(message: string, item?: number, where?: ErrorLocation) {
    super('E_WORKER', message, where);
    this.item = item;
  }
}

/** A queue job failed (its shard's input was bad, or its attempts ran out); the detail names the shard or run. */
export class JobError extends withCode('E_JOB') {}
