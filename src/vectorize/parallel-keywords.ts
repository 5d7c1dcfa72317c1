/**
 * `extractKeywords(docs, { threads })` (Node): the documents' term statistics are counted in
 * worker threads, one slice per worker (`DocumentFrequencies`), merged here into the vocabulary
 * and idf of one fit on all documents; then the workers weight their slices' rows with that
 * vocabulary and idf and send back each document's top terms as typed arrays (term ids and
 * scores, transferred), so the keywords are exactly those of the one-thread `extractKeywords`.
 */
import { WorkerPool, type Task } from '../parallel/pool.js';
import { resolveThreads } from '../parallel/threads.js';
import { workerUrl } from '../parallel/worker-url.js';
import { DocumentFrequencies } from './doc-freqs.js';
import type { TfidfVectorizerOptions } from './tfidf.js';

/** A term with its weight (`keywords.ts`'s `TermScore`, which imports this module). */
type TermScore = { term: string; score: number };

/** Documents per keyword task: bounds what is in flight. */
const TOP_SLICE = 4096;

/** Setup data of the `tfidf` worker task: counting, or weighting with a fitted vocabulary and idf. */
export type TfidfWorkerData =
  | { task: 'tfidf'; mode: 'count'; options: TfidfVectorizerOptions }
  | { task: 'tfidf'; mode: 'top'; options: TfidfVectorizerOptions; vocabulary: string[]; idf: Float64Array | null; top: number };

/** What a counting task sends back: a slice's `DocumentFrequencies` as plain data. */
export interface CountedSlice {
  nDocs: number;
  terms: string[];
  df: Int32Array;
  tf: Float64Array;
}

/** What a keyword task sends back: per document `offsets[i]..offsets[i+1]` into `ids` and `scores`. */
export interface TopSlice {
  offsets: Int32Array;
  ids: Int32Array;
  scores: Float64Array;
}

/** Keywords of `docs` through `threads` workers (0: every core). `options` were checked by the caller. */
export async function keywordsInWorkers(docs: readonly string[], options: TfidfVectorizerOptions, top: number, threads: number): Promise<TermScore[][]> {
  const n = resolveThreads(threads, 'threads');
  const script = workerUrl('workers/entry.js');
  // 1. Statistics, one slice per worker.
  const size = Math.max(1, Math.ceil(docs.length / n));
  const counting: TfidfWorkerData = { task: 'tfidf', mode: 'count', options };
  const parts: DocumentFrequencies[] = [];
  const countPool = await WorkerPool.start({ script, size: n, workerData: counting, itemName: 'docs' });
  try {
    const slices: Task[] = [];
    for (let i = 0; i < docs.length; i += size) slices.push({ payload: docs.slice(i, i + size), first: i });
    for await (const r of countPool.map(slices)) {
      const c = r as CountedSlice;
      parts.push(new DocumentFrequencies(options, c.nDocs, c.terms, c.df, c.tf));
    }
  } finally {
    await countPool.close();
  }
  // 2. One vocabulary and idf (pruning needs every slice), then each document's top terms.
  const tv = DocumentFrequencies.merge(parts).toVectorizer();
  const names = tv.getFeatureNamesOut();
  const weighting: TfidfWorkerData = { task: 'tfidf', mode: 'top', options, vocabulary: names, idf: tv.transformer.options.useIdf ? tv.transformer.idf : null, top };
  const out: TermScore[][] = [];
  const topPool = await WorkerPool.start({ script, size: n, workerData: weighting, itemName: 'docs' });
  try {
    async function* tasks(): AsyncGenerator<Task> {
      for (let i = 0; i < docs.length; i += TOP_SLICE) yield { payload: docs.slice(i, i + TOP_SLICE), first: i };
    }
    for await (const r of topPool.map(tasks())) {
      const { offsets, ids, scores } = r as TopSlice;
      for (let d = 0; d + 1 < offsets.length; d++) {
        const row: TermScore[] = [];
        for (let k = offsets[d]!; k < offsets[d + 1]!; k++) row.push({ term: names[ids[k]!]!, score: scores[k]! });
        out.push(row);
      }
    }
  } finally {
    await topPool.close();
  }
  return out;
}
