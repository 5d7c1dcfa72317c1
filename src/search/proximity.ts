/**
 * Term proximity as a sequential dependence model (Metzler & Croft, SIGIR 2005), in the form
 * Anserini builds it on Lucene (`SdmQueryGenerator`): a plain query of terms q1..qn becomes
 *
 *   0.85 · Σ BM25(qi)  +  0.10 · Σ BM25(near1(qi, qi+1))  +  0.05 · Σ BM25(uw8(qi, qi+1))
 *
 * where near1 matches qi then qi+1 with at most 1 position between them and uw8 matches both in
 * either order with at most 8 between (Lucene `SpanNearQuery` slop 1 in order / slop 8 unordered),
 * each scored by BM25 on its sloppy frequency with the pair's summed idf. Pairs are taken over the
 * analyzed query (stop words removed), per field, and summed over fields like the terms.
 * The weights and windows are the published defaults, not tuned.
 */
import type { Analyzer } from './analyzer.js';
import { BooleanQuery, type BooleanClause } from './query/boolean/boolean-query.js';
import { Bm25fTermQuery } from './query/bm25f/bm25f-query.js';
import type { QueryNode } from './query/parser.js';
import { TermQuery } from './query/term/term-query.js';
import type { Query } from './query/types.js';
import { WindowQuery } from './query/window/window-query.js';

/** Options of the proximity feature (`search(q, { proximity })`). */
export interface ProximityOptions {
  /** Weights of the terms, the ordered windows and the unordered windows (default [0.85, 0.10, 0.05]). */
  weights?: readonly [number, number, number];
  /** Most positions allowed between an in-order pair (default 1). */
  orderedSlop?: number;
  /** Most positions allowed between a pair in either order (default 8). */
  unorderedSlop?: number;
}

/** Defaults of {@link ProximityOptions} (Metzler & Croft's weights, Anserini's windows). */
export const PROXIMITY_DEFAULTS = Object.freeze({ weights: Object.freeze([0.85, 0.1, 0.05] as const), orderedSlop: 1, unorderedSlop: 8 });

/**
 * The words of a plain query (an OR of unfielded, unboosted terms: what a user types without
 * operators), or null for any other query, which proximity and feedback leave as it is.
 */
export function plainQueryWords(node: QueryNode): string[] | null {
  const plain = (n: QueryNode) => n.type === 'term' && n.field === undefined && !n.prefix && !n.fuzzy && (n.boost ?? 1) === 1;
  if (node.type === 'term') return plain(node) ? [node.text] : null;
  if (node.type !== 'bool' || (node.boost ?? 1) !== 1) return null;
  const out: string[] = [];
  for (const c of node.clauses) {
    if (c.occur !== 'should' || !plain(c.node)) return null;
    out.push((c.node as { text: string }).text);
  }
  return out.length ? out : null;
}

/**
 * The clauses scoring terms `seq` (each with weight `w`) over `fields`: one TermQuery per field
 * (the sum over fields, Lucene's MultiFieldQueryParser) or, with `bm25f`, one BM25F query.
 */
export function termClauses(seq: readonly string[], fields: readonly string[], boosts: Readonly<Record<string, number>>, w: number, bm25f: boolean): BooleanClause[] {
  const out: BooleanClause[] = [];
  if (bm25f) for (const t of seq) out.push({ occur: 'should', query: new Bm25fTermQuery(fields, t, boosts, w) });
  else for (const f of fields) for (const t of seq) out.push({ occur: 'should', query: new TermQuery(f, t, w * (boosts[f] ?? 1)) });
  return out;
}

/**
 * Builds the sequential dependence query of a plain query's words over `fields` (with their
 * boosts; terms scored with BM25F across the fields when `bm25f`, whose fields share the first
 * field's analyzer), or null when no word leaves a term.
 * @example sequentialDependenceQuery(['boundary', 'layer'], ['text'], {}, () => analyzer) // text:boundari^0.85 text:layer^0.85 text:near1(boundari layer)^0.1 text:uw8(boundari layer)^0.05
 */
export function sequentialDependenceQuery(
  words: readonly string[],
  fields: readonly string[],
  boosts: Readonly<Record<string, number>>,
  analyzer: (field: string) => Analyzer,
  options: ProximityOptions = {},
  bm25f = false,
): Query | null {
  const [wt, wo, wu] = options.weights ?? PROXIMITY_DEFAULTS.weights;
  const os = options.orderedSlop ?? PROXIMITY_DEFAULTS.orderedSlop;
  const us = options.unorderedSlop ?? PROXIMITY_DEFAULTS.unorderedSlop;
  const terms: BooleanClause[] = [];
  const ordered: BooleanClause[] = [];
  const unordered: BooleanClause[] = [];
  // Each analyzer's terms of the words, analyzed once (fields sharing an analyzer share them).
  const sequences = new Map<Analyzer, string[]>();
  const sequence = (f: string) => {
    const a = analyzer(f);
    let seq = sequences.get(a);
    if (!seq) sequences.set(a, (seq = words.flatMap((w) => a.terms(w))));
    return seq;
  };
  if (bm25f) terms.push(...termClauses(sequence(fields[0]!), fields, boosts, wt, true));
  for (const f of fields) {
    const fb = boosts[f] ?? 1;
    const seq = sequence(bm25f ? fields[0]! : f);
    if (!bm25f) terms.push(...termClauses(seq, [f], boosts, wt, false));
    for (let i = 0; i + 1 < seq.length; i++) {
      if (wo > 0) ordered.push({ occur: 'should', query: new WindowQuery(f, seq[i]!, seq[i + 1]!, { slop: os, ordered: true }, wo * fb) });
      if (wu > 0) unordered.push({ occur: 'should', query: new WindowQuery(f, seq[i]!, seq[i + 1]!, { slop: us, ordered: false }, wu * fb) });
    }
  }
  if (!terms.length) return null;
  // One flat disjunction, so MaxScore prunes across terms and windows alike.
  return new BooleanQuery([...terms, ...ordered, ...unordered]);
}
