/**
 * Stage 2 (adjust): Kneser-Ney adjusted counts, as lmplz's AdjustCounts.
 *
 * Input: raw {@link Counts} and suffix links. Output: one count column per order where
 * - the highest order keeps its raw counts;
 * - a lower-order n-gram that starts with `<s>` keeps its raw count (it cannot be extended left);
 * - any other lower-order n-gram gets its continuation count N1+(. w): the number of distinct words
 *   seen to its left (`<s>` included).
 * `<unk>` and `<s>` unigrams have 0 unless `<unk>` occurs in the training data.
 */
import type { Counts } from './count.js';
import type { Links } from './links.js';
import { BOS } from './vocab.js';

/** Returns the adjusted count column per order (see the module contract). */
export function adjustCounts(counts: Counts, links: Links): Uint32Array[] {
  const { order, tables } = counts;
  const adjusted: Uint32Array[] = [];
  for (let n = 1; n <= order; n++) {
    if (n === order) {
      adjusted.push(counts.counts[n - 1]!);
      continue;
    }
    const t = tables[n - 1]!;
    const adj = new Uint32Array(t.size);
    // Each (n+1)-gram type is one distinct left extension of its suffix.
    const suf = links.suffix[n]!;
    for (let f = 0; f < suf.length; f++) adj[suf[f]!]!++;
    const raw = counts.counts[n - 1]!;
    const keys = t.keys;
    for (let e = 0; e < t.size; e++) if (keys[e * n] === BOS) adj[e] = raw[e]!;
    adjusted.push(adj);
  }
  return adjusted;
}
