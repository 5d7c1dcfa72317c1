import { explainViaScorer, type BooleanClause, type Explanation, type Scorer, type SearchContext, type Weight } from '../types.js';
import { ConjunctionScorer } from './conjunction-scorer.js';
import { DisjunctionScorer } from './disjunction-scorer.js';
import { ReqExclScorer } from './req-excl-scorer.js';
import { ReqOptScorer } from './req-opt-scorer.js';

/** What a BooleanWeight reads of its `BooleanQuery` (declared here so the query and its weight do not import each other). */
export interface BooleanSource {
  readonly clauses: readonly BooleanClause[];
  toString(): string;
}

/** Binds a `BooleanQuery`: one Weight per clause, combined into the right scorer. */
export class BooleanWeight implements Weight {
  private readonly weights: { occur: string; weight: Weight }[];

  constructor(
    _ctx: SearchContext,
    private readonly query: BooleanSource,
    boost: number,
  ) {
    this.weights = query.clauses.map((c) => ({ occur: c.occur, weight: c.query.createWeight(_ctx, c.occur === 'mustNot' ? 1 : boost) }));
  }

  scorer(): Scorer | null {
    const must: Scorer[] = [];
    const should: Scorer[] = [];
    const not: Scorer[] = [];
    for (const { occur, weight } of this.weights) {
      const s = weight.scorer();
      if (occur === 'must') {
        if (!s) return null;
        must.push(s);
      } else if (s) (occur === 'should' ? should : not).push(s);
    }
    let main: Scorer | null;
    if (must.length) {
      main = must.length === 1 ? must[0]! : new ConjunctionScorer(must);
      if (should.length) main = new ReqOptScorer(main, should.length === 1 ? should[0]! : new DisjunctionScorer(should));
    } else if (should.length) main = should.length === 1 ? should[0]! : new DisjunctionScorer(should);
    else return null;
    if (not.length) main = new ReqExclScorer(main, not.length === 1 ? not[0]! : new DisjunctionScorer(not));
    return main;
  }

  explain(doc: number): Explanation {
    return explainViaScorer(this, doc, (s) => {
      const details: Explanation[] = [];
      for (const { occur, weight } of this.weights) {
        if (occur === 'mustNot') continue;
        const e = weight.explain(doc);
        if (e.value !== 0 || e.description !== 'no match') details.push(e);
      }
      return { value: s.score(), description: `sum of: (${this.query.toString()})`, details };
    });
  }
}
