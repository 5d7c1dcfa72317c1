import type { TermSimilarity } from '../../bm25.js';
import type { PostingsCursor } from '../../postings/reader.js';
import { forwardTo, type BoundPass, type DecodedList } from '../bound-pass.js';
import { Scorer } from '../types.js';

/** Scores one term's postings with a {@link TermSimilarity}. */
export class TermScorer extends Scorer {
  readonly maxScore: number;
  readonly cost: number;
  // After bound(): the whole list, and where scoreAt reached in it.
  private list: DecodedList | null = null;
  private at = 0;

  constructor(
    private readonly cursor: PostingsCursor,
    private readonly sim: TermSimilarity,
    private readonly norms: Uint8Array,
    df: number,
    maxFreq: number,
    minNorm: number,
  ) {
    super();
    this.cost = df;
    this.maxScore = sim.score(maxFreq, minNorm);
  }

  override next(): number {
    return (this.doc = this.cursor.next());
  }

  advance(target: number): number {
    return (this.doc = this.cursor.advance(target));
  }

  score(): number {
    return this.sim.score(this.cursor.freq, this.norms[this.doc]!);
  }

  override canBound(): boolean {
    return true;
  }

  override bound(pass: BoundPass): void {
    const list = (this.list = pass.list(this.cursor));
    const { docs, freqs } = list;
    const { sim, norms } = this;
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i]!;
      pass.addSure(d, sim.score(freqs[i]!, norms[d]!));
    }
  }

  override scoreAt(d: number): number {
    const l = this.list;
    if (l) {
      const docs = l.docs;
      const i = (this.at = forwardTo(docs, this.at, docs.length, d));
      if (i === docs.length || docs[i] !== d) return -1;
      return this.sim.score(l.freqs[i]!, this.norms[d]!);
    }
    const c = this.cursor;
    const e = (this.doc = c.doc < d ? c.advance(d) : c.doc);
    return e === d ? this.sim.score(c.freq, this.norms[d]!) : -1;
  }

  /** Term frequency in the current doc. */
  get freq(): number {
    return this.cursor.freq;
  }
}
