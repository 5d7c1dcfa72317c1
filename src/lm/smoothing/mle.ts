import type { CountData } from '../model-data.js';
import { contextTotal, countOf } from './counts-query.js';

/**
 * Maximum likelihood: c(h w) / c(h .) for the longest context suffix h that was seen as a
 * context (down to the unigram c(w) / N). A distribution for every context; unseen events get 0.
 */
export function mleLog10(d: CountData, seq: ArrayLike<number>, end: number, ctxLen: number): number {
  for (let L = Math.min(ctxLen, d.order - 1); L >= 1; L--) {
    const tot = contextTotal(d, seq, end, L);
    if (tot > 0) return Math.log10(countOf(d, seq, end, L + 1) / tot);
  }
  return Math.log10(countOf(d, seq, end, 1) / d.total);
}

