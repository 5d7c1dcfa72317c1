/**
 * Typed errors. Every error textloom raises for bad input is a {@link TextloomError} with a stable
 * `code` and, where it applies, a `where` naming the file, line, byte offset or config key.
 */

/** Where a problem was found: any of file, line (1-based), byte offset, config key or pattern. */
export interface ErrorLocation {
  file?: string;
  line?: number;
  offset?: number;
  key?: string;
  pattern?: string | number;
}

/** Whether `message` already names `s` (too short a name could match by chance). */
function names(message: string, s: string): boolean {
  return s.length > 2 && message.includes(s);
}

/** The "(at ...)" suffix; a file or key the message already names is not named again. */
function formatWhere(where: ErrorLocation | undefined, message: string): string {
  if (!where) return '';
  const parts: string[] = [];
  const file = where.file !== undefined && !names(message, where.file) ? where.file : undefined;
  if (file !== undefined) parts.push(file + (where.line !== undefined ? `:${where.line}` : ''));
  else if (where.line !== undefined) parts.push(`line ${where.line}`);
  if (where.offset !== undefined) parts.push(`byte ${where.offset}`);
  if (where.key !== undefined && !names(message, where.key)) parts.push(`key "${where.key}"`);
  if (where.pattern !== undefined) parts.push(`pattern ${JSON.stringify(where.pattern)}`);
  return parts.length ? ` (at ${parts.join(', ')})` : '';
}

/**
 * Base class of all textloom errors.
 * @example
 * try { load('nope') } catch (e) { if (e instanceof TextloomError) console.error(e.code, e.message) }
 */
export class TextloomError extends Error {
  /** Stable machine-readable code, e.g. `E_CONFIG`. */
  readonly code: string;
  /** Where the problem was found, if known. */
  readonly where: ErrorLocation | undefined;
  /** The message without the "(at ...)" location suffix (the CLI rewords it in terms of its flags). */
  readonly detail: string;
  constructor(code: string, message: string, where?: ErrorLocation) {
    super(message + formatWhere(where, message));
    this.detail = message;
    this.name = new.target.name;
    this.code = code;
    this.where = where;
  }
}

/** A pipeline or component configuration is invalid; `where.key` names the offending key. */
export class ConfigError extends TextloomError {
  constructor(message: string, where?: ErrorLocation) {
    super('E_CONFIG', message, where);
  }
}

/** Input data (a file, a line, a record) is malformed; `where` names file and line or offset. */
export class FormatError extends TextloomError {
  constructor(message: string, where?: ErrorLocation) {
    super('E_FORMAT', message, where);
  }
}

/** A function argument is out of range or of the wrong type. */
export class ArgumentError extends TextloomError {
  constructor(message: string, where?: ErrorLocation) {
    super('E_ARGUMENT', message, where);
  }
}

/** A requested item (pipeline, component, model, file) does not exist. */
export class NotFoundError extends TextloomError {
  constructor(message: string, where?: ErrorLocation) {
    super('E_NOT_FOUND', message, where);
  }
}

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
