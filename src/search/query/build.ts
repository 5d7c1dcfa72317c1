/**
 * Turns a query AST into Query objects for an index: analyzes terms and phrases with each field's
 * analyzer, expands unfielded clauses over the default fields (a sum over fields, as Lucene's
 * MultiFieldQueryParser), applies field and clause boosts, and flattens nested OR groups so a plain
 * OR query becomes one MaxScore disjunction over term scorers.
 */
import { ArgumentError } from '../../core/errors.js';
import type { Analyzer } from '../analyzer.js';
import { BooleanQuery, type BooleanClause } from './boolean/boolean-query.js';
import { FuzzyQuery } from './multi-term/fuzzy-query.js';
import { PrefixQuery } from './multi-term/prefix-query.js';
import type { QueryNode } from './parser.js';
import { PhraseQuery } from './phrase/phrase-query.js';
import { TermQuery } from './term/term-query.js';
import type { Query } from './types.js';

/** What {@link buildQuery} needs to know about the index. */
export interface BuildOptions {
  /** Fields searched by unfielded clauses. */
  fields: readonly string[];
  /** All indexed fields (a `field:` naming another one is an error in strict mode, ignored otherwise). */
  allFields: readonly string[];
  /** Per-field boosts (default 1). */
  boosts: Readonly<Record<string, number>>;
  /** Analyzer of each field. */
  analyzer: (field: string) => Analyzer;
  /** Throw on unknown fields (strict) or drop the clause (lenient). */
  strict: boolean;
}

/** Builds the Query for an AST, or null when nothing is left (e.g. only stop words). */
export function buildQuery(node: QueryNode, o: BuildOptions): Query | null {
  const q = build(node, o, new Map());
  return q ? flatten(q) : null;
}

function fieldsOf(field: string | undefined, o: BuildOptions): string[] {
  if (field === undefined) return [...o.fields];
  if (!o.allFields.includes(field)) {
    if (o.strict) throw new ArgumentError(`unknown field "${field}"; indexed fields: ${o.allFields.join(', ')}`, { key: field });
    return [];
  }
  return [field];
}

// memo: one analysis per (analyzer, text) even when several fields share an analyzer
type Memo = Map<Analyzer, Map<string, { terms: string[]; pos: number[] }>>;

function analyzeOnce(an: Analyzer, text: string, memo: Memo): { terms: string[]; pos: number[] } {
  let m = memo.get(an);
  if (!m) memo.set(an, (m = new Map()));
  let r = m.get(text);
  if (!r) {
    const ts = an.analyze(text);
    r = { terms: [], pos: [] };
    for (let i = 0; i < ts.n; i++) {
      r.terms.push(an.strings.get(ts.terms[i]!));
      r.pos.push(ts.positions[i]! - ts.positions[0]!);
    }
    m.set(text, r);
  }
  return r;
}

function build(node: QueryNode, o: BuildOptions, memo: Memo): Query | null {
  const boost = node.boost ?? 1;
  if (node.type === 'bool') {
    const clauses: BooleanClause[] = [];
    for (const c of node.clauses) {
      const q = build(c.node, o, memo);
      if (q) clauses.push({ occur: c.occur, query: q });
    }
    if (!clauses.length) return null;
    if (clauses.length === 1 && clauses[0]!.occur !== 'mustNot' && boost === 1) return clauses[0]!.query;
    return new BooleanQuery(clauses, boost);
  }
  const per: Query[] = [];
  for (const f of fieldsOf(node.field, o)) {
    const fb = (o.boosts[f] ?? 1) * boost;
    const an = o.analyzer(f);
    let q: Query | null = null;
    if (node.type === 'term' && node.prefix) q = new PrefixQuery(f, an.normalize(node.text), fb);
    else if (node.type === 'term' && node.fuzzy) q = new FuzzyQuery(f, an.normalize(node.text), node.fuzzy as 1 | 2, fb);
    else {
      const { terms, pos } = analyzeOnce(an, node.text, memo);
      if (terms.length === 0) continue;
      if (terms.length === 1) q = new TermQuery(f, terms[0]!, fb);
      else if (node.type === 'phrase') q = new PhraseQuery(f, terms, pos, fb, node.slop ?? 0);
      // A word the analyzer splits (e.g. "wing-body") is an OR of its parts, as Lucene's default.
      else q = new BooleanQuery(terms.map((t) => ({ occur: 'should' as const, query: new TermQuery(f, t) })), fb);
    }
    per.push(q);
  }
  if (!per.length) return null;
  if (per.length === 1) return per[0]!;
  return new BooleanQuery(per.map((q) => ({ occur: 'should' as const, query: q })));
}

// Lifts SHOULD clauses of unboosted pure-OR sub-queries into their pure-OR parent (same scores).
function flatten(q: Query): Query {
  if (!(q instanceof BooleanQuery)) return q;
  const out: BooleanClause[] = [];
  const pureOr = q.clauses.every((c) => c.occur === 'should');
  for (const c of q.clauses) {
    const sub = flatten(c.query);
    if (pureOr && sub instanceof BooleanQuery && sub.boost === 1 && sub.clauses.every((x) => x.occur === 'should')) out.push(...sub.clauses);
    else out.push({ occur: c.occur, query: sub });
  }
  return new BooleanQuery(out, q.boost);
}
