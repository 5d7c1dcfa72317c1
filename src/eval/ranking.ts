/**
 * Ranking metrics with trec_eval's conventions (pure functions, no I/O).
 *
 * - A run is sorted as trec_eval sorts it: score descending, ties broken by doc id descending
 *   (string order), see {@link trecOrder}.
 * - A doc is relevant when its judged grade is >= `relevantFrom` (default 1); unjudged docs and
 *   lower grades are not relevant.
 * - AP (`map`): sum of precision at each relevant retrieved doc / number of relevant docs in the
 *   qrels; the run is cut at `maxRank` (trec_eval's 1000).
 * - P@k: relevant docs in the first k / k (a run shorter than k still divides by k).
 * - recall@k: relevant docs in the first k / relevant docs in the qrels.
 * - nDCG@k (`ndcg_cut`): DCG = sum gain / log2(rank + 1) over the first k, gain = the judged grade
 *   (0 for non-relevant); ideal DCG from all judged gains sorted descending, cut at k.
 * - Queries without any relevant doc are skipped in the mean, as trec_eval does without `-c`.
 * - Cutoffs k must be positive integers (an ArgumentError otherwise).
 */

import { ArgumentError } from '../core/errors.js';

/** Judgements of one query: doc id -> grade (graded gain; >= relevantFrom counts as relevant). */
export type Judgements = ReadonlyMap<string, number>;

/** A scored doc of a run. */
export interface RankedDoc {
  id: string;
  score: number;
}

/** Sorts a run as trec_eval: score descending, then doc id descending. Returns the ids. */
export function trecOrder(run: readonly RankedDoc[]): string[] {
  return [...run].sort((a, b) => b.score - a.score || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).map((r) => r.id);
}

// A cutoff that is not a positive integer would give NaN (k = 0) or a precision above 1 (k = 1.5).
function checkK(k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new ArgumentError(`k must be a positive integer, got ${k}`, { key: 'k' });
}

function numRelevant(qrels: Judgements, relevantFrom: number): number {
  let n = 0;
  for (const g of qrels.values()) if (g >= relevantFrom) n++;
  return n;
}

/**
 * Average precision of a ranked id list cut at rank k (trec_eval's `map` with k = 1000).
 * @example averagePrecisionAtK(['a','b'], new Map([['b', 1]])) // 0.5
 */
export function averagePrecisionAtK(ranked: readonly string[], qrels: Judgements, k = 1000, relevantFrom = 1): number {
  checkK(k);
  const maxRank = k;
  const R = numRelevant(qrels, relevantFrom);
  if (R === 0) return 0;
  let hits = 0;
  let sum = 0;
  const n = Math.min(ranked.length, maxRank);
  for (let i = 0; i < n; i++) {
    if ((qrels.get(ranked[i]!) ?? 0) >= relevantFrom) {
      hits++;
      sum += hits / (i + 1);
    }
  }
  return sum / R;
}

/** Precision at k. @example precisionAtK(['a','b'], new Map([['a', 1]]), 10) // 0.1 */
export function precisionAtK(ranked: readonly string[], qrels: Judgements, k: number, relevantFrom = 1): number {
  checkK(k);
  let hits = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) if ((qrels.get(ranked[i]!) ?? 0) >= relevantFrom) hits++;
  return hits / k;
}

/** Recall at k. @example recallAtK(['a'], new Map([['a', 1], ['b', 1]]), 100) // 0.5 */
export function recallAtK(ranked: readonly string[], qrels: Judgements, k: number, relevantFrom = 1): number {
  checkK(k);
  const R = numRelevant(qrels, relevantFrom);
  if (R === 0) return 0;
  let hits = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) if ((qrels.get(ranked[i]!) ?? 0) >= relevantFrom) hits++;
  return hits / R;
}

/** nDCG at k with linear gains (trec_eval's ndcg_cut). @example ndcgAtK(['b','a'], new Map([['a', 2]]), 10) // 1/log2(3) */
export function ndcgAtK(ranked: readonly string[], qrels: Judgements, k: number): number {
  checkK(k);
  let dcg = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) {
    const g = qrels.get(ranked[i]!) ?? 0;
    if (g > 0) dcg += g / Math.log2(i + 2);
  }
  const gains = [...qrels.values()].filter((g) => g > 0).sort((a, b) => b - a);
  let ideal = 0;
  for (let i = 0; i < Math.min(k, gains.length); i++) ideal += gains[i]! / Math.log2(i + 2);
  return ideal > 0 ? dcg / ideal : 0;
}

/**
 * Reciprocal rank of the first relevant doc (trec_eval's `recip_rank`; its mean over queries is MRR),
 * 0 when none is retrieved.
 * @example reciprocalRank(['x', 'a'], new Map([['a', 1]])) // 0.5
 */
export function reciprocalRank(ranked: readonly string[], qrels: Judgements, relevantFrom = 1): number {
  for (let i = 0; i < ranked.length; i++) if ((qrels.get(ranked[i]!) ?? 0) >= relevantFrom) return 1 / (i + 1);
  return 0;
}

/** Mean metrics over queries. */
export interface RankingSummary {
  map: number;
  'ndcg@10': number;
  'p@10': number;
  'recall@100': number;
  /** Mean reciprocal rank. */
  mrr: number;
  /** Queries averaged (those with at least one relevant doc). */
  queries: number;
}

/**
 * Evaluates runs (query id -> scored docs) against qrels (query id -> judgements) with the
 * conventions above. Queries with no relevant judgement are skipped; a query with judgements
 * but no run scores 0.
 * @example evaluateRuns(new Map([['1', [{ id: 'd1', score: 2 }]]]), new Map([['1', new Map([['d1', 1]])]]))
 */
export function evaluateRuns(runs: ReadonlyMap<string, readonly RankedDoc[]>, qrels: ReadonlyMap<string, Judgements>, relevantFrom = 1): RankingSummary {
  let map = 0, ndcg = 0, p10 = 0, r100 = 0, rr = 0, n = 0;
  for (const [q, judged] of qrels) {
    if (numRelevant(judged, relevantFrom) === 0) continue;
    const ranked = trecOrder(runs.get(q) ?? []);
    map += averagePrecisionAtK(ranked, judged, 1000, relevantFrom);
    ndcg += ndcgAtK(ranked, judged, 10);
    p10 += precisionAtK(ranked, judged, 10, relevantFrom);
    r100 += recallAtK(ranked, judged, 100, relevantFrom);
    rr += reciprocalRank(ranked, judged, relevantFrom);
    n++;
  }
  const d = n || 1;
  return { map: map / d, 'ndcg@10': ndcg / d, 'p@10': p10 / d, 'recall@100': r100 / d, mrr: rr / d, queries: n };
}
