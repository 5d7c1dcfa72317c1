/**
 * Keyword extraction from tf-idf rows: the k highest-weighted terms of a document.
 */
import { ArgumentError } from '../core/errors.js';
import { TopK } from '../util/heap.js';
import type { SparseRow } from './csr.js';
import { checkOptions, KEYWORD_DEFAULTS, KEYWORD_SCHEMA } from './options.js';
import { TfidfVectorizer, type TfidfVectorizerOptions } from './tfidf.js';
import { resolveThreads } from '../parallel/threads.js';
import { keywordsInWorkers } from './parallel-keywords.js';

/** A term with its weight. */
export interface TermScore {
  term: string;
  score: number;
}

/**
 * The `k` terms with the highest positive weights in a row (a sparse row from `X.row(i)` or a
 * dense vector), best first; ties go to the earlier column (alphabetical for learned vocabularies).
 * @example
 * const X = tv.fitTransform(docs);
 * topTerms(X.row(0), 5, tv.getFeatureNamesOut()); // [{ term: 'jury', score: 0.41 }, ...]
 */
export function topTerms(row: SparseRow | ArrayLike<number>, k: number, featureNames: readonly string[]): TermScore[] {
  if (!Number.isInteger(k) || k < 0) throw new ArgumentError(`k must be a non-negative integer, got ${k}`, { key: 'k' });
  const top = new TopK(k);
  if ('indices' in row && 'data' in row) {
    const { indices, data } = row as SparseRow;
    for (let i = 0; i < indices.length; i++) if (data[i]! > 0) top.push(indices[i]!, data[i]!);
  } else {
    const v = row as ArrayLike<number>;
    for (let j = 0; j < v.length; j++) if (v[j]! > 0) top.push(j, v[j]!);
  }
  return top.sorted().map(({ id, score }) => {
    const term = featureNames[id];
    if (term === undefined) throw new ArgumentError(`column ${id} has no feature name (${featureNames.length} names given)`, { key: 'featureNames' });
    return { term, score };
  });
}

/** Options of {@link extractKeywords}: TfidfVectorizer options plus `top`. */
export interface KeywordOptions extends TfidfVectorizerOptions {
  /** Keywords per document, an integer >= 0 (default 10). */
  top?: number;
}

/**
 * Fits tf-idf on `docs` and returns each document's top keywords.
 * @example
 * extractKeywords(['the cat sat on the mat', 'the dog ate'], { top: 2, stopWords: 'english' });
 */
export function extractKeywords(docs: Iterable<string>, options?: KeywordOptions): TermScore[][];
/**
 * With `threads` (Node only; 0 = every core): the statistics are counted and the rows weighted
 * in worker threads; the keywords are the same as in one thread.
 * @example await extractKeywords(docs, { top: 5, threads: 0 });
 */
export function extractKeywords(docs: Iterable<string>, options: KeywordOptions & { threads: number }): Promise<TermScore[][]>;
export function extractKeywords(docs: Iterable<string>, options: KeywordOptions & { threads?: number } = {}): TermScore[][] | Promise<TermScore[][]> {
  const { threads, ...rest } = options;
  checkOptions(rest, KEYWORD_SCHEMA);
  const { top = KEYWORD_DEFAULTS.top, ...tfidf } = rest;
  if (threads !== undefined) {
    const list = Array.isArray(docs) ? (docs as string[]) : [...docs];
    if (resolveThreads(threads, 'threads') > 1 && list.length > 1) return keywordsInWorkers(list, tfidf, top, threads);
    return Promise.resolve(extractKeywords(list, rest));
  }
  const tv = new TfidfVectorizer(tfidf);
  const X = tv.fitTransform(docs);
  const names = tv.getFeatureNamesOut();
  const out: TermScore[][] = [];
  for (let i = 0; i < X.nRows; i++) out.push(topTerms(X.row(i), top, names));
  return out;
}
