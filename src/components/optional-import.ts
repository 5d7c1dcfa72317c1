/**
 * Loads a module of an optional peer dependency on demand: once per specifier (the promise is
 * cached), and with a {@link MissingDependencyError} saying `npm i <package>` when the package is
 * not installed. A module that is installed but fails while loading keeps its own error.
 */
import type { createRequire as CreateRequire } from 'node:module';
import { MissingDependencyError, type ErrorLocation } from '../core/errors.js';

const pending = new Map<string, Promise<unknown>>();
const loaded = new Map<string, unknown>();
// Node's require, found without importing node:module so that browser bundles of the components
// that use this file stay free of Node built-ins (there, requireOptional reports the package missing).
const nodeModule = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.('node:module') as { createRequire: typeof CreateRequire } | undefined;
const require = nodeModule?.createRequire(import.meta.url);

/** True when `err` says that `packageName` itself (not something it imports) cannot be found. */
function isMissing(err: unknown, packageName: string): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return false;
  const message = String((err as Error).message);
  return message.includes(`'${packageName}'`) || message.includes(`'${packageName}/`);
}

function missing(packageName: string, feature: string, where: ErrorLocation | undefined): MissingDependencyError {
  return new MissingDependencyError(
    packageName,
    `${feature} needs the optional package "${packageName}", which is not installed: run \`npm i ${packageName}\``,
    where,
  );
}

/**
 * Imports `specifier` (a module of `packageName`) with a dynamic `import()`, once; later calls
 * return the same promise. A failed load is not cached, so installing the package and calling
 * again works.
 * @param feature What needs the package, for the error message (e.g. `the "porter" stemmer`).
 * @param where Where the feature was asked for (e.g. the config key), for the error message.
 * @throws MissingDependencyError (rejects) when the package is not installed.
 * @example
 * const mod = await importOptional('natural', 'natural/lib/natural/stemmers/porter_stemmer.js', 'the "porter" stemmer');
 */
export function importOptional<T>(packageName: string, specifier: string, feature: string, where?: ErrorLocation): Promise<T> {
  let p = pending.get(specifier);
  if (!p) {
    p = import(specifier).then(
      (mod: { default?: unknown }) => {
        const value = mod.default ?? mod;
        loaded.set(specifier, value);
        return value;
      },
      (err: unknown) => {
        pending.delete(specifier);
        throw isMissing(err, packageName) ? missing(packageName, feature, where) : err;
      },
    );
    pending.set(specifier, p);
  }
  return p as Promise<T>;
}

/**
 * The module {@link importOptional} loaded for `specifier`; when it has not been imported yet, loads it
 * synchronously (for constructors and other synchronous APIs). Same errors as {@link importOptional}.
 * @throws MissingDependencyError when the package is not installed.
 */
export function requireOptional<T>(packageName: string, specifier: string, feature: string, where?: ErrorLocation): T {
  if (loaded.has(specifier)) return loaded.get(specifier) as T;
  let value: unknown;
  try {
    if (!require) throw Object.assign(new Error(`Cannot find module '${packageName}'`), { code: 'MODULE_NOT_FOUND' });
    value = require(specifier);
  } catch (err) {
    throw isMissing(err, packageName) ? missing(packageName, feature, where) : err;
  }
  loaded.set(specifier, value);
  return value as T;
}
