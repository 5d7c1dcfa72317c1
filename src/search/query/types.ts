/**
 * The query triad (tantivy/Lucene style): a {@link Query} is a recipe; its {@link Weight} binds it
 * to an index and holds global statistics (idf); a {@link Scorer} is a forward cursor over the
 * matching docs that scores the current one. Every Weight can `explain` a doc's score.
 */
import type { FieldData, Segment } from '../segment.js';
import { NO_MORE_DOCS } from '../postings/reader.js';
import type { BoundPass, MatchCount } from './bound-pass.js';

export type { MatchCount };

export { NO_MORE_DOCS };

/** A score and how it was computed (Lucene's Explanation). */
export interface Explanation {
  value: number;
  description: string;
  details?: Explanation[];
}

/** What a Weight needs from the index while searching. */
export class SearchContext {
  constructor(
    readonly segment: Segment,
    readonly model: 'bm25' | 'tfidf',
    readonly k1: number,
    readonly b: number,
  ) {}

  /** The field named `name`, or undefined. */
  field(name: string): FieldData | undefined {
    return this.segment.fields.find((f) => f.name === name);
  }

  /** The 256-entry norm table of a field for this search's similarity. */
  normCache(f: FieldData): Float64Array {
    return f.normTable(this.model, this.k1, this.b);
  }
}

/**
 * A per-search cursor over matching docs in increasing order, scoring the current one (tantivy's
 * `DocSet` + `Scorer`, Lucene's `DocIdSetIterator`). The contract every scorer keeps, and every
 * combinator relies on:
 *
 * - `doc` is -1 before the first move, then the current match, then {@link NO_MORE_DOCS}
 *   (TERMINATED) once the matches are exhausted, and stays there.
 * - `next()` moves to the next match and returns it (`doc` equals the result). Called on an
 *   exhausted scorer it returns NO_MORE_DOCS again.
 * - `advance(target)` (seek) moves to the first match >= `target` and returns it, or
 *   NO_MORE_DOCS. It needs `doc < target <= NO_MORE_DOCS`: callers test `s.doc < target` first
 *   (a scorer may re-check or skip its current doc when asked for it again). On an exhausted
 *   scorer any such target returns NO_MORE_DOCS; `advance(NO_MORE_DOCS)` exhausts a scorer.
 * - `score()` is only read on a current match (not before the start nor after the end), and a
 *   doc's score does not depend on how the cursor got there (next, advance, pruning).
 * - `setMinCompetitiveScore(s)` lets a scorer skip docs scoring below `s`; `s` never decreases.
 */
export abstract class Scorer {
  /** Current doc (-1 before start, NO_MORE_DOCS after the end). */
  declare doc: number;
  // Set here, not as a field initializer: a base class's field initializer makes every subclass
  // construction several times slower in V8 (about 40 ns against 10 per scorer on Node 20), and a
  // search builds dozens of scorers.
  constructor() {
    this.doc = -1;
  }
  /** An upper bound of any score this scorer returns. */
  abstract readonly maxScore: number;
  /** Estimated number of matches (used to order conjunctions). */
  abstract readonly cost: number;
  /** Moves to the next matching doc (by default `advance(doc + 1)`; NO_MORE_DOCS stays). */
  next(): number {
    return this.doc === NO_MORE_DOCS ? NO_MORE_DOCS : this.advance(this.doc + 1);
  }
  /** Moves to the first matching doc >= target (`doc < target <= NO_MORE_DOCS`). */
  abstract advance(target: number): number;
  /** Score of the current doc. */
  abstract score(): number;
  /** Tells the scorer that docs scoring below `minScore` will not be collected (enables pruning). */
  setMinCompetitiveScore(_minScore: number): void {}
  /**
   * Whether {@link bound} and {@link scoreAt} can stand in for walking this scorer's docs in order
   * (term-at-a-time collection, see `boolean/term-at-a-time.ts`); false unless a scorer says so.
   */
  canBound(): boolean {
    return false;
  }
  /**
   * Adds this scorer's part of every doc it may match to `pass`: the exact score of a doc it is
   * known to match (`addSure`) or an upper bound of it (`addMaybe`). Reads whole postings lists
   * through the pass and leaves this scorer's cursors where they are. Only called when
   * {@link canBound} says so.
   */
  bound(_pass: BoundPass): void {
    throw new Error(`${this.constructor.name} cannot bound its scores`);
  }
  /**
   * The score of doc `d`, or -1 when it does not match; `d` increases from call to call and is
   * never behind the cursor (the same score as `advance(d)` then `score()`).
   */
  scoreAt(d: number): number {
    const e = this.doc < d ? this.advance(d) : this.doc;
    return e === d ? this.score() : -1;
  }
  /**
   * The `k` best docs that `accept` lets through, best first (ties: smaller doc first), when this
   * scorer can collect them itself faster than a walk in doc order; null otherwise (the default).
   * Only asked of a fresh scorer. With `count`, a scorer that learns the number of accepted
   * matches on the way sets `count.total` to it (else leaves it at -1).
   */
  topK(_k: number, _accept: (doc: number) => boolean, _maxDoc: number, _count?: MatchCount): { doc: number; score: number }[] | null {
    return null;
  }
  /**
   * Counts the matches after the current doc that `accept` lets through, exhausting the scorer
   * (no pruning may have been asked for). Scorers that can skip the scoring override it.
   */
  countRest(accept: (doc: number) => boolean): number {
    let n = 0;
    for (let d = this.next(); d !== NO_MORE_DOCS; d = this.next()) if (accept(d)) n++;
    return n;
  }
}

/** A query bound to a search context. */
export interface Weight {
  /** A scorer over the matches, or null when nothing can match. */
  scorer(): Scorer | null;
  /** How `doc`'s score is computed (value 0 and "no match" when it does not match). */
  explain(doc: number): Explanation;
}

/** How a clause takes part in a `BooleanQuery`. */
export type Occur = 'must' | 'should' | 'mustNot';

/** One clause of a `BooleanQuery`. */
export interface BooleanClause {
  occur: Occur;
  query: Query;
}

/** A query: builds its Weight and reports the terms it matches (for highlighting). */
export interface Query {
  /** Binds the query to an index. `boost` multiplies its scores. */
  createWeight(ctx: SearchContext, boost: number): Weight;
  /** Adds `field\u0000term` keys of every term the query could match (positive clauses only). */
  extractTerms(ctx: SearchContext, out: Set<string>): void;
  /** A Lucene-like rendering, e.g. `+text:wing title:slipstream^2`. */
  toString(): string;
}

/** Explains by running a fresh scorer to `doc`. */
export function explainViaScorer(w: Weight, doc: number, describe: (s: Scorer) => Explanation): Explanation {
  const s = w.scorer();
  if (!s || s.advance(doc) !== doc) return { value: 0, description: 'no match' };
  return describe(s);
}
