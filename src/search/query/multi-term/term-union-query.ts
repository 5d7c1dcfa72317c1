import { explainViaScorer, NO_MORE_DOCS, Scorer, type Explanation, type Query, type SearchContext, type Weight } from '../types.js';

/**
 * Matches every document containing any of `terms` in `field`, with score 0: the expansions of a
 * prefix query beyond the ones it scores. Lucene matches every expansion of a prefix (its
 * constant-score rewrite has no limit); scoring them all would make `a*` a disjunction of
 * thousands of terms, so the rest only widen the match set (count, recall) without reordering it.
 * @example new TermUnionQuery('text', ['aerofoil', 'aeroplane'])
 */
export class TermUnionQuery implements Query {
  constructor(
    readonly field: string,
    readonly terms: readonly string[],
  ) {}

  createWeight(ctx: SearchContext, _boost: number): Weight {
    return new TermUnionWeight(ctx, this);
  }

  extractTerms(_ctx: SearchContext, out: Set<string>): void {
    for (const t of this.terms) out.add(`${this.field}\u0000${t}`);
  }

  toString(): string {
    return `${this.field}:(${this.terms.length} more terms, unscored)`;
  }
}

class TermUnionWeight implements Weight {
  constructor(
    private readonly ctx: SearchContext,
    private readonly query: TermUnionQuery,
  ) {}

  scorer(): Scorer | null {
    const f = this.ctx.field(this.query.field);
    if (!f) return null;
    // One pass over the terms' postings into a bitmap, then the set docs in order.
    const maxDoc = this.ctx.segment.maxDoc;
    const seen = new Uint8Array(maxDoc);
    let n = 0;
    for (const term of this.query.terms) {
      const t = f.dict.get(term);
      if (t < 0) continue;
      const c = f.cursor(t, false);
      for (let d = c.next(); d !== NO_MORE_DOCS; d = c.next()) if (!seen[d]) (seen[d] = 1), n++;
    }
    if (!n) return null;
    const docs = new Int32Array(n);
    for (let d = 0, i = 0; d < maxDoc; d++) if (seen[d]) docs[i++] = d;
    return new DocListScorer(docs);
  }

  explain(doc: number): Explanation {
    return explainViaScorer(this, doc, () => ({ value: 0, description: `matches ${this.query.toString()}` }));
  }
}

// Iterates a sorted doc list; every doc scores 0.
class DocListScorer extends Scorer {
  readonly maxScore = 0;
  readonly cost: number;
  private i = -1;

  constructor(private readonly docs: Int32Array) {
    super();
    this.cost = docs.length;
  }

  override next(): number {
    return (this.doc = ++this.i < this.docs.length ? this.docs[this.i]! : NO_MORE_DOCS);
  }

  advance(target: number): number {
    if (this.doc >= target) return this.doc;
    // Binary search for the first doc >= target after the current position.
    let lo = this.i + 1;
    let hi = this.docs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.docs[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    this.i = lo;
    return (this.doc = lo < this.docs.length ? this.docs[lo]! : NO_MORE_DOCS);
  }

  score(): number {
    return 0;
  }
}
