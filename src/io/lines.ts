import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ArgumentError, FormatError, NotFoundError, TextloomError } from '../core/errors.js';
import { checkTextHead } from './text-check.js';

/** Options of {@link openInput}. */
export interface OpenInputOptions {
  /** Read chunk size in bytes, also the gunzip output chunk size (default: Node's, 64 KB / 16 KB). */
  chunkSize?: number;
}

/**
 * Opens a file (transparently gunzipping `*.gz`) or stdin for `-` as a readable byte stream.
 * Read errors of the file reach the returned stream (never an unhandled 'error' event), and are
 * best turned into typed errors with {@link inputError}.
 * @example for await (const chunk of openInput('corpus.txt.gz')) { ... }
 */
export function openInput(path: string, options: OpenInputOptions = {}): Readable {
  if (path === '-') return process.stdin;
  if (!existsSync(path)) throw new NotFoundError(`no such file: ${path}`, { file: path });
  const size = options.chunkSize;
  const raw = createReadStream(path, size ? { highWaterMark: size } : undefined);
  if (!path.endsWith('.gz')) return raw;
  const gunzip = createGunzip(size ? { chunkSize: size } : undefined);
  // pipe() does not forward source errors: without this a read error (EISDIR, EIO) would be an
  // unhandled 'error' event that kills the process.
  raw.on('error', (e) => gunzip.destroy(e));
  return raw.pipe(gunzip);
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
   * Refuse binary input: a NUL byte or invalid UTF-8 in the first 8 KB raises a FormatError naming
   * the file (default false: invalid bytes become U+FFFD).
   */
  requireText?: boolean;
}

/**
 * Streams the lines of a file (or `-` for stdin), gunzipping `*.gz`, without holding the file in
 * memory. Line terminators (\n or \r\n) and a UTF-8 byte order mark at the start are removed. A
 * corrupt or truncated `.gz` raises a FormatError naming the file (after the lines that could be read).
 * @example for await (const line of readLines('corpus.txt')) { ... }
 */
export async function* readLines(path: string, options: ReadLinesOptions = {}): AsyncGenerator<string> {
  const raw = openInput(path);
  const input = options.requireText ? checkTextHead(raw, path === '-' ? 'standard input' : path) : raw;
  const rl = createInterface({ input, crlfDelay: Infinity });
  let first = true;
  try {
    for await (const line of rl) {
      // A BOM (Windows editors) would otherwise glue itself to the first token, JSON record or CoNLL-U id.
      if (first) {
        first = false;
        if (line.charCodeAt(0) === 0xfeff) {
          yield line.slice(1);
          continue;
        }
      }
      yield line;
    }
  } catch (e) {
    throw inputError(e, path);
  }
}

/** Like {@link readLines} but yields `[line, lineNumber]` (1-based) for error messages. */
export async function* readNumberedLines(path: string, options: ReadLinesOptions = {}): AsyncGenerator<[string, number]> {
  let n = 0;
  for await (const line of readLines(path, options)) yield [line, ++n];
}
