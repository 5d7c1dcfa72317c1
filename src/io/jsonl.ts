import { FormatError } from '../core/errors.js';
import { readNumberedLines } from './lines.js';

/** Where a JSON line was read: its file and 1-based line number. */
export interface JsonlWhere {
  file: string;
  line: number;
}

/**
 * Parses one JSON line. Invalid JSON raises a {@link FormatError} naming `where` (`example`, a
 * sample record, tells the user what a line should look like).
 * @example parseJsonLine('{"a": 1}', { file: 'in.jsonl', line: 3 }) // → { a: 1 }
 */
export function parseJsonLine<T = unknown>(text: string, where: JsonlWhere, example?: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    const why = (e as Error).message;
    throw new FormatError(example ? `not a JSON record (${why}); the input is JSON lines like ${example}` : `invalid JSON: ${why}`, where);
  }
}

/**
 * The records of numbered lines read from `file` (any line source: a file, stdin, a shard), with
 * their line numbers; blank lines are skipped and invalid JSON raises a {@link FormatError} naming
 * the file and line.
 * @example for await (const [rec, line] of jsonlRecords(readNumberedLines(path), path)) use(rec);
 */
export async function* jsonlRecords<T = unknown>(lines: AsyncIterable<[string, number]>, file: string, opts: { example?: string } = {}): AsyncGenerator<[T, number]> {
  for await (const [text, line] of lines) {
    if (text.trim() === '') continue;
    yield [parseJsonLine<T>(text, { file, line }, opts.example), line];
  }
}

/**
 * The texts of numbered lines as `tfidf` reads them: each line itself, or with `field` each JSON
 * record's string `field` (blank lines skipped). Invalid JSON or a record without a string `field`
 * raises a {@link FormatError} naming the file, line (and key).
 */
export async function* jsonlTexts(lines: AsyncIterable<[string, number]>, file: string, field: string | undefined): AsyncGenerator<[string, number]> {
  if (field === undefined) {
    yield* lines;
    return;
  }
  for await (const [rec, line] of jsonlRecords(lines, file)) {
    const text = rec !== null && typeof rec === 'object' ? (rec as Record<string, unknown>)[field] : undefined;
    if (typeof text !== 'string') throw new FormatError(`record has no string field "${field}"`, { file, line, key: field });
    yield [text, line];
  }
}

/**
 * Streams the records of a JSON-lines file with their 1-based line numbers, so a caller's own
 * checks can name the line; blank lines are skipped. A binary or non-UTF-8 file is refused before
 * any record, and a line that is not valid JSON raises a {@link FormatError} naming the file and
 * line (`example`, a sample record, tells the user what a line should look like).
 * @example for await (const [rec, line] of readNumberedJsonl('patterns.jsonl')) check(rec, { file, line });
 */
export function readNumberedJsonl<T = unknown>(path: string, opts: { example?: string } = {}): AsyncGenerator<[T, number]> {
  return jsonlRecords<T>(readNumberedLines(path, { requireText: true }), path, opts);
}

/**
 * Streams the records of a JSON-lines file; blank lines are skipped. A line that is not valid JSON
 * raises a {@link FormatError} naming the file and line; a binary or non-UTF-8 file is refused
 * before any record, naming the file.
 */
export async function* readJsonl<T = unknown>(path: string): AsyncGenerator<T> {
  for await (const [rec] of readNumberedJsonl<T>(path)) yield rec;
}
