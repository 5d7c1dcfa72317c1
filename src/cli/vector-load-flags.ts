import type { VectorLoadOptions as LoadOptions } from '../index.js';
import type { FlagSpec } from './args.js';
import { positiveIntFlag } from './flag-values.js';

/** The flags of every command that reads a word vectors file: `--no-header` (GloVe) and `--limit N`. */
export const VECTOR_LOAD_FLAGS: Record<string, FlagSpec> = Object.freeze({
  'no-header': { type: 'boolean', doc: 'the text vectors file has no "<count> <dims>" line (GloVe)' },
  limit: { type: 'number', value: 'N', doc: 'read only the first N vectors' },
});

/** `KeyedVectors.load` options from the {@link VECTOR_LOAD_FLAGS}. */
export function vectorLoadOptions(flags: Record<string, unknown>): LoadOptions {
  const opts: LoadOptions = {};
  if (flags['no-header']) opts.noHeader = true;
  if (flags.limit !== undefined) opts.limit = positiveIntFlag(flags.limit, 'limit');
  return opts;
}
