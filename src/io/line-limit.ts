/**
 * The longest line the streaming line readers accept, so that a file without line breaks (a
 * binary blob, a minified JSON document) fails with a clear message instead of exhausting memory.
 */
import { ArgumentError, FormatError } from '../core/errors.js';

/** Default maximum line length: 64 MiB (characters for the async reader, bytes for the sync one). */
export const DEFAULT_MAX_LINE_LENGTH = 64 * 1024 * 1024;

/** `limit` for a message: `64 MB`, `1 KB` or `1000` (characters or bytes, as the caller counts). */
function formatLimit(limit: number): string {
  if (limit >= 1 << 20 && limit % (1 << 20) === 0) return `${limit / (1 << 20)} MB`;
  if (limit >= 1024 && limit % 1024 === 0) return `${limit / 1024} KB`;
  return String(limit);
}

/**
 * The FormatError for line `line` of `file` being longer than `limit`.
 * @example throw lineTooLong('corpus.txt', 1, DEFAULT_MAX_LINE_LENGTH) // line 1 is longer than 64 MB
 */
export function lineTooLong(file: string, line: number, limit: number): FormatError {
  return new FormatError(`line ${line} is longer than ${formatLimit(limit)}; is this a text file with line breaks?`, { file, line });
}

/**
 * Checks a `maxLineLength` option: a positive integer, or the default when undefined.
 * @example const max = checkMaxLineLength(options.maxLineLength);
 */
export function checkMaxLineLength(value: number | undefined): number {
  if (value === undefined) return DEFAULT_MAX_LINE_LENGTH;
  if (!Number.isInteger(value) || value < 1) throw new ArgumentError(`maxLineLength must be a positive integer, got ${value}`);
  return value;
}
