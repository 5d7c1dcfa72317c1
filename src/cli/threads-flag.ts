/**
 * The `--threads N` flag of the commands that can use worker threads: 0 is every core, 1 (the
 * default) this thread; the output is the same whatever N.
 */
import type { FlagSpec } from './args.js';

/** The flag spec (it sets `nProcess` in `nlp.pipe` and `threads` in `addAll`). */
export const THREADS_FLAG: FlagSpec = { type: 'number', option: ['nProcess', 'threads'], doc: 'threads, this one included (0: every core; the output is the same as with 1)', default: 1, value: 'N' };

/** `pipe` options for the flag: none for 1 (this thread, as before), else `nProcess`. */
export function pipeThreads(flags: Record<string, unknown>): { nProcess?: number } {
  const n = flags.threads === undefined ? 1 : Number(flags.threads);
  return n === 1 ? {} : { nProcess: n };
}
