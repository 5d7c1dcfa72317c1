import { resolve } from 'node:path';

/**
 * Loads a file once per process: `load` runs on the first call for a path (resolved to an
 * absolute one), later calls return what it returned. Shared models and tables load this way.
 * @example const tables = loadOnce(cache, 'data/lemmas.json.gz', loadLemmaTables);
 */
export function loadOnce<T>(cache: Map<string, T>, path: string, load: (absolutePath: string) => T): T {
  const abs = resolve(path);
  let value = cache.get(abs);
  if (value === undefined) {
    value = load(abs);
    cache.set(abs, value);
  }
  return value;
}
