import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, NotFoundError } from '../core/errors.js';
import { createPipeline, type CreateOptions, type Nlp } from './pipeline.js';

/** The package root (holds `pipelines/`, `models/`, `corpora/`), found from this module's location. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Directory of the bundled pipeline configs. */
export const PIPELINES_DIR = resolve(PACKAGE_ROOT, 'pipelines');

/** Resolves a pipeline name (`en_core`) or a path to a JSON config file. */
export function resolvePipelinePath(nameOrPath: string): string {
  const looksLikePath = nameOrPath.endsWith('.json') || nameOrPath.includes('/') || nameOrPath.includes('\\');
  const path = looksLikePath ? (isAbsolute(nameOrPath) ? nameOrPath : resolve(process.cwd(), nameOrPath)) : resolve(PIPELINES_DIR, `${nameOrPath}.json`);
  if (!existsSync(path)) {
    if (looksLikePath) throw new NotFoundError(`no pipeline config file ${path}`, { file: path });
    const bundled = readdirSync(PIPELINES_DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
    throw new NotFoundError(`no bundled pipeline "${nameOrPath}"; bundled: ${bundled.join(', ')} (or give a config file path, e.g. ./my.json)`);
  }
  return path;
}

/**
 * Loads a pipeline by bundled name (`'en_core'` reads `pipelines/en_core.json`) or from a JSON
 * config file path. Relative paths inside the config resolve against the config's directory.
 * @example const nlp = await load('en_core'); nlp('Hello there.').sents
 */
export async function load(nameOrPath: string, options: CreateOptions = {}): Promise<Nlp> {
  const path = resolvePipelinePath(nameOrPath);
  let config: unknown;
  try {
    config = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ConfigError(`invalid JSON in pipeline config: ${(e as Error).message}`, { file: path });
  }
  return createPipeline(config as never, { baseDir: dirname(path), file: path, ...options });
}
