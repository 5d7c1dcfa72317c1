import type { TermSimilarity } from '../../bm25.js';
import type { PostingsCursor } from '../../postings/reader.js';
import { NO_MORE_DOCS, Scorer } from '../types.js';
import { sloppyPhraseFreq } from './sloppy.js';

/**
 * Phrase matching: a conjunction of the terms' postings, then a position check. The phrase
 * frequency (exact: the number of occurrences, Lucene's ExactPhraseMatcher; sloppy: the sum of
 * `1 / (1 + matchLength)`, its SloppyPhraseMatcher) is scored like a term frequency.
 */
export class PhraseScorer extends Scorer {
  readonly maxScore: number;
  readonly cost: number;
  private phraseFreq = 0;
  private readonly order: number[];

  constructor(
    private readonly cursors: PostingsCursor[],
    private readonly offsets: readonly number[],
    private readonly sim: TermSimilarity,
    private readonly norms: Uint8Array,
    dfs: number[],
    maxFreq: number,
    minNorm: number,
    private readonly slop = 0,
  ) {
    super();
    this.cost = Math.min(...dfs);
    this.maxScore = sim.score(maxFreq, minNorm);
    this.order = dfs.map((_, i) => i).sort((a, b) => dfs[a]! - dfs[b]!);
  }

  next(): number {
    return this.advance(this.doc + 1);
  }

  override advance(target: number): number {
    const cs = this.cursors;
    const lead = cs[this.order[0]!]!;
    let d = lead.doc < target ? lead.advance(target) : lead.doc;
    for (;;) {
      if (d === NO_MORE_DOCS) return (this.doc = NO_MORE_DOCS);
      let agree = true;
      for (let k = 1; k < this.order.length; k++) {
        const c = cs[this.order[k]!]!;
        const e = c.doc < d ? c.advance(d) : c.doc;
        if (e > d) {
          d = lead.advance(e);
          agree = false;
          break;
        }
      }
      if (!agree) continue;
      const f = this.slop > 0 && cs.length > 1 ? this.sloppyFreq() : this.countPhrases();
      if (f > 0) {
        this.phraseFreq = f;
        return (this.doc = d);
      }
      d = lead.next();
    }
  }

  private sloppyFreq(): number {
    const cs = this.cursors;
    return sloppyPhraseFreq(
      cs.map((c) => c.positions()),
      cs.map((c) => c.freq),
      this.offsets,
      this.slop,
    );
  }

  // Occurrences where every term i sits at start + offsets[i].
  private countPhrases(): number {
    const cs = this.cursors;
    const n = cs.length;
    const lists: Int32Array[] = [];
    const lens: number[] = [];
    for (let i = 0; i < n; i++) {
      lists.push(cs[i]!.positions());
      lens.push(cs[i]!.freq);
    }
    const ptr = new Int32Array(n);
    let count = 0;
    const first = lists[0]!;
    outer: for (let a = 0; a < lens[0]!; a++) {
      const start = first[a]! - this.offsets[0]!;
      for (let i = 1; i < n; i++) {
        const want = start + this.offsets[i]!;
        const l = lists[i]!;
        let p = ptr[i]!;
        while (p < lens[i]! && l[p]! < want) p++;
        ptr[i] = p;
        if (p >= lens[i]!) break outer;
        if (l[p] !== want) continue outer;
      }
      count++;
    }
    return count;
  }

  score(): number {
    return this.sim.score(this.phraseFreq, this.norms[this.doc]!);
  }

  /** Phrase frequency in the current doc (occurrences; sloppy: weighted matches). */
  get freq(): number {
    return this.phraseFreq;
  }
}
