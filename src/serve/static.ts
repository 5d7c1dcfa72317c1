/**
 * The page's files (`web/` in the package): a fixed list read once at start, so no request path
 * ever reaches the file system.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** Reads the page's files from `dir` (default: the package's `web/`). */
export function loadStaticFiles(dir = join(PACKAGE_ROOT, 'web')): Map<string, StaticFile> {
  const out = new Map<string, StaticFile>();
  for (const [route, [name, type]] of Object.entries(FILES)) out.set(route, { body: readFileSync(join(dir, name)), type });
  return out;
}
