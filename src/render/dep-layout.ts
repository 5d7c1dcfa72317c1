/**
 * Arc heights for the `dep` style. An arc sits one level above the highest arc it spans, so
 * nested arcs never cross and short arcs stay low. Arcs are processed from short to long; the
 * work is quadratic in the arcs of one sentence, which a renderer of sentences can afford.
 */
import type { DepArc } from './data.js';

/** The level (1 = lowest) of each arc, in input order. */
export function arcLevels(arcs: readonly DepArc[]): Int32Array {
  const n = arcs.length;
  const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => arcs[a]!.end - arcs[a]!.start - (arcs[b]!.end - arcs[b]!.start) || arcs[a]!.start - arcs[b]!.start);
  const level = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const a = arcs[order[p]!]!;
    let max = 0;
    for (let q = 0; q < p; q++) {
      const b = arcs[order[q]!]!;
      // Spanned: inside a's range (arcs sharing an end word count, as they would touch).
      if (b.start >= a.start && b.end <= a.end) max = Math.max(max, level[order[q]!]!);
    }
    level[order[p]!] = max + 1;
  }
  return level;
}
