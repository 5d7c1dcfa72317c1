import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { NotFoundError } from '../core/errors.js';

/** Opens a file (transparently gunzipping `*.gz`) or stdin for `-` as a readable byte stream. */
export function openInput(path: string): Readable {
  if (path === '-') return process.stdin;
  if (!existsSync(path)) throw new NotFoundError(`no such file: ${path}`, { file: path });
  const raw = createReadStream(path);
  return path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
}

/**
 * Streams the lines of a file (or `-` for stdin), gunzipping `*.gz`, without holding the file in
 * memory. Line terminators (\n or \r\n) are removed.
 * @example for await (const line of readLines('corpus.txt')) { ... }
 */
export async function* readLines(path: string): AsyncGenerator<string> {
  const rl = createInterface({ input: openInput(path), crlfDelay: Infinity });
  for await (const line of rl) yield line;
}

/** Like {@link readLines} but yields `[line, lineNumber]` (1-based) for error messages. */
export async function* readNumberedLines(path: string): AsyncGenerator<[string, number]> {
  let n = 0;
  for await (const line of readLines(path)) yield [line, ++n];
}
