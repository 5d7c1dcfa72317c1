/**
 * For every n-gram (n >= 2), the entry index of its context (first n-1 words) and of its suffix
 * (last n-1 words) in the order n-1 table. Both always exist: every prefix and suffix of a counted
 * n-gram was itself counted.
 */
import { FormatError } from '../core/errors.js';
import type { NgramTable } from './ngram-table.js';

/** Context and suffix links, indexed by order-1 (index 0, unigrams, is empty). */
export interface Links {
  context: Uint32Array[];
  suffix: Uint32Array[];
}

/** Computes {@link Links} for the given tables, reusing already known suffix links. */
export function computeLinks(tables: readonly NgramTable[], knownSuffix?: readonly Uint32Array[]): Links {
  const context: Uint32Array[] = [new Uint32Array(0)];
  const suffix: Uint32Array[] = [new Uint32Array(0)];
  for (let n = 2; n <= tables.length; n++) {
    const t = tables[n - 1]!;
    const lower = tables[n - 2]!;
    const ctx = new Uint32Array(t.size);
    const known = knownSuffix?.[n - 1];
    const suf = known ?? new Uint32Array(t.size);
    const keys = t.keys;
    for (let e = 0; e < t.size; e++) {
      const c = lower.find(keys, e * n);
      if (c < 0) throw new FormatError(`the ${n}-gram #${e + 1} has no context ${n - 1}-gram`);
      ctx[e] = c;
      if (!known) {
        const s = lower.find(keys, e * n + 1);
        if (s < 0) throw new FormatError(`the ${n}-gram #${e + 1} has no suffix ${n - 1}-gram`);
        suf[e] = s;
      }
    }
    context.push(ctx);
    suffix.push(suf);
  }
  return { context, suffix };
}
