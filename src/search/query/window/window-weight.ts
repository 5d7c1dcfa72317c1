import { summedIdf, TermSimilarity } from '../../bm25.js';
import type { FieldData } from '../../segment.js';
import { explainViaScorer, type Explanation, type Scorer, type SearchContext, type Weight } from '../types.js';
import { windowFreqBound } from './window-freq.js';
import type { WindowQuery } from './window-query.js';
import { WindowScorer } from './window-scorer.js';

/** Binds a {@link WindowQuery}; its idf is the sum of the two terms' idfs (as Lucene's SpanWeight). */
export class WindowWeight implements Weight {
  private readonly field: FieldData | undefined;
  private readonly ids: [number, number];
  private readonly idf: number;
  private readonly sim: TermSimilarity | null;

  constructor(
    private readonly ctx: SearchContext,
    private readonly query: WindowQuery,
    boost: number,
  ) {
    const f = (this.field = ctx.field(query.field));
    this.ids = f ? [f.dict.get(query.first), f.dict.get(query.second)] : [-1, -1];
    if (f && this.ids[0] >= 0 && this.ids[1] >= 0) {
      this.idf = summedIdf(ctx.model, f.docCount, f.postings.df, this.ids);
      this.sim = new TermSimilarity(ctx.model, boost * this.idf, ctx.normCache(f));
    } else {
      this.idf = 0;
      this.sim = null;
    }
  }

  scorer(): WindowScorer | null {
    const f = this.field;
    if (!f || !this.sim) return null;
    const [a, b] = this.ids;
    const p = f.postings;
    const { slop, ordered } = this.query.window;
    const bound = windowFreqBound(p.maxFreq[a]!, p.maxFreq[b]!, ordered || a === b);
    return new WindowScorer(f.cursor(a, true), f.cursor(b, true), slop, ordered, a === b, this.sim, f.norms, p.df[a]!, p.df[b]!, bound, f.minNorm);
  }

  explain(doc: number): Explanation {
    return explainViaScorer(this, doc, (s: Scorer) => ({
      value: s.score(),
      description: `weight(${this.query.toString()} in doc "${this.ctx.segment.ids[doc]}") [${this.ctx.model.toUpperCase()}], sloppyFreq=${(s as WindowScorer).freq}`,
      details: [{ value: this.idf, description: "idf, sum of the two terms' idfs" }],
    }));
  }
}
