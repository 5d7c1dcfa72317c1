import type { BoundPass } from '../bound-pass.js';
import { NO_MORE_DOCS, Scorer, type MatchCount } from '../types.js';
import { termAtATimeTopK } from './term-at-a-time.js';

/**
 * Sum of the scores of the sub-scorers matching a doc, with MaxScore dynamic pruning (Turtle &
 * Flood 1995): subs are sorted by their score upper bound; the longest prefix whose bounds sum
 * below the collector's minimum competitive score is "non-essential" — those subs never lead the
 * iteration, they are only advanced to candidates produced by the essential ones, and a candidate
 * is dropped as soon as its partial score plus the remaining bounds cannot compete.
 */
export class DisjunctionScorer extends Scorer {
  readonly maxScore: number;
  readonly cost: number;
  private readonly subs: Scorer[];
  // ub[i] = sum of maxScore of subs[0..i]
  private readonly ub: Float64Array;
  private firstEssential = 0;
  private minCompetitive = 0;
  private cur = 0;
  // Each sub's score on the current candidate (0 when it does not match), summed in sub order at
  // the end: the sum is then the same whatever the pruning, so a hit scores as its explanation.
  private readonly part: Float64Array;

  constructor(subs: Scorer[]) {
    super();
    this.subs = subs.slice().sort((a, b) => a.maxScore - b.maxScore);
    this.ub = new Float64Array(this.subs.length);
    this.part = new Float64Array(this.subs.length);
    let s = 0;
    let c = 0;
    this.subs.forEach((x, i) => {
      s += x.maxScore;
      this.ub[i] = s;
      c += x.cost;
    });
    // Slack for float rounding, so a bound never undercuts a real score.
    for (let i = 0; i < this.ub.length; i++) this.ub[i] = this.ub[i]! * (1 + 1e-9);
    this.maxScore = s;
    this.cost = c;
  }

  override setMinCompetitiveScore(minScore: number): void {
    this.minCompetitive = minScore;
    const n = this.subs.length;
    while (this.firstEssential < n && this.ub[this.firstEssential]! < minScore) this.firstEssential++;
  }

  advance(target: number): number {
    const subs = this.subs;
    const n = subs.length;
    for (;;) {
      let cand = NO_MORE_DOCS;
      for (let i = this.firstEssential; i < n; i++) {
        const s = subs[i]!;
        const d = s.doc < target ? s.advance(target) : s.doc;
        if (d < cand) cand = d;
      }
      if (cand === NO_MORE_DOCS) return (this.doc = NO_MORE_DOCS);
      const part = this.part;
      let score = 0;
      for (let i = this.firstEssential; i < n; i++) {
        const x = subs[i]!.doc === cand ? subs[i]!.score() : 0;
        part[i] = x;
        score += x;
      }
      let pruned = false;
      for (let i = this.firstEssential - 1; i >= 0; i--) {
        if (score + this.ub[i]! < this.minCompetitive) {
          pruned = true;
          break;
        }
        const s = subs[i]!;
        const d = s.doc < cand ? s.advance(cand) : s.doc;
        const x = d === cand ? s.score() : 0;
        part[i] = x;
        score += x;
      }
      if (!pruned) {
        if (this.firstEssential > 0) {
          score = 0;
          for (let i = 0; i < n; i++) score += part[i]!;
        }
        this.cur = score;
        return (this.doc = cand);
      }
      target = cand + 1;
    }
  }

  score(): number {
    return this.cur;
  }

  override canBound(): boolean {
    for (const s of this.subs) if (!s.canBound()) return false;
    return true;
  }

  override bound(pass: BoundPass): void {
    for (const s of this.subs) s.bound(pass);
  }

  // The subs' parts summed in sub order, as advance() sums them (a non-matching sub adds nothing).
  override scoreAt(d: number): number {
    let score = 0;
    let hit = false;
    for (const s of this.subs) {
      const x = s.scoreAt(d);
      if (x !== -1) {
        score += x;
        hit = true;
      }
    }
    if (!hit) return -1;
    this.doc = d;
    this.cur = score;
    return score;
  }

  /** Term-at-a-time collection (see `term-at-a-time.ts`) when every sub can bound its scores. */
  override topK(k: number, accept: (doc: number) => boolean, maxDoc: number, count?: MatchCount): { doc: number; score: number }[] | null {
    return termAtATimeTopK(this, k, accept, maxDoc, count);
  }

  /**
   * Counts the union of the subs' matches without scoring them (Lucene's `Weight#count` idea):
   * each leaf's matches are marked in a bitset, one pass per leaf, then the marked docs that
   * `accept` lets through are counted in doc order.
   */
  override countRest(accept: (doc: number) => boolean): number {
    // A union of unions is one union: nested disjunctions (a word over several fields) are walked
    // through their own subs, so no level scores.
    const leaves: Scorer[] = [];
    const flatten = (xs: readonly Scorer[]): void => {
      for (const x of xs) if (x instanceof DisjunctionScorer) flatten(x.subs);
      else leaves.push(x);
    };
    flatten(this.subs);
    const target = this.doc === NO_MORE_DOCS ? NO_MORE_DOCS : this.doc + 1;
    this.doc = NO_MORE_DOCS;
    if (target === NO_MORE_DOCS) return 0;
    let bits = new Uint32Array(1024);
    let top = -1;
    for (const s of leaves) {
      for (let d = s.doc < target ? s.advance(target) : s.doc; d !== NO_MORE_DOCS; d = s.next()) {
        const w = d >>> 5;
        if (w >= bits.length) {
          const grown = new Uint32Array(Math.max(bits.length * 2, w + 1));
          grown.set(bits);
          bits = grown;
        }
        bits[w]! |= 1 << (d & 31);
        if (d > top) top = d;
      }
    }
    let count = 0;
    for (let w = 0, last = top >>> 5; top >= 0 && w <= last; w++) {
      let x = bits[w]!;
      while (x !== 0) {
        const low = x & -x;
        if (accept((w << 5) | (31 - Math.clz32(low)))) count++;
        x ^= low;
      }
    }
    return count;
  }
}
