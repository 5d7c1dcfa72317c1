import { NO_MORE_DOCS, Scorer } from '../types.js';

/** Docs of `req` that `excl` does not match (MUST_NOT clauses); scores are `req`'s. */
export class ReqExclScorer extends Scorer {
  readonly maxScore: number;
  readonly cost: number;

  constructor(
    private readonly req: Scorer,
    private readonly excl: Scorer,
  ) {
    super();
    this.maxScore = req.maxScore;
    this.cost = req.cost;
  }

  advance(target: number): number {
    let d = this.req.doc < target ? this.req.advance(target) : this.req.doc;
    while (d !== NO_MORE_DOCS) {
      const e = this.excl.doc < d ? this.excl.advance(d) : this.excl.doc;
      if (e !== d) break;
      d = this.req.next();
    }
    return (this.doc = d);
  }

  score(): number {
    return this.req.score();
  }

  override setMinCompetitiveScore(s: number): void {
    this.req.setMinCompetitiveScore(s);
  }
}
