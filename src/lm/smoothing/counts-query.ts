/** Count lookups shared by the count-based smoothings (ids only, no allocation). */
import type { CountData } from '../model-data.js';

/** Count of the n-gram `seq[end-n+1 .. end]`, 0 if unseen. */
export function countOf(d: CountData, seq: ArrayLike<number>, end: number, n: number): number {
  const e = d.tables[n - 1]!.find(seq, end - n + 1);
  return e < 0 ? 0 : d.counts[n - 1]![e]!;
}

/** Total count of the context `seq[end-L .. end)` (L >= 1), 0 if unseen. */
export function contextTotal(d: CountData, seq: ArrayLike<number>, end: number, L: number): number {
  const e = d.tables[L - 1]!.find(seq, end - L);
  return e < 0 ? 0 : d.ctxTotal[L - 1]![e]!;
}

