/**
 * `SearchIndex.addAll(docs, { threads })` (Node): consecutive slices of the documents are indexed
 * into segments by worker threads, each segment comes back as one transferred buffer (the
 * `toBytes` format, CRC-checked on arrival), and all of them are merged into the index in input
 * order by `merge.ts`. Doc numbers, term statistics and norms are then those of a one-thread
 * build, so every query scores the same. Ids are checked here first (new, distinct), so a
 * duplicate fails before any work; anything else wrong with a document fails in its worker,
 * named by its input index. Nothing is added unless everything is.
 */
import { ArgumentError, type TextloomError } from '../core/errors.js';
import { WorkerPool, type Task } from '../parallel/pool.js';
import { resolveThreads } from '../parallel/threads.js';
import { workerUrl } from '../parallel/worker-url.js';
import { unpackIndex } from './bytes.js';
import { progressEvery, type AddAllOptions, type Doc } from './documents.js';
import { mergeSegments } from './merge.js';
import { openSource, type SavedSettings } from './persist.js';
import type { Segment } from './segment.js';

/** Most documents in one worker segment: bounds what is in flight, and a stream's memory. */
export const SEGMENT_DOCS = 50_000;

/** What the parallel build needs of its index. */
export interface BuildHost {
  readonly seg: Segment;
  readonly settings: SavedSettings;
  /** The document's id, after checking its fields (throws a typed error). */
  idOf(doc: Doc): string;
  /** Replaces the index's segment. */
  adopt(seg: Segment): void;
  /** The one-thread `addAll` (for `threads: 1`). */
  addInline(docs: Iterable<Doc> | AsyncIterable<Doc>, options: AddAllOptions): void | Promise<void>;
}

/** The `index` task's setup data. */
export interface IndexWorkerData {
  task: 'index';
  settings: SavedSettings;
}

/** Adds `docs` through `threads` workers (0: every core), then merges. */
export async function addAllInWorkers(host: BuildHost, docs: Iterable<Doc> | AsyncIterable<Doc>, options: AddAllOptions): Promise<void> {
  const n = resolveThreads(options.threads, 'threads');
  const every = progressEvery(options);
  if (!docs || (typeof (docs as Iterable<Doc>)[Symbol.iterator] !== 'function' && typeof (docs as AsyncIterable<Doc>)[Symbol.asyncIterator] !== 'function')) {
    throw new ArgumentError('addAll needs an iterable or async iterable of documents');
  }
  // An array is split evenly (one segment per worker, up to SEGMENT_DOCS each); a stream in SEGMENT_DOCS slices.
  const size = Array.isArray(docs) ? Math.max(1, Math.min(SEGMENT_DOCS, Math.ceil(docs.length / n))) : SEGMENT_DOCS;
  const seen = new Set<string>();
  const names: string[] = [];
  async function* slices(): AsyncGenerator<Task> {
    let batch: Doc[] = [];
    let i = 0;
    let first = 0;
    for await (const d of docs as AsyncIterable<Doc>) {
      let id: string;
      try {
        id = host.idOf(d);
        if (host.seg.byId.has(id) || seen.has(id)) throw new ArgumentError(`a document with id "${id}" is already ${seen.has(id) ? 'earlier in the input' : 'indexed (use update)'}`, { key: host.settings.idField });
      } catch (e) {
        throw (e as TextloomError).withDetail ? (e as TextloomError).withDetail(`documents[${i}]: ${(e as TextloomError).detail}; nothing was added`) : e;
      }
      seen.add(id);
      batch.push(d);
      i++;
      if (batch.length >= size) {
        names.push(`documents[${first}..${i})`);
        yield { payload: batch, first };
        first = i;
        batch = [];
      }
    }
    if (batch.length) {
      names.push(`documents[${first}..${i})`);
      yield { payload: batch, first };
    }
  }
  const segments: Segment[] = [];
  let added = 0;
  let reported = 0;
  if (n === 1) {
    await host.addInline(docs, options);
    return;
  }
  const data: IndexWorkerData = { task: 'index', settings: host.settings };
  const pool = await WorkerPool.start({ script: workerUrl('workers/entry.js'), size: n, workerData: data, itemName: 'documents' });
  try {
    for await (const bytes of pool.map(slices())) {
      const seg = openSource(unpackIndex(bytes as Uint8Array)).readSegment();
      segments.push(seg);
      added += seg.maxDoc;
      if (options.onProgress && added - reported >= every) options.onProgress((reported = added));
    }
  } finally {
    await pool.close();
  }
  if (segments.length) {
    const all = host.seg.maxDoc ? [host.seg, ...segments] : segments;
    host.adopt(mergeSegments(all, host.seg.maxDoc ? ['the index', ...names] : names));
  }
  options.onProgress?.(added);
}
