/**
 * Term-at-a-time top-k collection for a disjunction (a plain query's terms and proximity windows):
 * instead of visiting every matching doc with every sub-scorer in doc order (doc-at-a-time), each
 * sub-scorer first reads its postings lists whole and adds its exact score, or for windows an
 * upper bound from the two terms' frequencies, to dense per-doc sums (`BoundPass`). The k-th best
 * sum of exact parts bounds the top k from below; only the docs whose sums plus bounds reach it
 * are then scored exactly, each sub-scorer's part added in the disjunction's own order, so every
 * score is bit for bit the one the doc-at-a-time walk gives, and so is the top k (ties: smaller
 * doc first). Positions are decoded for those few docs only.
 */
import { TopK } from '../../../util/heap.js';
import { BoundPass } from '../bound-pass.js';
import { NO_MORE_DOCS, type MatchCount, type Scorer } from '../types.js';

/**
 * Indexes larger than this keep the doc-at-a-time walk: on large indexes MaxScore skips most of
 * a common term's long list, which the term-at-a-time pass would decode whole (measured on 200k
 * documents: RM3's expanded queries took twice as long), and the dense sums take 17 bytes a doc.
 */
export const TERM_AT_A_TIME_MAX_DOCS = 1 << 16;

/**
 * The `k` best docs of `scorer` (fresh, and able to bound its scores) that `accept` lets through,
 * best first, or null when term-at-a-time collection does not apply. With `count`, its `total` is
 * set to the number of accepted matches when the first pass tells it (-1 when it does not).
 */
export function termAtATimeTopK(scorer: Scorer, k: number, accept: (doc: number) => boolean, maxDoc: number, count?: MatchCount): { doc: number; score: number }[] | null {
  if (maxDoc > TERM_AT_A_TIME_MAX_DOCS || !scorer.canBound()) return null;
  const pass = BoundPass.acquire(maxDoc);
  try {
    scorer.bound(pass);
    const candidates = pass.candidates(k, accept, count);
    const heap = new TopK(k);
    for (let i = 0; i < candidates.length; i++) {
      const d = candidates[i]!;
      const s = scorer.scoreAt(d);
      if (s !== -1) heap.push(d, s);
    }
    scorer.doc = NO_MORE_DOCS;
    return heap.sorted().map((x) => ({ doc: x.id, score: x.score }));
  } finally {
    pass.release();
  }
}
