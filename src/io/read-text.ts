/**
 * Whole-file reads for small files (a vocabulary, qrels, a model file): typed errors naming the
 * file and, for text, a byte-order mark dropped, as the streaming readers in `lines.ts` do.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { ArgumentError, FormatError, NotFoundError } from '../core/errors.js';

/**
 * Reads a UTF-8 file whole. A missing file is a NotFoundError ("no such `what`: path"), a
 * directory an ArgumentError; a leading BOM (Windows editors) is removed, `\r\n` line ends
 * become `\n`, and a `*.gz` file is gunzipped (a corrupt one is a FormatError).
 * @example const text = readTextFileSync('qrels.tsv', 'qrels file');
 */
export function readTextFileSync(path: string, what = 'file'): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new NotFoundError(`no such ${what}: ${path}`, { file: path });
    if (code === 'EISDIR') throw new ArgumentError(`${path} is a directory, not a ${what}`, { file: path });
    throw e;
  }
  if (/\.gz$/i.test(path)) {
    try {
      bytes = gunzipSync(bytes);
    } catch (e) {
      throw new FormatError(`corrupt or truncated gzip file: ${(e as Error).message}`, { file: path });
    }
  }
  const text = bytes.toString('utf8').replace(/\r\n/g, '\n');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Reads a binary file whole (a saved model or table). Any read failure is a NotFoundError
 * "cannot read `what`: reason" naming the file.
 * @example const bytes = readBytesSync('models/en_ewt.tlt', 'tagger model');
 */
export function readBytesSync(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new NotFoundError(`cannot read ${what}: ${(e as Error).message}`, { file: path });
  }
}
