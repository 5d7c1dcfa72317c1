import { createReadStream, existsSync } from 'node:fs';
import { Readable, pipeline } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { ArgumentError, FormatError, NotFoundError, TextloomError } from '../core/errors.js';
import { checkMaxLineLength, lineTooLong } from './line-limit.js';
import { badByteError, lineBreaks, TextChecker } from './text-check.js';

/** Options of {@link openInput}. */
export interface OpenInputOptions {
  /** Read chunk size in bytes, also the gunzip output chunk size (default: Node's, 64 KB / 16 KB). */
  chunkSize?: number;
  /** First byte to read (plain files only; default 0): with `end`, one shard of a file. */
  start?: number;
  /** Byte to stop before (plain files only; default: the end of the file). */
  end?: number;
}

/**
 * Opens a file (transparently gunzipping `*.gz`) or stdin for `-` as a readable byte stream.
 * Read errors of the file reach the returned stream (never an unhandled 'error' event), and are
 * best turned into typed errors with {@link inputError}.
 * @example for await (const chunk of openInput('corpus.txt.gz')) { ... }
 */
export function openInput(path: string, options: OpenInputOptions = {}): Readable {
  if (path === '-') return process.stdin;
  if (path === '') throw new NotFoundError('no such file: the file name is empty');
  if (!existsSync(path)) throw new NotFoundError(`no such file: ${path}`, { file: path });
  const size = options.chunkSize;
  const ranged = options.start !== undefined || options.end !== undefined;
  if (ranged && path.endsWith('.gz')) throw new ArgumentError(`a byte range of a gzipped file cannot be read: ${path}`, { file: path });
  // createReadStream's `end` is inclusive; ours, like slice(), is not.
  const range = ranged ? { start: options.start ?? 0, ...(options.end !== undefined ? { end: options.end - 1 } : {}) } : {};
  const raw = createReadStream(path, size || ranged ? { ...(size ? { highWaterMark: size } : {}), ...range } : undefined);
  if (!path.endsWith('.gz')) return raw;
  const gunzip = createGunzip(size ? { chunkSize: size } : undefined);
  // pipeline() handles each stream's error once: a read error (EISDIR, EIO) or a corrupt gzip
  // stream destroys the gunzip output with that error, which its reader sees, and destroying the
  // output (a reader that stops early) closes the file.
  pipeline(raw, gunzip, () => {});
  return gunzip;
}

/**
 * Turns an error met while reading `path` into a typed one: a corrupt or truncated gzip stream is
 * a FormatError, a directory an ArgumentError; other errors are returned unchanged.
 * @example try { ... } catch (e) { throw inputError(e, file); }
 */
export function inputError(e: unknown, path: string): unknown {
  if (e instanceof TextloomError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return new FormatError(`corrupt or truncated gzip file: ${(e as Error).message}`, { file: path });
  }
  if (code === 'EISDIR') return new ArgumentError(`${path} is a directory, not a file`, { file: path });
  return e;
}

/** Options of {@link readLines}. */
export interface ReadLinesOptions {
  /**
   * Refuse binary input: a NUL byte or invalid UTF-8 anywhere raises a FormatError naming the file,
   * line and byte offset of the first one, before that line is yielded (default false: invalid bytes
   * become U+FFFD).
   */
  requireText?: boolean;
  /**
   * The longest line accepted, in characters (default 64 MiB): a longer line raises a FormatError
   * naming the file and line as soon as the limit is passed, before the line is held whole.
   */
  maxLineLength?: number;
  /**
   * Refuse bytes that are not UTF-8 (a FormatError naming the file and the line) instead of
   * decoding them as U+FFFD (default false).
   */
  strictUtf8?: boolean;
  /**
   * With `strictUtf8`: instead of refusing, called once per chunk holding bytes that are not
   * UTF-8 (with the number of the first line it may concern); those bytes are read as U+FFFD.
   */
  onInvalidUtf8?: (line: number) => void;
  /** Read only the bytes `[start, end)` of a plain file (a shard cut on line boundaries). */
  start?: number;
  /** See `start`. */
  end?: number;
}

