import { LENGTH_TABLE, modelIdf, TermSimilarity } from '../../bm25.js';
import type { FieldData } from '../../segment.js';
import { explainViaScorer, type Explanation, type Scorer, type SearchContext, type Weight } from '../types.js';
import { TermScorer } from './term-scorer.js';

/** What a TermWeight reads of its `TermQuery` (declared here so the query and its weight do not import each other). */
export interface TermSource {
  readonly field: string;
  readonly term: string;
  readonly docFreq?: number | undefined;
}

/** Binds a `TermQuery`: looks the term up and computes its idf once. */
export class TermWeight implements Weight {
  private readonly field: FieldData | undefined;
  private readonly termId: number;
  private readonly idf: number;
  private readonly sim: TermSimilarity | null;

  constructor(
    private readonly ctx: SearchContext,
    private readonly query: TermSource,
    private readonly boost: number,
  ) {
    this.field = ctx.field(query.field);
    this.termId = this.field ? this.field.dict.get(query.term) : -1;
    if (this.field && this.termId >= 0) {
      const df = query.docFreq ?? this.field.postings.df[this.termId]!;
      this.idf = modelIdf(ctx.model, this.field.docCount, df);
      this.sim = new TermSimilarity(ctx.model, boost * this.idf, ctx.normCache(this.field));
    } else {
      this.idf = 0;
      this.sim = null;
    }
  }

  scorer(): TermScorer | null {
    const f = this.field;
    if (!f || this.termId < 0 || !this.sim) return null;
    const p = f.postings;
    return new TermScorer(f.cursor(this.termId, false), this.sim, f.norms, p.df[this.termId]!, p.maxFreq[this.termId]!, f.minNorm);
  }

  explain(doc: number): Explanation {
    return explainViaScorer(this, doc, (s: Scorer) => {
      const f = this.field!;
      const freq = (s as TermScorer).freq;
      const dl = LENGTH_TABLE[f.norms[doc]!]!;
      const df = this.query.docFreq ?? f.postings.df[this.termId]!;
      const idfExpl: Explanation =
        this.ctx.model === 'bm25'
          ? { value: this.idf, description: `idf, computed as log(1 + (N - n + 0.5) / (n + 0.5)) from n=${df} docs containing term${this.query.docFreq !== undefined ? ' (blended: the largest df of the expansions)' : ''}, N=${f.docCount} docs with field` }
          : { value: this.idf, description: `idf, computed as 1 + log((N + 1) / (n + 1)) from n=${df}, N=${f.docCount}` };
      // The tf factor comes from the scorer's own norm cache (as tantivy's Bm25Weight::explain).
      const tf = this.sim!.tf(freq, f.norms[doc]!);
      const tfExpl: Explanation =
        this.ctx.model === 'bm25'
          ? { value: tf, description: `tf, computed as freq / (freq + k1 * (1 - b + b * dl / avgdl)) from freq=${freq}, k1=${this.ctx.k1}, b=${this.ctx.b}, dl=${dl}, avgdl=${f.avgdl}` }
          : { value: tf, description: `tf * norm, computed as sqrt(freq) / sqrt(dl) from freq=${freq}, dl=${dl}` };
      return {
        value: s.score(),
        description: `weight(${this.query.field}:${this.query.term} in doc "${this.ctx.segment.ids[doc]}") [${this.ctx.model.toUpperCase()}], product of:`,
        details: [{ value: this.boost, description: 'boost' }, idfExpl, tfExpl],
      };
    });
  }
}
