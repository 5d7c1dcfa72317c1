import type { CountData } from '../model-data.js';
import { contextTotal, countOf } from './counts-query.js';

/**
 * Stupid backoff (Brants et al. 2007): c(h w) / c(h .) if seen, else alpha times the score with
 * the context shortened by one word; c(w) / N at the unigram level. A score, not a distribution.
 */
export function stupidBackoffLog10(d: CountData, seq: ArrayLike<number>, end: number, ctxLen: number, alpha: number): number {
  const maxL = Math.min(ctxLen, d.order - 1);
  const la = Math.log10(alpha);
  for (let L = maxL; L >= 1; L--) {
    const c = countOf(d, seq, end, L + 1);
    if (c > 0) return (maxL - L) * la + Math.log10(c / contextTotal(d, seq, end, L));
  }
  return maxL * la + Math.log10(countOf(d, seq, end, 1) / d.total);
}
