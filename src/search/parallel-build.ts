/**
 * `SearchIndex.addAll(docs, { threads })` (Node). The calling thread reads each document once:
 * it checks the id (new, distinct) and the fields, numbers the document, keeps its id, stored
 * JSON and vector, and puts each indexed field's text into its slice: per field the texts as UTF-8
 * bytes back to back and their end offsets (`slice-text.ts`: two transferred arrays, not a clone
 * per document). Worker threads analyze the slices into postings and send each field
 * back packed flat (`field-pack.ts`), its buffers transferred; the packs are merged in input
 * order (`mergePacks`). For an array the calling thread is one of the threads: it keeps the last
 * documents' texts and analyzes them itself while `threads - 1` workers run (nothing encoded,
 * decoded or moved for those, and one isolate fewer to start and warm up). Doc numbers, term statistics and norms are then those of a one-thread
 * build, so every query scores the same. Anything wrong with a document fails the call named by
 * its input index, and nothing is added unless everything is.
 */
import { ArgumentError, type TextloomError } from '../core/errors.js';
import { WorkerPool, type Task } from '../parallel/pool.js';
import { resolveThreads } from '../parallel/threads.js';
import { workerUrl } from '../parallel/worker-url.js';
import { DocVectors } from './doc-vectors.js';
import { fieldText, progressEvery, type AddAllOptions, type Doc } from './documents.js';
import type { Analyzer } from './analyzer.js';
import { mergePacks, packField, type FieldPack } from './field-pack.js';
import { mergeSegments } from './merge.js';
import type { SavedSettings } from './persist.js';
import { FieldData, Segment } from './segment.js';
import { packTexts, type PackedTexts } from './slice-text.js';

/** Most documents in one worker slice: bounds what is in flight, and a stream's memory. */
export const SEGMENT_DOCS = 50_000;

/**
 * Young-generation size of an index worker, in MB. Node's default (about 32 MB of new space per
 * isolate, measured) is sized for one thread having the machine; an index worker's young objects
 * (each text's string, analyzer misses) die young, and with a smaller nursery each worker's
 * resident memory fell by 25-40 MB with no more CPU time (bench/scale-index.mjs).
 */
export const WORKER_YOUNG_MB = 8;

/**
 * The calling thread's share of an array's documents, per thread of `threads`: it indexes the
 * last `floor(length x OWN_SHARE / threads)` documents itself while the workers index the rest
 * (less than an even share, as it also reads, checks and packs every document and merges).
 */
export const OWN_SHARE = 0.8;

