/**
 * Ranking composition: turns a query string and search options into the Query that `search`
 * ranks with. A query with operators is parsed as written; a plain query (words only) gets the
 * ranking features asked for: BM25F across fields, the sequential dependence proximity model and
 * RM3 feedback (which runs a first search over the accepted docs).
 */
import { ArgumentError } from '../core/errors.js';
import type { Analyzer } from './analyzer.js';
import { collectTopK } from './collector.js';
import { SEARCH_DEFAULTS, searchBoosts, searchedFields, type RankingFeatures, type SearchOptions } from './options.js';
import { plainQueryWords, sequentialDependenceQuery, termClauses } from './proximity.js';
import { buildQuery } from './query/build.js';
import { BooleanQuery, type BooleanClause } from './query/boolean/boolean-query.js';
import { unknownFieldsAsWords } from './query/lenient-fields.js';
import { parseLenient, parseQuery, type QueryNode } from './query/parser.js';
import type { Query, SearchContext } from './query/types.js';
import { RM3_DEFAULTS, rm3Expansion } from './rm3.js';

/** What ranking needs of an index: its fields, their boosts and analyzers. */
export interface RankingIndex {
  readonly fields: readonly string[];
  readonly boosts: Readonly<Record<string, number>>;
  analyzer(field: string): Analyzer;
}

/**
 * Parses (strictly or leniently) and builds a query for `index`. Leniently, unknown `field:`
 * prefixes become words, and a query that still fails is read as its plain words.
 */
export function parseFor(index: RankingIndex, query: string | QueryNode, options: Pick<SearchOptions, 'fields' | 'boost' | 'strict'>): Query | null {
  const strict = options.strict ?? SEARCH_DEFAULTS.strict;
  const fields = searchedFields(options, index.fields);
  const opts = { fields, allFields: index.fields, boosts: searchBoosts(options, index.fields, index.boosts), analyzer: (f: string) => index.analyzer(f), strict };
  if (typeof query !== 'string') return buildQuery(query, opts);
  if (strict) return buildQuery(parseQuery(query), opts);
  try {
    return buildQuery(unknownFieldsAsWords(parseLenient(query), index.fields), opts);
  } catch {
    return buildQuery(parseLenient(query.replace(/[:]/g, ' ')), { ...opts, strict: false });
  }
}

/**
 * The query `search` ranks with: a plain query (words only) gets the proximity and feedback
 * features asked for (see {@link SearchOptions}); any other query is parsed as written. RM3's
 * feedback docs are the top docs that `accept` lets through.
 */
export function rankingQuery(index: RankingIndex, query: string, o: SearchOptions, { prox, rm3 }: RankingFeatures, ctx: SearchContext, accept: (doc: number) => boolean): Query | null {
  let bm25f = o.bm25f ?? SEARCH_DEFAULTS.bm25f;
  if (!prox && !rm3 && !bm25f) return parseFor(index, query, o);
  let node: QueryNode;
  try {
    node = (o.strict ?? SEARCH_DEFAULTS.strict) ? parseQuery(query) : unknownFieldsAsWords(parseLenient(query), index.fields);
  } catch {
    return parseFor(index, query, o); // reports the syntax error
  }
  const words = plainQueryWords(node);
  if (!words) return parseFor(index, query, o);
  const fields = searchedFields(o, index.fields);
  const boosts = searchBoosts(o, index.fields, index.boosts);
  const an = (f: string) => index.analyzer(f);
  if (bm25f && fields.some((f) => an(f) !== an(fields[0]!))) {
    if (o.bm25f) throw new ArgumentError('bm25f needs the searched fields to share one analyzer', { key: 'bm25f' });
    bm25f = false;
  }
  if (bm25f && ctx.model !== 'bm25') {
    if (o.bm25f) throw new ArgumentError("bm25f needs model 'bm25'", { key: 'bm25f' });
    bm25f = false;
  }
  if (fields.length === 1) bm25f = false; // the same ranking as plain BM25, kept exact
  // The words' terms in the first field's analysis, analyzed when needed (the proximity query analyzes them itself).
  let firstTerms: string[] | undefined;
  const queryTerms = () => (firstTerms ??= words.flatMap((w) => an(fields[0]!).terms(w)));
  let q: Query | null;
  if (prox) q = sequentialDependenceQuery(words, fields, boosts, an, prox === true ? {} : prox, bm25f);
  else if (bm25f) q = queryTerms().length ? new BooleanQuery(termClauses(queryTerms(), fields, boosts, 1, true)) : null;
  else q = parseFor(index, node, o);
  if (!q || !rm3) return q;
  const opts = rm3 === true ? {} : rm3;
  const scorer = q.createWeight(ctx, 1).scorer();
  if (!scorer) return q;
  const feedback = collectTopK(scorer, opts.fbDocs ?? RM3_DEFAULTS.fbDocs, accept, ctx.segment.maxDoc);
  // Terms are only comparable within one analyzer: fields with different analyzers each get the
  // query in their own analysis and a relevance model of their own terms (one group normally).
  const clauses: BooleanClause[] = [];
  for (const group of analyzerGroups(fields, an)) {
    const terms = group[0] === fields[0] ? queryTerms() : words.flatMap((w) => an(group[0]!).terms(w));
    for (const { term, weight } of rm3Expansion(ctx.segment, group, terms, feedback, opts)) clauses.push(...termClauses([term], group, boosts, weight, bm25f));
  }
  return clauses.length ? new BooleanQuery(clauses) : q;
}

/** A query is a string or a built Query; anything else (a number, a plain object) would crash deep inside. */
export function checkQuery(q: unknown): void {
  if (typeof q === 'string') return;
  if (typeof q !== 'object' || q === null || typeof (q as { createWeight?: unknown }).createWeight !== 'function') {
    throw new ArgumentError(`a query must be a string or a Query (TermQuery, BooleanQuery...), got ${q === null ? 'null' : typeof q}`, { key: 'query' });
  }
}

// The fields grouped by analyzer, in first-seen order.
function analyzerGroups(fields: readonly string[], an: (f: string) => Analyzer): string[][] {
  const groups = new Map<Analyzer, string[]>();
  for (const f of fields) {
    const g = groups.get(an(f));
    if (g) g.push(f);
    else groups.set(an(f), [f]);
  }
  return [...groups.values()];
}
