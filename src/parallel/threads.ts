/**
 * The number of threads a `threads` / `nProcess` option asks for: 1 when unset, every core the
 * process may use when 0 (`os.availableParallelism()`, as `n_process=-1` in spaCy), else the
 * positive integer given.
 */
import { availableParallelism } from 'node:os';
import { ArgumentError } from '../core/errors.js';

/**
 * Resolves a thread-count option (`key` names it in errors).
 * @example resolveThreads(0, 'threads') // → the number of cores, e.g. 8
 */
export function resolveThreads(n: unknown, key: string): number {
  if (n === undefined) return 1;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 1024) throw new ArgumentError(`${key} must be an integer from 0 (all cores) to 1024, got ${String(n)}`, { key });
  return n === 0 ? Math.max(1, availableParallelism()) : n;
}
