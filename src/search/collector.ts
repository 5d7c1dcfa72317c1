/**
 * Top-k collection: a scorer that can collect its own top k faster does (a disjunction, term at a
 * time: `query/boolean/term-at-a-time.ts`); otherwise the scorer is driven over the live docs in
 * doc order, the k best kept in a fixed-size heap whose entry threshold is fed back to the scorer
 * so MaxScore can skip docs that cannot enter the top k.
 */
import { TopK } from '../util/heap.js';
import { termAtATimeTopK } from './query/boolean/term-at-a-time.js';
import { NO_MORE_DOCS, type MatchCount, type Scorer } from './query/types.js';

/**
 * Collects the `k` best docs; `accept(doc)` filters (tombstones, user filters). The heap is sized
 * min(k, maxDoc), as Lucene caps `numHits` by `maxDoc`: `topK: 1e12` asks for every hit, not 8 TB.
 * With `count`, `count.total` is set to the number of accepted matches when the collection saw
 * them all on its way (term at a time), else to -1.
 */
export function collectTopK(scorer: Scorer, k: number, accept: (doc: number) => boolean, maxDoc: number, count?: MatchCount): { doc: number; score: number }[] {
  if (count) count.total = -1;
  k = Math.min(k, maxDoc);
  if (k <= 0) return [];
  // Asked for the count, a lone scorer that can bound its scores (a one-word query) is collected
  // term at a time too: the same hits, and its first pass sees every match.
  const own = scorer.doc === -1 ? (scorer.topK(k, accept, maxDoc, count) ?? (count ? termAtATimeTopK(scorer, k, accept, maxDoc, count) : null)) : null;
  return own ?? collectInDocOrder(scorer, k, accept);
}

/**
 * {@link collectTopK} by walking the scorer's matches in doc order (doc-at-a-time), whatever the
 * scorer could do itself: the reference the term-at-a-time collection is tested against.
 */
export function collectInDocOrder(scorer: Scorer, k: number, accept: (doc: number) => boolean): { doc: number; score: number }[] {
  if (k <= 0) return [];
  const heap = new TopK(k);
  let threshold = -Infinity;
  for (let d = scorer.next(); d !== NO_MORE_DOCS; d = scorer.next()) {
    if (!accept(d)) continue;
    const s = scorer.score();
    if (s < threshold) continue;
    heap.push(d, s);
    if (heap.size === k && heap.threshold > threshold) {
      threshold = heap.threshold;
      scorer.setMinCompetitiveScore(threshold);
    }
  }
  return heap.sorted().map((x) => ({ doc: x.id, score: x.score }));
}

/** Counts every accepted match (no pruning; scorers that can skip scoring do). */
export function countMatches(scorer: Scorer, accept: (doc: number) => boolean): number {
  return scorer.countRest(accept);
}
