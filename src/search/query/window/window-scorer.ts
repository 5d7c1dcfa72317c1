import type { TermSimilarity } from '../../bm25.js';
import { PostingsCursor } from '../../postings/reader.js';
import { forwardTo, type BoundPass, type CursorSource, type Intersection } from '../bound-pass.js';
import { NO_MORE_DOCS, Scorer } from '../types.js';
import { windowFreq } from './window-freq.js';

// The cursor of a scorer that has not opened its own yet.
const UNOPENED = new PostingsCursor(0, [new Uint8Array(0), 0, 0], null);

/**
 * A conjunction of two terms' postings, then a window check on their positions; the sloppy
 * frequency is scored like a term frequency.
 */
export class WindowScorer extends Scorer {
  readonly maxScore: number;
  readonly cost: number;
  private sloppyFreq = 0;
  private readonly aLeads: boolean;

  // The two terms' cursors with positions, opened on first use: a term-at-a-time pass reads
  // cursors it shares between the scorers of a list instead (see BoundPass.positionsCursorOf).
  private a: PostingsCursor = UNOPENED;
  private b: PostingsCursor = UNOPENED;

  constructor(
    private readonly field: CursorSource,
    private readonly termA: number,
    private readonly termB: number,
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
    if (this.a === UNOPENED) {
      this.a = this.field.cursor(this.termA, true);
      this.b = this.field.cursor(this.termB, true);
    }
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
  // The exact scores come from cursors shared per list (see BoundPass.positionsCursorOf).
  override bound(pass: BoundPass): void {
    this.a = pass.positionsCursorOf(this.field, this.termA);
    this.b = pass.positionsCursorOf(this.field, this.termB);
    const both = (this.both = pass.intersection(pass.list(this.a), pass.list(this.b)));
    this.bothAt = 0;
    const one = this.ordered || this.same;
    const { sim, norms } = this;
    const { docs, fa, fb } = both;
    for (let i = 0; i < both.n; i++) {
      const d = docs[i]!;
      pass.addMaybe(d, sim.score(one ? fa[i]! : fa[i]! + fb[i]! - 1, norms[d]!));
    }
  }

  // After bound(): the docs holding both terms, and where scoreAt reached in them (a doc missing
  // either term is ruled out there, without moving the cursors over its postings).
  private both: Intersection | null = null;
  private bothAt = 0;

  override scoreAt(d: number): number {
    const both = this.both;
    if (both) {
      const docs = both.docs;
      const i = (this.bothAt = forwardTo(docs, this.bothAt, both.n, d));
      if (i === both.n || docs[i] !== d) return -1;
    }
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
