/**
 * Interpolated modified Kneser-Ney, as KenLM's lmplz: adjusted counts -> three discounts per order
 * from counts-of-adjusted-counts -> interpolated probabilities in backoff form.
 */
import { adjustCounts } from '../adjust.js';
import type { TrainProgress } from '../corpus.js';
import type { Counts } from '../count.js';
import { computeDiscounts, type Discount } from '../discount.js';
import { estimateInterpolated } from '../estimate.js';
import type { Links } from '../links.js';
import type { BackoffData } from '../model-data.js';
import type { LmVocab } from '../vocab.js';

/** Trains modified KN; returns the model and the discounts used (index n-1 for order n). */
export function trainKneserNey(
  counts: Counts,
  links: Links,
  vocab: LmVocab,
  discountFallback: readonly [number, number, number] | undefined,
  onProgress?: (p: TrainProgress) => void,
): { data: BackoffData; discounts: Discount[] } {
  const adjusted = adjustCounts(counts, links);
  onProgress?.({ stage: 'adjust', done: 1, total: 1 });
  const discounts = computeDiscounts(adjusted, discountFallback);
  const w = estimateInterpolated(counts.tables, links, adjusted, { kind: 'kn', discounts }, onProgress);
  return { data: { kind: 'backoff', order: counts.order, vocab, tables: counts.tables, prob: w.prob, backoff: w.backoff }, discounts };
}
