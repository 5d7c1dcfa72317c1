import { summedIdf, TermSimilarity } from '../bm25.js';
import type { FieldData } from '../segment.js';
import { explainViaScorer, type Explanation, type Scorer, type SearchContext, type Weight } from './types.js';

/** The statistics of terms of one field scored as one unit (a phrase, a window). */
export interface SummedStats {
  /** The field, undefined when the index has none of that name. */
  field: FieldData | undefined;
  /** Each term's id in the field's dictionary (-1: absent). */
  ids: number[];
  /** The sum of the terms' idfs (0 when a term or the field is absent). */
  idf: number;
  /** Scores with weight boost × idf on the field's norm cache; null when nothing can match. */
  sim: TermSimilarity | null;
}

/**
 * Looks `terms` up in `field` and computes their summed idf (as Lucene's PhraseWeight and
 * SpanWeight) and the similarity their scorer and its explanation share.
 * @example summedStats(ctx, 'text', ['boundary', 'layer'], 1)
 */
export function summedStats(ctx: SearchContext, field: string, terms: readonly string[], boost: number): SummedStats {
  const f = ctx.field(field);
  const ids = terms.map((t) => (f ? f.dict.get(t) : -1));
  if (!f || !ids.length || ids.some((id) => id < 0)) return { field: f, ids, idf: 0, sim: null };
  const idf = summedIdf(ctx.model, f.docCount, f.postings.df, ids);
  return { field: f, ids, idf, sim: new TermSimilarity(ctx.model, boost * idf, ctx.normCache(f)) };
}

/**
 * Explains the score of `doc` under a weight scored with {@link SummedStats} (a phrase, a window):
 * boost × idf times the tf of the scorer's match frequency, called `freqName` (e.g. `phraseFreq`);
 * `termsNoun` says whose idfs are summed (`terms'`, `two terms'`).
 * @example explainSummed(this, this.stats, this.ctx, this.query, doc, 'phraseFreq', "terms'")
 */
export function explainSummed(
  weight: Weight,
  stats: SummedStats,
  ctx: SearchContext,
  query: { toString(): string },
  doc: number,
  freqName: string,
  termsNoun: string,
): Explanation {
  return explainViaScorer(weight, doc, (s: Scorer) => {
    // boost × idf and the tf factor come from the scorer's own similarity (idf and norm cache).
    const sim = stats.sim!;
    const freq = (s as Scorer & { readonly freq: number }).freq;
    return {
      value: s.score(),
      description: `weight(${query.toString()} in doc "${ctx.segment.ids[doc]}") [${ctx.model.toUpperCase()}], ${freqName}=${freq}, product of:`,
      details: [
        { value: sim.weight, description: `boost * idf, with idf = ${stats.idf}, the sum of the ${termsNoun} idfs` },
        { value: sim.tf(freq, stats.field!.norms[doc]!), description: `tf of ${freqName}=${freq}` },
      ],
    };
  });
}
