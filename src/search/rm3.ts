/**
 * RM3 pseudo-relevance feedback (Lavrenko & Croft's relevance model interpolated with the query,
 * Abdul-Jaleel et al. 2004), as Anserini's `Rm3Reranker` computes it, with its defaults:
 *
 * 1. the top `fbDocs` (10) docs of the first search are the feedback set;
 * 2. each feedback doc's term vector (term frequencies summed over the searched fields) keeps
 *    terms of 2 to 20 letters/digits whose document frequency is at most 10% of the docs, pruned
 *    to its `fbTerms` (10) most frequent, then L1-normalized;
 * 3. the relevance model weighs each term by the sum over docs of its normalized frequency times
 *    the doc's first-pass score, is pruned to `fbTerms` terms and L1-normalized;
 * 4. the new query is `originalQueryWeight` (0.5) × the L1-normalized query term counts + the rest
 *    × the model, each term searched in every field with that weight.
 *
 * The index files keep no term vectors: the first feedback search on a field transposes its
 * postings into per-doc term vectors (one pass over all postings; about 8 bytes per distinct
 * term of each doc), kept in memory until the field changes. Feedback is off by default.
 */
import { NO_MORE_DOCS } from './postings/reader.js';
import type { FieldData, Segment } from './segment.js';

/** Options of the feedback feature (`search(q, { rm3 })`). */
export interface Rm3Options {
  /** Feedback documents (default 10). */
  fbDocs?: number;
  /** Feedback terms, per doc and in the model (default 10). */
  fbTerms?: number;
  /** Weight of the original query in the interpolation, in [0, 1] (default 0.5). */
  originalQueryWeight?: number;
}

/** Defaults of {@link Rm3Options} (Anserini's). */
export const RM3_DEFAULTS = Object.freeze({ fbDocs: 10, fbTerms: 10, originalQueryWeight: 0.5 });

// Anserini's feedback-term filters.
const MAX_DF_RATIO = 0.1;
const TERM_SHAPE = /^[\p{L}\p{N}]{2,20}$/u;

/** A weighted term of an expanded query. */
export interface WeightedTerm {
  term: string;
  weight: number;
}

// Sorts by weight descending, then term ascending (deterministic ties), and keeps the first n.
function prune(m: Map<string, number>, n: number): [string, number][] {
  return [...m].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)).slice(0, n);
}

/**
 * The RM3 expanded query: `queryTerms` (the analyzed query, repeats counting) interpolated with
 * the relevance model of `feedback` (first-pass docs and scores, best first).
 */
export function rm3Expansion(seg: Segment, fields: readonly string[], queryTerms: readonly string[], feedback: readonly { doc: number; score: number }[], options: Rm3Options = {}): WeightedTerm[] {
  const fbDocs = options.fbDocs ?? RM3_DEFAULTS.fbDocs;
  const fbTerms = options.fbTerms ?? RM3_DEFAULTS.fbTerms;
  const lambda = options.originalQueryWeight ?? RM3_DEFAULTS.originalQueryWeight;
  const fb = feedback.slice(0, fbDocs);
  const vectors = docVectors(seg, fields, fb.map((x) => x.doc));
  const model = new Map<string, number>();
  fb.forEach(({ score }, i) => {
    const kept = prune(vectors[i]!, fbTerms);
    let norm = 0;
    for (const [, tf] of kept) norm += tf;
    if (norm <= 0) return;
    for (const [t, tf] of kept) model.set(t, (model.get(t) ?? 0) + (tf / norm) * score);
  });
  const rm = prune(model, fbTerms);
  let rmNorm = 0;
  for (const [, w] of rm) rmNorm += w;
  const out = new Map<string, number>();
  for (const t of queryTerms) out.set(t, (out.get(t) ?? 0) + lambda / queryTerms.length);
  if (rmNorm > 0) for (const [t, w] of rm) out.set(t, (out.get(t) ?? 0) + ((1 - lambda) * w) / rmNorm);
  return [...out].map(([term, weight]) => ({ term, weight }));
}

// Term -> frequency for each doc of `docs`, over `fields`, restricted to Anserini's eligible terms.
function docVectors(seg: Segment, fields: readonly string[], docs: readonly number[]): Map<string, number>[] {
  const out = docs.map(() => new Map<string, number>());
  const n = seg.liveCount;
  for (const name of fields) {
    const f = seg.fields.find((x) => x.name === name);
    if (!f) continue;
    const tv = termVectors(f, seg.maxDoc);
    const df = f.postings.df;
    const terms = f.dict.terms;
    docs.forEach((d, i) => {
      for (let k = tv.start[d]!; k < tv.start[d + 1]!; k++) {
        const t = tv.terms[k]!;
        if (df[t]! > MAX_DF_RATIO * n) continue;
        const term = terms[t]!;
        out[i]!.set(term, (out[i]!.get(term) ?? 0) + tv.freqs[k]!);
      }
    });
  }
  return out;
}

/** Per-doc term vectors of one field (CSR: doc d's entries are start[d] .. start[d + 1]). */
interface TermVectors {
  key: string;
  start: Int32Array;
  terms: Int32Array;
  freqs: Int32Array;
}

// Built on first use by transposing the postings (two passes over them), kept until the field
// changes; only terms of feedback shape are kept.
const VECTORS = new WeakMap<FieldData, TermVectors>();

function termVectors(f: FieldData, maxDoc: number): TermVectors {
  const key = `${maxDoc}/${f.dict.size}/${f.sumTtf}/${f.docCount}`;
  const hit = VECTORS.get(f);
  if (hit && hit.key === key) return hit;
  const eligible: number[] = [];
  for (let t = 0; t < f.dict.size; t++) if (f.postings.df[t]! > 0 && TERM_SHAPE.test(f.dict.terms[t]!)) eligible.push(t);
  const start = new Int32Array(maxDoc + 1);
  for (const t of eligible) {
    const c = f.cursor(t, false);
    for (let d = c.next(); d !== NO_MORE_DOCS; d = c.next()) start[d + 1]!++;
  }
  for (let d = 0; d < maxDoc; d++) start[d + 1]! += start[d]!;
  const fill = start.slice(0, maxDoc);
  const terms = new Int32Array(start[maxDoc]!);
  const freqs = new Int32Array(start[maxDoc]!);
  for (const t of eligible) {
    const c = f.cursor(t, false);
    for (let d = c.next(); d !== NO_MORE_DOCS; d = c.next()) {
      const k = fill[d]!++;
      terms[k] = t;
      freqs[k] = c.freq;
    }
  }
  const tv = { key, start, terms, freqs };
  VECTORS.set(f, tv);
  return tv;
}
