import { NO_MORE_DOCS, Scorer } from '../types.js';

/** Docs matched by every sub-scorer (leap-frog from the cheapest); the score is the sum. */
export class ConjunctionScorer extends Scorer {
  readonly maxScore: number;
  readonly cost: number;
  private readonly subs: Scorer[];

  constructor(subs: Scorer[]) {
    super();
    this.subs = subs.slice().sort((a, b) => a.cost - b.cost);
    this.maxScore = subs.reduce((s, x) => s + x.maxScore, 0);
    this.cost = this.subs[0]!.cost;
  }

  advance(target: number): number {
    const subs = this.subs;
    const lead = subs[0]!;
    let d = lead.doc < target ? lead.advance(target) : lead.doc;
    outer: for (;;) {
      if (d === NO_MORE_DOCS) return (this.doc = NO_MORE_DOCS);
      for (let i = 1; i < subs.length; i++) {
        const s = subs[i]!;
        const e = s.doc < d ? s.advance(d) : s.doc;
        if (e > d) {
          d = lead.advance(e);
          continue outer;
        }
      }
      return (this.doc = d);
    }
  }

  score(): number {
    let s = 0;
    for (const x of this.subs) s += x.score();
    return s;
  }
}
