import { FormatError } from '../core/errors.js';
import { readNumberedLines } from './lines.js';

/**
 * Streams the records of a JSON-lines file with their 1-based line numbers, so a caller's own
 * checks can name the line; blank lines are skipped. A binary or non-UTF-8 file is refused before
 * any record, and a line that is not valid JSON raises a {@link FormatError} naming the file and
 * line (`example`, a sample record, tells the user what a line should look like).
 * @example for await (const [rec, line] of readNumberedJsonl('patterns.jsonl')) check(rec, { file, line });
 */
export async function* readNumberedJsonl<T = unknown>(path: string, opts: { example?: string } = {}): AsyncGenerator<[T, number]> {
  for await (const [line, n] of readNumberedLines(path, { requireText: true })) {
    if (line.trim() === '') continue;
    let rec: T;
    try {
      rec = JSON.parse(line) as T;
    } catch (e) {
      const why = (e as Error).message;
      throw new FormatError(opts.example ? `not a JSON record (${why}); the input is JSON lines like ${opts.example}` : `invalid JSON: ${why}`, { file: path, line: n });
    }
    yield [rec, n];
  }
}

/**
 * Streams the records of a JSON-lines file; blank lines are skipped. A line that is not valid JSON
 * raises a {@link FormatError} naming the file and line; a binary or non-UTF-8 file is refused
 * before any record, naming the file.
 */
export async function* readJsonl<T = unknown>(path: string): AsyncGenerator<T> {
  for await (const [rec] of readNumberedJsonl<T>(path)) yield rec;
}
