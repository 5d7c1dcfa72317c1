/**
 * Fusion of a lexical (BM25) ranking and a vector ranking into one (hybrid search):
 * reciprocal rank fusion (Cormack et al. 2009: score = sum over lists of 1 / (k + rank), k = 60)
 * or a convex combination of min-max normalised scores (weight × vector + (1 − weight) × lexical,
 * a document missing from a list scoring 0 there).
 */
import { ArgumentError } from '../core/errors.js';
import { checkOptionKeys } from '../core/options.js';

/** Options of `search(q, { vector, hybrid })`. */
export interface HybridOptions {
  /** `'rrf'` (reciprocal rank fusion, default) or `'convex'` (weighted normalised scores). */
  fusion?: 'rrf' | 'convex';
  /** Convex fusion: the vector score's weight in [0, 1] (default 0.5; 0 is BM25 alone, 1 vectors alone). */
  weight?: number;
  /** RRF's rank constant k > 0 (default 60). */
  k?: number;
  /** Candidates taken from each ranking before fusing, an integer >= 1 (default 100, at least topK). */
  window?: number;
}

/** Defaults of {@link HybridOptions}. */
export const HYBRID_DEFAULTS = Object.freeze({ fusion: 'rrf' as 'rrf' | 'convex', weight: 0.5, k: 60, window: 100 });

/** One ranked candidate: a doc number and its score in its list. */
export interface Ranked {
  doc: number;
  score: number;
}

/** Checked hybrid options with defaults. */
export function hybridOptions(o: HybridOptions | true | undefined): Required<HybridOptions> {
  if (o === undefined || o === true) return { ...HYBRID_DEFAULTS };
  if (o === null || typeof o !== 'object') throw new ArgumentError('hybrid must be an object { fusion, weight, k, window } or true', { key: 'hybrid' });
  checkOptionKeys(o, Object.keys(HYBRID_DEFAULTS), { what: 'hybrid', keyPrefix: 'hybrid' });
  const r = { ...HYBRID_DEFAULTS, ...o };
  if (r.fusion !== 'rrf' && r.fusion !== 'convex') throw new ArgumentError(`hybrid.fusion must be 'rrf' or 'convex', got ${String(r.fusion)}`, { key: 'hybrid.fusion' });
  if (typeof r.weight !== 'number' || !(r.weight >= 0 && r.weight <= 1)) throw new ArgumentError(`hybrid.weight must be in [0, 1], got ${String(r.weight)}`, { key: 'hybrid.weight' });
  if (typeof r.k !== 'number' || !(r.k > 0 && Number.isFinite(r.k))) throw new ArgumentError(`hybrid.k must be a finite number > 0, got ${String(r.k)}`, { key: 'hybrid.k' });
  if (!Number.isInteger(r.window) || r.window < 1) throw new ArgumentError(`hybrid.window must be an integer >= 1, got ${String(r.window)}`, { key: 'hybrid.window' });
  return r;
}

/** Reciprocal rank fusion of ranked lists (best first): sum of 1 / (k + rank), rank from 1. */
export function fuseRrf(lists: readonly (readonly Ranked[])[], k: number): Ranked[] {
  const acc = new Map<number, number>();
  for (const list of lists) list.forEach((r, i) => acc.set(r.doc, (acc.get(r.doc) ?? 0) + 1 / (k + i + 1)));
  return sortFused(acc);
}

/**
 * Convex combination: each list's scores min-max normalised to [0, 1] over its candidates (all
 * equal: 1), then (1 − weight) × lexical + weight × vector.
 */
export function fuseConvex(lexical: readonly Ranked[], vector: readonly Ranked[], weight: number): Ranked[] {
  const acc = new Map<number, number>();
  const addList = (list: readonly Ranked[], w: number): void => {
    if (!list.length) return;
    let lo = Infinity;
    let hi = -Infinity;
    for (const r of list) {
      lo = Math.min(lo, r.score);
      hi = Math.max(hi, r.score);
    }
    for (const r of list) acc.set(r.doc, (acc.get(r.doc) ?? 0) + w * (hi > lo ? (r.score - lo) / (hi - lo) : 1));
  };
  addList(lexical, 1 - weight);
  addList(vector, weight);
  return sortFused(acc);
}

// Best first; ties to the lower doc number (insertion order), so results are deterministic.
function sortFused(acc: Map<number, number>): Ranked[] {
  return [...acc].map(([doc, score]) => ({ doc, score })).sort((a, b) => b.score - a.score || a.doc - b.doc);
}
