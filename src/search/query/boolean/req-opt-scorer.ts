import { Scorer } from '../types.js';

/** Docs of `req`, scored as req's score plus `opt`'s when `opt` also matches (SHOULD next to MUST). */
export class ReqOptScorer extends Scorer {
  readonly maxScore: number;
  readonly cost: number;

  constructor(
    private readonly req: Scorer,
    private readonly opt: Scorer,
  ) {
    super();
    this.maxScore = req.maxScore + opt.maxScore;
    this.cost = req.cost;
  }

  override next(): number {
    return (this.doc = this.req.next());
  }

  advance(target: number): number {
    return (this.doc = this.req.advance(target));
  }

  score(): number {
    const d = this.doc;
    let s = this.req.score();
    const o = this.opt.doc < d ? this.opt.advance(d) : this.opt.doc;
    if (o === d) s += this.opt.score();
    return s;
  }
}
