/**
 * The `tfidf` task (`extractKeywords(docs, { threads })`): in `count` mode, a slice's term
 * statistics (`DocumentFrequencies.count`); in `top` mode, built once from the merged vocabulary
 * and idf, each document's top terms as transferred typed arrays.
 */
import { atItem } from '../parallel/protocol.js';
import type { TaskResult } from '../parallel/worker-host.js';
import { DocumentFrequencies } from '../vectorize/doc-freqs.js';
import type { TfidfWorkerData, TopSlice } from '../vectorize/parallel-keywords.js';
import { TfidfVectorizer } from '../vectorize/tfidf.js';
import { TopK } from '../util/heap.js';

type State = { data: TfidfWorkerData; tv: TfidfVectorizer | null };

/** Builds the weighting vectorizer in `top` mode. */
export function setup(data: TfidfWorkerData): State {
  if (data.mode === 'count') return { data, tv: null };
  const { minDf: _a, maxDf: _b, maxFeatures: _c, ...rest } = data.options;
  const tv = new TfidfVectorizer({ ...rest, vocabulary: data.vocabulary });
  if (data.idf) tv.transformer.idf = data.idf;
  return { data, tv };
}

/** Counts or weights one slice of documents (`first`: the input index of its first one). */
export function handle(state: State, docs: string[], first: number): TaskResult {
  try {
    if (!state.tv) {
      const df = DocumentFrequencies.count(docs, state.data.options);
      return { result: { nDocs: df.nDocs, terms: df.terms, df: df.df, tf: df.tf }, transfer: [df.df.buffer as ArrayBuffer, df.tf.buffer as ArrayBuffer] };
    }
    const X = state.tv.transform(docs);
    const k = (state.data as { top: number }).top;
    const offsets = new Int32Array(X.nRows + 1);
    const ids = new Int32Array(X.nRows * k);
    const scores = new Float64Array(X.nRows * k);
    let m = 0;
    for (let i = 0; i < X.nRows; i++) {
      const heap = new TopK(k);
      for (let p = X.indptr[i]!; p < X.indptr[i + 1]!; p++) if (X.data[p]! > 0) heap.push(X.indices[p]!, X.data[p]!);
      for (const { id, score } of heap.sorted()) (ids[m] = id), (scores[m++] = score);
      offsets[i + 1] = m;
    }
    const result: TopSlice = { offsets, ids, scores };
    return { result, transfer: [offsets.buffer as ArrayBuffer, ids.buffer as ArrayBuffer, scores.buffer as ArrayBuffer] };
  } catch (e) {
    throw atItem(e, first);
  }
}
