import type { TermSimilarity } from '../../bm25.js';
import type { PostingsCursor } from '../../postings/reader.js';
import { NO_MORE_DOCS, Scorer } from '../types.js';
import { sloppyPhraseFreq, sloppyScratch, type SloppyScratch } from './sloppy.js';

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
    this.buf.lens = new Int32Array(cursors.length);
    this.buf.ptr = new Int32Array(cursors.length);
  }

  advance(target: number): number {
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

  // The current doc's position lists, in buffers reused across documents.
  private gather(): { lists: Int32Array[]; lens: Int32Array } {
    const cs = this.cursors;
    const b = this.buf;
    for (let i = 0; i < cs.length; i++) {
      b.lists[i] = cs[i]!.positions();
      b.lens[i] = cs[i]!.freq;
    }
    return b;
  }

  private sloppyFreq(): number {
    const { lists, lens } = this.gather();
    return sloppyPhraseFreq(lists, lens, this.offsets, this.slop, (this.scratch ??= sloppyScratch(lists.length)));
  }

  private readonly buf = { lists: [] as Int32Array[], lens: new Int32Array(0), ptr: new Int32Array(0) };
  private scratch: SloppyScratch | undefined;

  // Occurrences where every term i sits at start + offsets[i].
  private countPhrases(): number {
    const n = this.cursors.length;
    const { lists, lens } = this.gather();
    const ptr = this.buf.ptr.fill(0);
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
