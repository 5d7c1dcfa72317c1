import type { TermSimilarity } from '../../bm25.js';
import type { PostingsCursor } from '../../postings/reader.js';
import type { BoundPass } from '../bound-pass.js';
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
    private a: PostingsCursor,
    private b: PostingsCursor,
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

  override canBound(): boolean {
    return true;
  }

  // May match where both terms occur; the sloppy frequency is at most the first term's frequency
  // in order (one match per occurrence, each worth at most 1), or one per merge step unordered.
  // The exact scores come from cursors shared per list (see BoundPass.positionsCursor).
  override bound(pass: BoundPass): void {
    const both = pass.intersection(pass.list(this.a), pass.list(this.b));
    const one = this.ordered || this.same;
    const { sim, norms } = this;
    const { docs, fa, fb } = both;
    for (let i = 0; i < both.n; i++) {
      const d = docs[i]!;
      pass.addMaybe(d, sim.score(one ? fa[i]! : fa[i]! + fb[i]! - 1, norms[d]!));
    }
    this.a = pass.positionsCursor(this.a);
    this.b = pass.positionsCursor(this.b);
  }

  override scoreAt(d: number): number {
    const { a, b } = this;
    if ((a.doc < d ? a.advance(d) : a.doc) !== d) return -1;
    if ((b.doc < d ? b.advance(d) : b.doc) !== d) return -1;
    const f = this.windowFreq();
    if (!(f > 0)) return -1;
    this.doc = d;
    this.sloppyFreq = f;
    return this.sim.score(f, this.norms[d]!);
  }

  /** Sloppy frequency in the current doc. */
  get freq(): number {
    return this.sloppyFreq;
  }
}
