/**
 * Synchronous line reading, for loaders that must finish before returning (a pipeline factory
 * behind `nlp.addPipe`). A plain file is read in chunks; a `.gz` file is gunzipped whole.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { ArgumentError, NotFoundError } from '../core/errors.js';
import { checkMaxLineLength, lineTooLong } from './line-limit.js';
import { inputError } from './lines.js';

const CHUNK = 1 << 16;

/** Opens `path` for reading, with the typed errors of `openInput`. */
function openFile(path: string): number {
  try {
    return openSync(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new NotFoundError(`no such file: ${path}`, { file: path });
    if (code === 'EISDIR') throw new ArgumentError(`${path} is a directory, not a file`, { file: path });
    throw e;
  }
}

/** The byte chunks of a file (gunzipped when `*.gz`). */
function* chunks(path: string): Generator<Buffer> {
  if (/\.gz$/i.test(path)) {
    let bytes: Buffer;
    try {
      bytes = gunzipSync(readFileSync(path));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError(`no such file: ${path}`, { file: path });
      throw inputError(e, path);
    }
    yield bytes;
    return;
  }
  const fd = openFile(path);
  try {
    for (;;) {
      const buf = Buffer.allocUnsafe(CHUNK);
      let n: number;
      try {
        n = readSync(fd, buf, 0, CHUNK, null);
      } catch (e) {
        throw inputError(e, path);
      }
      if (n === 0) return;
      yield buf.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/** Options of {@link readNumberedLinesSync}. */
export interface ReadLinesSyncOptions {
  /**
   * The longest line accepted, in bytes (default 64 MiB): a longer line raises a FormatError naming
   * the file and line as soon as the limit is passed, before the line is held whole.
   */
  maxLineLength?: number;
}

/**
 * `[line, lineNumber]` (1-based) of a file, synchronously, as `readNumberedLines` streams them:
 * `\n` or `\r\n` ends a line, a leading byte-order mark is dropped, invalid UTF-8 becomes U+FFFD.
 * A line longer than `maxLineLength` bytes is a FormatError naming the file and line.
 * @example for (const [line, n] of readNumberedLinesSync('vectors.txt')) { ... }
 */
export function* readNumberedLinesSync(path: string, options: ReadLinesSyncOptions = {}): Generator<[string, number]> {
  const max = checkMaxLineLength(options.maxLineLength);
  let carry: Buffer = Buffer.alloc(0);
  let n = 0;
  const text = (b: Buffer): string => {
    const s = b.toString('utf8', 0, b.length > 0 && b[b.length - 1] === 0x0d ? b.length - 1 : b.length);
    return n === 1 && s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  };
  for (const chunk of chunks(path)) {
    const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(0x0a, start); nl >= 0; nl = buf.indexOf(0x0a, start)) {
      // The \r of a \r\n end is not counted.
      if (nl - start - (nl > start && buf[nl - 1] === 0x0d ? 1 : 0) > max) throw lineTooLong(path, n + 1, max);
      n++;
      yield [text(buf.subarray(start, nl)), n];
      start = nl + 1;
    }
    // A trailing \r may start a \r\n end, so it is not counted yet.
    if (buf.length - start - (buf[buf.length - 1] === 0x0d ? 1 : 0) > max) throw lineTooLong(path, n + 1, max);
    carry = Buffer.from(buf.subarray(start));
  }
  if (carry.length) {
    n++;
    yield [text(carry), n];
  }
}
