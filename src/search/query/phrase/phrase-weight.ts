import type { Explanation, SearchContext, Weight } from '../types.js';
import { explainSummed, summedStats, type SummedStats } from '../summed-stats.js';
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
    return explainSummed(this, this.stats, this.ctx, this.query, doc, 'phraseFreq', "terms'");
  }
}
