import type { CountData } from '../model-data.js';
import { contextTotal, countOf } from './counts-query.js';

/**
 * Add-k (Laplace for k = 1): (c(h w) + k) / (c(h .) + k |V|) with h the context truncated to
 * order-1 words; |V| counts every word but `<s>`. An unseen context gives the uniform distribution.
 */
export function addKLog10(d: CountData, seq: ArrayLike<number>, end: number, ctxLen: number, k: number): number {
  const L = Math.min(ctxLen, d.order - 1);
  const V = d.vocab.size - 1;
  const tot = L === 0 ? d.total : contextTotal(d, seq, end, L);
  const c = tot > 0 ? countOf(d, seq, end, L + 1) : 0;
  return Math.log10((c + k) / (tot + k * V));
}

