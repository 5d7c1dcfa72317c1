import type { TermSimilarity } from '../../bm25.js';
import type { PostingsCursor } from '../../postings/reader.js';
import { NO_MORE_DOCS, Scorer } from '../types.js';
import { windowFreq } from './window-freq.js';

/**
 * A conjunction of two terms' postings, then a window check on their positions; the sloppy
 * frequency is scored like a term frequency.
 */
export class WindowScorer extends Scorer {
  readonly maxScore: number;
  readonly cost: number;
  private sloppyFreq = 0;
  private readonly aLeads: boolean;

  constructor(
    private readonly a: PostingsCursor,
    private readonly b: PostingsCursor,
    private readonly slop: number,
    private readonly ordered: boolean,
    private readonly same: boolean,
    private readonly sim: TermSimilarity,
    private readonly norms: Uint8Array,
    dfA: number,
    dfB: number,
    maxFreq: number,
    minNorm: number,
  ) {
    super();
    this.cost = Math.min(dfA, dfB);
    this.aLeads = dfA <= dfB;
    this.maxScore = sim.score(maxFreq, minNorm);
  }

  advance(target: number): number {
    // The rarer term leads the conjunction.
    const lead = this.aLeads ? this.a : this.b;
    const other = this.aLeads ? this.b : this.a;
    let d = lead.doc < target ? lead.advance(target) : lead.doc;
    for (;;) {
      if (d === NO_MORE_DOCS) return (this.doc = NO_MORE_DOCS);
      const e = other.doc < d ? other.advance(d) : other.doc;
      if (e !== d) {
        d = e === NO_MORE_DOCS ? NO_MORE_DOCS : lead.advance(e);
        continue;
      }
      const f = this.windowFreq();
      if (f > 0) {
        this.sloppyFreq = f;
        return (this.doc = d);
      }
      d = lead.next();
    }
  }

  // Each cursor decodes into its own buffer, so a same-term pair reads two copies.
  private windowFreq(): number {
    const { a, b } = this;
    return windowFreq(a.positions(), a.freq, b.positions(), b.freq, this.slop, this.ordered, this.same);
  }

  score(): number {
    return this.sim.score(this.sloppyFreq, this.norms[this.doc]!);
  }

  /** Sloppy frequency in the current doc. */
  get freq(): number {
    return this.sloppyFreq;
  }
}
