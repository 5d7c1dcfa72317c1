/**
 * Expands an input pattern to files: a plain path, or a path whose last part holds `*` (any run of
 * characters but `/`) or `?` (one character). Matches are sorted by name (code points), so the
 * shard order, and with it the merged output, is the same on every machine.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ArgumentError, NotFoundError } from '../core/errors.js';

/** The files `pattern` names, sorted; none is a NotFoundError. */
export function expandInput(pattern: string): string[] {
  const dir = dirname(pattern);
  const base = basename(pattern);
  if (/[*?]/.test(dir)) throw new ArgumentError(`only the last part of an input pattern may hold * or ?: ${pattern}`, { key: 'input' });
  if (!/[*?]/.test(base)) {
    try {
      if (!statSync(pattern).isFile()) throw new ArgumentError(`${pattern} is not a file`, { key: 'input', file: pattern });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError(`no such file: ${pattern}`, { file: pattern });
      throw e;
    }
    return [pattern];
  }
  let re = '^';
  for (const ch of base) re += ch === '*' ? '[^/]*' : ch === '?' ? '[^/]' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  const rx = new RegExp(re + '$', 'u');
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError(`no such directory: ${dir}`, { file: dir });
    throw e;
  }
  const files = names
    .filter((n) => rx.test(n))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((n) => join(dir, n))
    .filter((p) => statSync(p).isFile());
  if (files.length === 0) throw new NotFoundError(`no file matches ${pattern}`, { file: pattern });
  return files;
}