/**
 * Streams the lines of a file (or `-` for stdin), gunzipping `*.gz`, without holding the file in
 * memory. Line terminators (\n, \r\n or a lone \r) and a UTF-8 byte order mark at the start are
 * removed. A corrupt or truncated `.gz` raises a FormatError naming the file (after the lines that
 * could be read), as does a line longer than `maxLineLength`.
 * @example for await (const line of readLines('corpus.txt')) { ... }
 */
export async function* readLines(path: string, options: ReadLinesOptions = {}): AsyncGenerator<string> {
  const max = checkMaxLineLength(options.maxLineLength);
  const raw = openInput(path, { start: options.start, end: options.end });
  const name = path === '-' ? 'standard input' : path;
  const checker = options.requireText ? new TextChecker() : null;
  const decoder = new StringDecoder('utf8');
  let strict = options.strictUtf8 ? new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }) : null;
  const decode = (chunk: Buffer): string => {
    if (!strict) return decoder.write(chunk);
    try {
      return strict.decode(chunk, { stream: true });
    } catch {
      if (!options.onInvalidUtf8) throw new FormatError(`invalid UTF-8 at or after line ${n + 1}`, { file: path === '-' ? 'standard input' : path, line: n + 1 });
      // Counted by the caller; this chunk is read with replacement and a fresh strict decoder goes on.
      options.onInvalidUtf8(n + 1);
      strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
      return new TextDecoder('utf-8', { ignoreBOM: true }).decode(chunk);
    }
  };
  // The start of the current line when it spans chunks, and its length so far.
  const pending: string[] = [];
  let pendingLength = 0;
  let n = 0;
  // The previous chunk ended with \r: a \n starting this one belongs to that line end.
  let afterCr = false;
  const line = (s: string, from: number, to: number): string => {
    let text = s.slice(from, to);
    if (pendingLength > 0) {
      pending.push(text);
      text = pending.join('');
      pending.length = 0;
      pendingLength = 0;
    }
    if (text.length > max) throw lineTooLong(path, n + 1, max);
    // A BOM (Windows editors) would otherwise glue itself to the first token, JSON record or CoNLL-U id.
    if (++n === 1 && text.charCodeAt(0) === 0xfeff) return text.slice(1);
    return text;
  };
  try {
    for await (const chunk of raw as AsyncIterable<Buffer>) {
      if (checker) {
        const bad = checker.feed(chunk);
        // The line: those completed before this chunk, plus the breaks in it before the bad byte.
        if (bad) throw badByteError(bad, name, n + 1 + lineBreaks(chunk, bad.offset - (checker.offset - chunk.length), afterCr));
      }
      const s = decode(chunk);
      if (s.length === 0) continue;
      let start = 0;
      if (afterCr) {
        afterCr = false;
        if (s.charCodeAt(0) === 0x0a) start = 1;
      }
      let lf = s.indexOf('\n', start);
      let cr = s.indexOf('\r', start);
      while (lf >= 0 || cr >= 0) {
        if (cr < 0 || (lf >= 0 && lf < cr)) {
          yield line(s, start, lf);
          start = lf + 1;
        } else {
          yield line(s, start, cr);
          start = cr + 1;
          if (start === s.length) afterCr = true;
          else if (s.charCodeAt(start) === 0x0a) start++;
          cr = s.indexOf('\r', start);
        }
        if (lf >= 0 && lf < start) lf = s.indexOf('\n', start);
      }
      if (start < s.length) {
        pendingLength += s.length - start;
        if (pendingLength > max) throw lineTooLong(path, n + 1, max);
        pending.push(start === 0 ? s : s.slice(start));
      }
    }
    const cut = checker?.end();
    if (cut) throw badByteError(cut, name, n + 1);
    let rest: string;
    try {
      rest = strict ? strict.decode() : decoder.end();
    } catch {
      throw new FormatError(`invalid UTF-8 at the end of the file (line ${n + 1})`, { file: path === '-' ? 'standard input' : path, line: n + 1 });
    }
    if (rest.length > 0) {
      pendingLength += rest.length;
      pending.push(rest);
    }
    if (pendingLength > 0) yield line('', 0, 0);
  } catch (e) {
    throw inputError(e, path);
  }
}

/** Like {@link readLines} but yields `[line, lineNumber]` (1-based) for error messages. */
export async function* readNumberedLines(path: string, options: ReadLinesOptions = {}): AsyncGenerator<[string, number]> {
  let n = 0;
  for await (const line of readLines(path, options)) yield [line, ++n];
}
