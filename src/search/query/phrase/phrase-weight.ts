import { explainViaScorer, type Explanation, type Scorer, type SearchContext, type Weight } from '../types.js';
import { summedStats, type SummedStats } from '../summed-stats.js';
import { PhraseScorer } from './phrase-scorer.js';

/** What a PhraseWeight reads of its `PhraseQuery` (declared here so the query and its weight do not import each other). */
export interface PhraseSource {
  readonly field: string;
  readonly terms: readonly string[];
  readonly positions: readonly number[];
  readonly slop: number;
  toString(): string;
}

/** Binds a `PhraseQuery`; its idf is the sum of the terms' idfs (as Lucene). */
export class PhraseWeight implements Weight {
  private readonly stats: SummedStats;

  constructor(
    private readonly ctx: SearchContext,
    private readonly query: PhraseSource,
    boost: number,
  ) {
    this.stats = summedStats(ctx, query.field, query.terms, boost);
  }

  scorer(): PhraseScorer | null {
    const { field: f, ids, sim } = this.stats;
    if (!f || !sim) return null;
    const p = f.postings;
    const cursors = ids.map((id) => f.cursor(id, true));
    const dfs = ids.map((id) => p.df[id]!);
    // An exact phrase occurs at most as often as its rarest term; a sloppy match consumes at least
    // one position of some term, so the sum of the terms' largest frequencies bounds it.
    const freqs = ids.map((id) => p.maxFreq[id]!);
    const maxFreq = this.query.slop ? freqs.reduce((a, b) => a + b, 0) : Math.min(...freqs);
    return new PhraseScorer(cursors, this.query.positions, sim, f.norms, dfs, maxFreq, f.minNorm, this.query.slop);
  }

  explain(doc: number): Explanation {
    return explainViaScorer(this, doc, (s: Scorer) => {
      // boost × idf and the tf factor come from the scorer's own similarity (idf and norm cache).
      const sim = this.stats.sim!;
      const freq = (s as PhraseScorer).freq;
      return {
        value: s.score(),
        description: `weight(${this.query.toString()} in doc "${this.ctx.segment.ids[doc]}") [${this.ctx.model.toUpperCase()}], phraseFreq=${freq}, product of:`,
        details: [
          { value: sim.weight, description: `boost * idf, with idf = ${this.stats.idf}, the sum of the terms' idfs` },
          { value: sim.tf(freq, this.stats.field!.norms[doc]!), description: `tf of phraseFreq=${freq}` },
        ],
      };
    });
  }
}
