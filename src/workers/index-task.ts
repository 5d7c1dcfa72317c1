/**
 * The `index` task (`SearchIndex.addAll(docs, { threads })`): builds the analyzers once from the
 * index's saved settings; then indexes each slice of documents into a fresh segment, sent back
 * as one transferred buffer (`toBytes`).
 */
import { SearchIndex } from '../search/search-index.js';
import type { Doc } from '../search/documents.js';
import type { IndexWorkerData } from '../search/parallel-build.js';
import { atItem } from '../parallel/protocol.js';
import type { TaskResult } from '../parallel/worker-host.js';

/** An empty index with the settings (and analyzers) of the one being built. */
export function setup(data: IndexWorkerData): Promise<SearchIndex> {
  return SearchIndex.fromSettings(data.settings) as Promise<SearchIndex>;
}

/** Indexes one slice (`first`: the input index of its first document) into a segment. */
export function handle(base: SearchIndex, docs: Doc[], first: number): TaskResult {
  const index = base.emptyLike();
  for (let k = 0; k < docs.length; k++) {
    try {
      index.add(docs[k]!);
    } catch (e) {
      throw atItem(e, first + k);
    }
  }
  const bytes = index.toBytes();
  return { result: bytes, transfer: [bytes.buffer as ArrayBuffer] };
}
