import { bm25Idf } from '../../bm25.js';
import type { FieldData } from '../../segment.js';
import { explainViaScorer, type Explanation, type Scorer, type SearchContext, type Weight } from '../types.js';
import { Bm25fScorer } from './bm25f-scorer.js';

/** What a Bm25fWeight reads of its `Bm25fTermQuery` (declared here so the query and its weight do not import each other). */
export interface Bm25fSource {
  readonly fields: readonly string[];
  readonly term: string;
  readonly weights: Readonly<Record<string, number>>;
  toString(): string;
}

/** Binds a `Bm25fTermQuery`: the fields holding the term, their norm caches and the idf. */
export class Bm25fWeight implements Weight {
  private readonly parts: { field: FieldData; termId: number; w: number; cache: Float64Array }[] = [];
  private readonly idf: number;

  constructor(
    private readonly ctx: SearchContext,
    private readonly query: Bm25fSource,
    private readonly boost: number,
  ) {
    let df = 0;
    let n = 0;
    for (const name of query.fields) {
      const f = ctx.field(name);
      if (!f) continue;
      n = Math.max(n, f.docCount);
      const id = f.dict.get(query.term);
      if (id < 0) continue;
      df = Math.max(df, f.postings.df[id]!);
      // BM25F is defined on BM25's saturation: always BM25's norm table (search() only uses it with model 'bm25').
      this.parts.push({ field: f, termId: id, w: query.weights[name] ?? 1, cache: f.normTable('bm25', ctx.k1, ctx.b) });
    }
    this.idf = df > 0 ? bm25Idf(n, df) : 0;
  }

  scorer(): Bm25fScorer | null {
    if (!this.parts.length) return null;
    return new Bm25fScorer(
      this.parts.map((p) => ({ cursor: p.field.cursor(p.termId, false), norms: p.field.norms, cache: p.cache, w: p.w, df: p.field.postings.df[p.termId]!, maxFreq: p.field.postings.maxFreq[p.termId]!, minNorm: p.field.minNorm })),
      this.boost * this.idf,
    );
  }

  explain(doc: number): Explanation {
    return explainViaScorer(this, doc, (s: Scorer) => {
      const sc = s as Bm25fScorer;
      return {
        value: s.score(),
        description: `weight(${this.query.toString()} in doc "${this.ctx.segment.ids[doc]}") [BM25F], boost * idf * x / (1 + x) with x = sum of w * tf / (k1 * (1 - b + b * dl / avgdl)) = ${sc.x}`,
        details: [
          { value: this.boost, description: 'boost' },
          { value: this.idf, description: 'idf, computed as log(1 + (N - n + 0.5) / (n + 0.5)) with n, N the largest doc frequency and doc count among the fields' },
        ],
      };
    });
  }
}
