/**
 * The page's files: `web/` in the package, and the browser module it draws with
 * (the `textloom/render` modules it uses, from `dist/`, under `/lib/`). A fixed list read once at
 * start, so no request path ever reaches the file system.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { NotFoundError } from '../core/errors.js';
import { PACKAGE_ROOT } from '../pipeline/load.js';

/** A file served as is. */
export interface StaticFile {
  body: Buffer;
  type: string;
}

const FILES: Record<string, [string, string]> = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/index.html': ['index.html', 'text/html; charset=utf-8'],
  '/app.js': ['app.js', 'text/javascript; charset=utf-8'],
  '/style.css': ['style.css', 'text/css; charset=utf-8'],
};

// The module specifiers of compiled ES modules (tsc output: one static import or export per statement).
const IMPORT = /^(?:(?:import|export)\b[^;'"]*?\bfrom\s*|import\s*)['"]([^'"]+)['"]/gm;

/**
 * `entry` and every module it imports, by path relative to `base`; a bare or escaping import
 * (a browser cannot resolve it) is an error naming the file.
 */
export function moduleClosure(base: string, entries: readonly string[]): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const todo = entries.map((e) => resolve(base, e));
  while (todo.length) {
    const file = todo.pop()!;
    const rel = relative(base, file).split(sep).join('/');
    if (out.has(rel)) continue;
    if (rel.startsWith('..') || !existsSync(file)) throw new NotFoundError(`the page's drawing module is missing ${rel} (run npm run build)`, { file });
    const body = readFileSync(file);
    out.set(rel, body);
    for (const m of body.toString('utf8').matchAll(IMPORT)) {
      if (!m[1]!.startsWith('.')) throw new NotFoundError(`the page's drawing module imports "${m[1]}", which a browser cannot load`, { file });
      todo.push(resolve(dirname(file), m[1]!));
    }
  }
  return out;
}

// What the page draws with: the entity and dependency renderers of textloom/render (the page
// imports them directly, not the whole entry, so it loads only what it uses).
const PAGE_MODULES = ['render/ent.js', 'render/dep.js'];

/** Reads the page's files from `dir` (default: the package's `web/`) and its drawing modules from `dist`. */
export function loadStaticFiles(dir = join(PACKAGE_ROOT, 'web'), dist = join(PACKAGE_ROOT, 'dist')): Map<string, StaticFile> {
  const out = new Map<string, StaticFile>();
  for (const [route, [name, type]] of Object.entries(FILES)) out.set(route, { body: readFileSync(join(dir, name)), type });
  for (const [rel, body] of moduleClosure(dist, PAGE_MODULES)) out.set(`/lib/${rel}`, { body, type: 'text/javascript; charset=utf-8' });
  return out;
}