/** What the parallel build needs of its index. */
export interface BuildHost {
  readonly seg: Segment;
  readonly settings: SavedSettings;
  /** The analyzer of each indexed field, in field order (the calling thread's share is analyzed with these). */
  readonly analyzers: readonly Analyzer[];
  /** The document's id, after checking its fields (throws a typed error). */
  idOf(doc: Doc): string;
  /** The document's stored JSON, or undefined (throws a typed error). */
  storedOf(id: string, doc: Doc): string | undefined;
  /** The document's checked vector of dimension `dim` (any when undefined), or undefined. */
  vectorOf(id: string, doc: Doc, dim: number | undefined): Float32Array | undefined;
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

/** One slice sent to a worker: per indexed field, its texts packed (`slice-text.ts`). */
export interface IndexSlice {
  count: number;
  fields: PackedTexts[];
}

/** Adds `docs` through `threads` workers (0: every core), then merges. */
export async function addAllInWorkers(host: BuildHost, docs: Iterable<Doc> | AsyncIterable<Doc>, options: AddAllOptions): Promise<void> {
  const n = resolveThreads(options.threads, 'threads');
  const every = progressEvery(options);
  const isSync = !!docs && typeof (docs as Iterable<Doc>)[Symbol.iterator] === 'function';
  if (!isSync && (!docs || typeof (docs as AsyncIterable<Doc>)[Symbol.asyncIterator] !== 'function')) {
    throw new ArgumentError('addAll needs an iterable or async iterable of documents');
  }
  if (n === 1) {
    await host.addInline(docs, options);
    return;
  }
  if (Array.isArray(docs)) {
    // The calling thread indexes the array's last documents itself, with n - 1 workers.
    const own = Math.floor((docs.length * OWN_SHARE) / n);
    if (own >= 1 && docs.length - own >= 1) {
      await addArrayWithOwnShare(host, docs, n - 1, docs.length - own, options, every);
      return;
    }
  }
  // An array is split evenly (one slice per worker, up to SEGMENT_DOCS each); a stream in SEGMENT_DOCS slices.
  const size = Array.isArray(docs) ? Math.max(1, Math.min(SEGMENT_DOCS, Math.ceil(docs.length / n))) : SEGMENT_DOCS;
  const slicer = new Slicer(host, size);
  const starting = startPool(host, n);
  let tasks: Iterable<Task> | AsyncIterable<Task>;
  try {
    if (isSync) {
      const it = slicer.sync(docs as Iterable<Doc>);
      const ahead: Task[] = [];
      while (ahead.length < n) {
        const r = it.next();
        if (r.done) break;
        ahead.push(r.value);
      }
      tasks = chain(ahead, it);
    } else tasks = slicer.async(docs as AsyncIterable<Doc>);
  } catch (e) {
    void starting.then((p) => p.close(), () => {});
    throw e;
  }
  const pool = await starting;
  const packs: FieldPack[][] = [];
  const bases: number[] = [];
  let added = 0;
  let reported = 0;
  try {
    for await (const result of pool.map(tasks)) {
      const fields = result as FieldPack[];
      bases.push(added);
      packs.push(fields);
      added += fields[0]?.maxDoc ?? 0;
      if (options.onProgress && added - reported >= every) options.onProgress((reported = added));
    }
  } finally {
    await pool.close();
  }
  finish(host, slicer.out, packs, bases);
  options.onProgress?.(added);
}

// The workers start while the first slices are read.
function startPool(host: BuildHost, size: number): Promise<WorkerPool> {
  const data: IndexWorkerData = { task: 'index', settings: host.settings };
  return WorkerPool.start({
    script: workerUrl('workers/entry.js'),
    size,
    workerData: data,
    itemName: 'documents',
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
  });
}

/**
 * An array through `workers` workers and this thread: docs [0, ownFrom) go to the workers in
 * slices as they are read; the rest this thread analyzes itself (from the documents' own strings:
 * nothing packed or decoded) while the workers run; its fields are packed and merged last.
 */
async function addArrayWithOwnShare(host: BuildHost, docs: readonly Doc[], workers: number, ownFrom: number, options: AddAllOptions, every: number): Promise<void> {
  const slicer = new Slicer(host, Math.max(1, Math.min(SEGMENT_DOCS, Math.ceil(ownFrom / workers))), ownFrom);
  const starting = startPool(host, workers);
  let pool: WorkerPool | undefined;
  const pending: Promise<unknown>[] = [];
  const packs: FieldPack[][] = [];
  const bases: number[] = [];
  let added = 0;
  let reported = 0;
  try {
    for (const task of slicer.sync(docs)) {
      pool ??= await starting;
      const p = pool.run(task.payload, task.first, task.transfer);
      p.catch(() => {}); // rethrown in input order below
      pending.push(p);
    }
    const own = slicer.own!;
    const fields = host.seg.fields.map((f) => new FieldData(f.name));
    const nf = fields.length;
    for (let i = 0; i < nf; i++) {
      const field = fields[i]!;
      const analyzer = host.analyzers[i]!;
      const strings = analyzer.strings;
      const texts = own.texts[i]!;
      for (let d = 0; d < texts.length; d++) {
        field.addDoc(d, analyzer.analyze(texts[d]!), strings);
        // This thread's share counts as it goes (a document is done once all its fields are):
        // the workers' results are only read after it, so a progress bar would stall here.
        if (options.onProgress) {
          const done = Math.floor((i * texts.length + d + 1) / nf);
          if (done - reported >= every) options.onProgress((reported = done));
        }
      }
    }
    for (const p of pending) {
      const result = (await p) as FieldPack[];
      bases.push(added);
      packs.push(result);
      added += result[0]?.maxDoc ?? 0;
      if (options.onProgress && added + own.count - reported >= every) options.onProgress((reported = added + own.count));
    }
    bases.push(added);
    packs.push(fields.map((f) => packField(f, own.count)));
    added += own.count;
  } finally {
    const p = pool ?? (await starting.catch(() => undefined));
    await p?.close();
  }
  finish(host, slicer.out, packs, bases);
  options.onProgress?.(added);
}

// Merges the packs (in input order, pack s from doc bases[s]) into `out` and adopts it.
function finish(host: BuildHost, out: Segment, packs: FieldPack[][], bases: number[]): void {
  if (!out.maxDoc) return;
  out.fields.forEach((f, i) =>
    mergePacks(
      f,
      packs.map((p) => p[i]!),
      bases,
      out.maxDoc,
    ),
  );
  host.adopt(host.seg.maxDoc ? mergeSegments([host.seg, out], ['the index', 'the new documents']) : out);
}

// The tasks read ahead, then the rest.
function* chain(ahead: Task[], rest: Iterator<Task>): Generator<Task> {
  yield* ahead;
  for (let r = rest.next(); !r.done; r = rest.next()) yield r.value;
}

/** Reads documents into slices (see the file comment); `out` collects the new docs' ids, stored fields and vectors. */
class Slicer {
  readonly out: Segment;
  private readonly fields: readonly string[];
  private texts: string[][];
  private dim: number | undefined;
  /** The texts of docs [ownFrom, end) per field, kept for this thread (set when the input ends). */
  own: { first: number; count: number; texts: string[][] } | undefined;
  private i = 0;
  private first = 0;

