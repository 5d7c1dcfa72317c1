import type { TermSimilarity } from '../../bm25.js';
import type { PostingsCursor } from '../../postings/reader.js';
import { Scorer } from '../types.js';

/** Scores one term's postings with a {@link TermSimilarity}. */
export class TermScorer extends Scorer {
  readonly maxScore: number;
  readonly cost: number;

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

  /** Term frequency in the current doc. */
  get freq(): number {
    return this.cursor.freq;
  }
}
