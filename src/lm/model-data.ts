/**
 * The trained, immutable state a {@link NgramLM} queries: per-order n-gram tables plus either
 * backoff weights (ARPA semantics; kn, witten-bell and any loaded ARPA) or raw counts (mle,
 * laplace/add-k, stupid-backoff, which are computed from counts at query time).
 */
import type { NgramTable } from './ngram-table.js';
import type { LmVocab } from './vocab.js';

/** A model in backoff form: log10 probability and log10 backoff per stored n-gram. */
export interface BackoffData {
  kind: 'backoff';
  order: number;
  vocab: LmVocab;
  tables: NgramTable[];
  prob: Float32Array[];
  backoff: Float32Array[];
}

/** A model kept as counts: raw n-gram counts and, per n-gram, its total count as a context. */
export interface CountData {
  kind: 'counts';
  order: number;
  vocab: LmVocab;
  tables: NgramTable[];
  counts: Uint32Array[];
  /** `ctxTotal[n-1][e]`: sum of counts of the (n+1)-grams whose context is entry e of order n. */
  ctxTotal: Float64Array[];
  /** Sum of unigram counts (tokens plus `</s>`). */
  total: number;
}

/** Either representation. */
export type ModelData = BackoffData | CountData;

/** Computes `ctxTotal` for count data from counts and context links. */
export function contextTotals(tables: readonly NgramTable[], counts: readonly Uint32Array[], context: readonly Uint32Array[]): Float64Array[] {
  const out: Float64Array[] = [];
  for (let n = 1; n <= tables.length; n++) {
    const tot = new Float64Array(tables[n - 1]!.size);
    if (n < tables.length) {
      const ctx = context[n]!;
      const c = counts[n]!;
      for (let e = 0; e < ctx.length; e++) tot[ctx[e]!]! += c[e]!;
    }
    out.push(tot);
  }
  return out;
}
