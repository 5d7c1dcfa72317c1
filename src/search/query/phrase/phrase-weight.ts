import { summedIdf, TermSimilarity } from '../../bm25.js';
import type { FieldData } from '../../segment.js';
import { explainViaScorer, type Explanation, type Scorer, type SearchContext, type Weight } from '../types.js';
import type { PhraseQuery } from './phrase-query.js';
import { PhraseScorer } from './phrase-scorer.js';

/** Binds a {@link PhraseQuery}; its idf is the sum of the terms' idfs (as Lucene). */
export class PhraseWeight implements Weight {
  private readonly field: FieldData | undefined;
  private readonly ids: number[];
  private readonly idf: number;
  private readonly sim: TermSimilarity | null;

  constructor(
    private readonly ctx: SearchContext,
    private readonly query: PhraseQuery,
    boost: number,
  ) {
    this.field = ctx.field(query.field);
    const f = this.field;
    this.ids = f ? query.terms.map((t) => f.dict.get(t)) : [];
    if (f && this.ids.length && this.ids.every((id) => id >= 0)) {
      this.idf = summedIdf(ctx.model, f.docCount, f.postings.df, this.ids);
      this.sim = new TermSimilarity(ctx.model, boost * this.idf, ctx.normCache(f));
    } else {
      this.idf = 0;
      this.sim = null;
    }
  }

  scorer(): PhraseScorer | null {
    const f = this.field;
    if (!f || !this.sim) return null;
    const p = f.postings;
    const cursors = this.ids.map((id) => f.cursor(id, true));
    const dfs = this.ids.map((id) => p.df[id]!);
    // An exact phrase occurs at most as often as its rarest term; a sloppy match consumes at least
    // one position of some term, so the sum of the terms' largest frequencies bounds it.
    const freqs = this.ids.map((id) => p.maxFreq[id]!);
    const maxFreq = this.query.slop ? freqs.reduce((a, b) => a + b, 0) : Math.min(...freqs);
    return new PhraseScorer(cursors, this.query.positions, this.sim, f.norms, dfs, maxFreq, f.minNorm, this.query.slop);
  }

  explain(doc: number): Explanation {
    return explainViaScorer(this, doc, (s: Scorer) => ({
      value: s.score(),
      description: `weight(${this.query.toString()} in doc "${this.ctx.segment.ids[doc]}") [${this.ctx.model.toUpperCase()}], phraseFreq=${(s as PhraseScorer).freq}`,
      details: [{ value: this.idf, description: 'idf, sum of the terms\' idfs' }],
    }));
  }
}
