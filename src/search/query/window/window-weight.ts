import type { Explanation, SearchContext, Weight } from '../types.js';
import { explainSummed, summedStats, type SummedStats } from '../summed-stats.js';
import { windowFreqBound } from './window-freq.js';
import { WindowScorer } from './window-scorer.js';

/** What a WindowWeight reads of its `WindowQuery` (declared here so the query and its weight do not import each other). */
export interface WindowSource {
  readonly field: string;
  readonly first: string;
  readonly second: string;
  readonly window: { slop: number; ordered: boolean };
  toString(): string;
}

/** Binds a `WindowQuery`; its idf is the sum of the two terms' idfs (as Lucene's SpanWeight). */
export class WindowWeight implements Weight {
  private readonly stats: SummedStats;

  constructor(
    private readonly ctx: SearchContext,
    private readonly query: WindowSource,
    boost: number,
  ) {
    this.stats = summedStats(ctx, query.field, [query.first, query.second], boost);
  }

  scorer(): WindowScorer | null {
    const { field: f, ids, sim } = this.stats;
    if (!f || !sim) return null;
    const a = ids[0]!;
    const b = ids[1]!;
    const p = f.postings;
    const { slop, ordered } = this.query.window;
    const bound = windowFreqBound(p.maxFreq[a]!, p.maxFreq[b]!, ordered || a === b);
    return new WindowScorer(f, a, b, slop, ordered, a === b, sim, f.norms, p.df[a]!, p.df[b]!, bound, f.minNorm);
  }

  explain(doc: number): Explanation {
    return explainSummed(this, this.stats, this.ctx, this.query, doc, 'sloppyFreq', "two terms'");
  }
}
