/**
 * Where a worker's script is. Workers run built JavaScript: from the package that is the `.js`
 * next to the module asking; from a source checkout run through a TypeScript loader (the tests)
 * it is the same file under `dist/`, which `npm run build` writes.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NotFoundError } from '../core/errors.js';

/**
 * The URL of the worker script `path` (relative to `src/`, e.g. `workers/pipe-worker.js`).
 * @example new Worker(workerUrl('workers/pipe-worker.js'))
 */
export function workerUrl(path: string): URL {
  const here = new URL(`../${path}`, import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  const src = fileURLToPath(import.meta.url);
  const built = src.replace(/([\\/])src([\\/])parallel([\\/])worker-url\.ts$/, '$1dist$2parallel$3worker-url.js');
  if (built !== src) {
    const url = new URL(`../${path}`, pathToFileURL(built));
    if (existsSync(fileURLToPath(url))) return url;
  }
  throw new NotFoundError(`no worker script ${path} next to ${src} (from a source checkout, run npm run build first)`, { file: path });
}
