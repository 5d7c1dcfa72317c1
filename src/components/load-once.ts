import { statSync } from 'node:fs';
import { resolve } from 'node:path';

// Per cache: absolute path -> the size and modification time of the file when it was loaded.
const stamps = new WeakMap<Map<string, unknown>, Map<string, string>>();

/** Size and mtime of a file, or '' when it cannot be read (the loader then reports the problem). */
function stampOf(abs: string): string {
  try {
    const st = statSync(abs);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return '';
  }
}

/**
 * Loads a file once per process: `load` runs on the first call for a path (resolved to an
 * absolute one), later calls return what it returned, until the file changes (another size or
 * modification time): a model saved again at the same path is read again, never served stale.
 * Shared models and tables load this way.
 * @example const tables = loadOnce(cache, 'data/lemmas.json.gz', loadLemmaTables);
 */
export function loadOnce<T>(cache: Map<string, T>, path: string, load: (absolutePath: string) => T): T {
  const abs = resolve(path);
  let seen = stamps.get(cache);
  if (!seen) stamps.set(cache, (seen = new Map()));
  const stamp = stampOf(abs);
  let value = cache.get(abs);
  if (value === undefined || seen.get(abs) !== stamp) {
    value = load(abs);
    cache.set(abs, value);
    seen.set(abs, stamp);
  }
  return value;
}
