/**
 * Query kernels. Each takes a word-id sequence `seq` where `seq[end]` is the predicted word and
 * `seq[end-ctxLen .. end)` its context (ids only, no allocation), and returns a log10 score.
 */
import type { BackoffData } from './model-data.js';

/**
 * log10 p(w | context) of a backoff model, as KenLM's query: the longest stored n-gram ending in w
 * gives the probability; the backoff weight of every longer context suffix that is stored is added.
 */
export function backoffLog10(d: BackoffData, seq: ArrayLike<number>, end: number, ctxLen: number): number {
  const maxN = Math.min(ctxLen + 1, d.order);
  let n = maxN;
  let p = -Infinity;
  for (; n >= 1; n--) {
    const e = d.tables[n - 1]!.find(seq, end - n + 1);
    if (e >= 0) {
      p = d.prob[n - 1]![e]!;
      break;
    }
  }
  if (n === 0) return p;
  for (let L = n; L < maxN; L++) {
    const e = d.tables[L - 1]!.find(seq, end - L);
    if (e >= 0) p += d.backoff[L - 1]![e]!;
  }
  return p;
}
