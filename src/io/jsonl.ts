import { FormatError } from '../core/errors.js';
import { readNumberedLines } from './lines.js';

/**
 * Streams the records of a JSON-lines file; blank lines are skipped. A line that is not valid JSON
 * raises a {@link FormatError} naming the file and line; a binary or non-UTF-8 file is refused
 * before any record, naming the file.
 */
export async function* readJsonl<T = unknown>(path: string): AsyncGenerator<T> {
  for await (const [line, n] of readNumberedLines(path, { requireText: true })) {
    if (line.trim() === '') continue;
    try {
      yield JSON.parse(line) as T;
    } catch (e) {
      throw new FormatError(`invalid JSON: ${(e as Error).message}`, { file: path, line: n });
    }
  }
}