  constructor(
    private readonly host: BuildHost,
    private readonly size: number,
    private readonly ownFrom = Infinity,
  ) {
    this.fields = host.settings.fields;
    this.out = new Segment(this.fields);
    this.texts = this.fields.map(() => []);
    this.dim = host.seg.vectors?.dim;
  }

  *sync(docs: Iterable<Doc>): Generator<Task> {
    for (const d of docs) {
      const t = this.push(d);
      if (t) yield t;
    }
    const t = this.flush();
    if (t) yield t;
  }

  async *async(docs: AsyncIterable<Doc>): AsyncGenerator<Task> {
    for await (const d of docs) {
      const t = this.push(d);
      if (t) yield t;
    }
    const t = this.flush();
    if (t) yield t;
  }

  // Checks and numbers one document; returns a full slice.
  private push(d: Doc): Task | null {
    const { host, out } = this;
    let id: string;
    let json: string | undefined;
    let vec: Float32Array | undefined;
    try {
      id = host.idOf(d);
      if (host.seg.byId.has(id) || out.byId.has(id)) throw new ArgumentError(`a document with id "${id}" is already ${out.byId.has(id) ? 'earlier in the input' : 'indexed (use update)'}`, { key: host.settings.idField });
      json = host.storedOf(id, d);
      vec = host.vectorOf(id, d, this.dim);
    } catch (e) {
      throw (e as TextloomError).withDetail ? (e as TextloomError).withDetail(`documents[${this.i}]: ${(e as TextloomError).detail}; nothing was added`) : e;
    }
    const nd = out.newDoc(id);
    if (json !== undefined) out.store.setJson(nd, json);
    if (vec) {
      (out.vectors ??= new DocVectors(vec.length)).set(nd, vec);
      this.dim = vec.length;
    }
    for (let f = 0; f < this.fields.length; f++) this.texts[f]!.push(fieldText(d[this.fields[f]!]));
    this.i++;
    // The last worker slice ends where this thread's share starts.
    if (this.i === this.ownFrom) return this.flush();
    return this.i < this.ownFrom && this.i - this.first >= this.size ? this.flush() : null;
  }

  // The slice of the documents read since the last one (null when none); at the end of the input,
  // the texts of this thread's share are kept in `own` instead.
  private flush(): Task | null {
    const count = this.i - this.first;
    if (this.first >= this.ownFrom) {
      this.own = { first: this.first, count, texts: this.texts };
      return null;
    }
    if (!count) return null;
    const slice: IndexSlice = { count, fields: this.texts.map(packTexts) };
    const task: Task = { payload: slice, first: this.first, transfer: slice.fields.flatMap((f) => [f.bytes.buffer as ArrayBuffer, f.ends.buffer as ArrayBuffer]) };
    this.texts = this.fields.map(() => []);
    this.first = this.i;
    return task;
  }
}
