/**
 * Documents coming in: their id, their indexable field values and their stored JSON, all checked
 * before anything is indexed, and `addAll`'s batching (a whole array checked first; streams added
 * as they come, with progress). A bad document is an ArgumentError naming the field.
 */
import { ArgumentError } from '../core/errors.js';

/** Options of `SearchIndex.addAll`. */
export interface AddAllOptions {
  /** Called with the number of documents added so far, every `progressEvery` docs and at the end (default none). */
  onProgress?: (added: number) => void;
  /** Progress interval, a positive integer (default 1000). */
  progressEvery?: number;
  /**
   * Worker threads to index in (Node only; default: none, this thread). `0` uses every core.
   * Given, `addAll` returns a Promise: slices of the documents are indexed into segments in
   * parallel (an array's last slice by the calling thread, the rest by `threads - 1` workers), then merged into the index (`merge.ts`), which then scores every query as a
   * one-thread build would. All or nothing, for arrays and streams alike: a bad document
   * (named by its input index) adds none.
   */
  threads?: number;
}

/** Defaults of {@link AddAllOptions}. */
export const ADD_ALL_DEFAULTS = Object.freeze({ progressEvery: 1000 });

/** The checked `progressEvery` of addAll options (default 1000); `onProgress` must be a function when given. */
export function progressEvery(o: AddAllOptions): number {
  const every = o.progressEvery ?? ADD_ALL_DEFAULTS.progressEvery;
  if (!Number.isInteger(every) || every < 1) throw new ArgumentError(`progressEvery must be a positive integer, got ${String(every)}`, { key: 'progressEvery' });
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') throw new ArgumentError('onProgress must be a function (added) => void', { key: 'onProgress' });
  return every;
}

/** A document: field name -> value. */
export type Doc = Record<string, unknown>;

/** The text a field value is indexed from: strings as they are, numbers and booleans as strings, arrays joined by newlines. */
export function fieldText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(fieldText).join('\n');
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

/** Reads and checks documents for one index's id field, indexed fields and stored fields. */
export class DocumentReader {
  constructor(
    private readonly idField: string,
    private readonly fields: readonly string[],
    private readonly storeFields: readonly string[],
  ) {}

  /** The document's id as a string; throws when it is missing or a field cannot be indexed. */
  idOf(doc: Doc): string {
    if (!doc || typeof doc !== 'object') throw new ArgumentError('a document must be an object');
    const v = doc[this.idField];
    if (v === undefined || v === null || (typeof v !== 'string' && typeof v !== 'number') || v === '' || (typeof v === 'number' && !Number.isFinite(v))) {
      throw new ArgumentError(`document has no usable "${this.idField}" (a non-empty string or a finite number), got ${typeof v === 'number' ? v : JSON.stringify(v) ?? String(v)}`, { key: this.idField });
    }
    for (const f of this.fields) {
      if (!indexable(doc[f])) throw new ArgumentError(`field "${f}" of document "${String(v)}" must be a string, a number, a boolean or an array of them, got ${describeValue(doc[f])}`, { key: f });
    }
    return String(v);
  }

  /**
   * The stored fields as JSON (undefined when nothing is stored), checked before the doc is
   * indexed: a value JSON cannot hold (a BigInt, a cycle) must not throw after the doc was half added.
   */
  storedJson(id: string, doc: Doc): string | undefined {
    if (!this.storeFields.length) return undefined;
    const stored: Record<string, unknown> = {};
    for (const k of this.storeFields) if (doc[k] !== undefined) stored[k] = doc[k];
    try {
      return JSON.stringify(stored);
    } catch (e) {
      const bad = this.storeFields.find((k) => {
        try {
          JSON.stringify(doc[k]);
          return false;
        } catch {
          return true;
        }
      });
      throw new ArgumentError(`stored field "${bad}" of document "${id}" cannot be stored as JSON: ${(e as Error).message.split('\n')[0]}`, { key: bad ?? this.storeFields[0]! });
    }
  }

  /** Checks a whole batch before any of it is indexed: ids new (`exists` false) and distinct, fields usable. */
  prepareAll(docs: readonly Doc[], exists: (id: string) => boolean): { id: string; json: string | undefined }[] {
    const seen = new Set<string>();
    return docs.map((doc, i) => {
      try {
        const id = this.idOf(doc);
        if (exists(id) || seen.has(id)) throw new ArgumentError(`a document with id "${id}" is already ${seen.has(id) ? 'earlier in the batch' : 'indexed (use update)'}`, { key: this.idField });
        seen.add(id);
        return { id, json: this.storedJson(id, doc) };
      } catch (e) {
        if (e instanceof ArgumentError) throw e.withDetail(`documents[${i}]: ${e.detail}; nothing was added`);
        throw e;
      }
    });
  }
}

/** What `addAll` drives: the single add, the batch check and the indexing of a checked doc. */
export interface DocumentSink {
  add(doc: Doc): void;
  prepareAll(docs: readonly Doc[]): { id: string; json: string | undefined }[];
  index(id: string, doc: Doc, json: string | undefined): void;
}

/**
 * Adds many documents to `sink`: an array is checked whole first (a bad document adds none);
 * an iterable or async iterable is added as it comes, and an error names how many were added before it.
 */
export function addDocuments(sink: DocumentSink, docs: Iterable<Doc> | AsyncIterable<Doc>, options: AddAllOptions): void | Promise<void> {
  const every = progressEvery(options);
  let n = 0;
  const one = (d: Doc) => {
    try {
      sink.add(d);
    } catch (e) {
      if (e instanceof ArgumentError && n > 0) throw e.withDetail(`${e.detail}; the ${n} document(s) before it were added`);
      throw e;
    }
    n++;
    if (options.onProgress && n % every === 0) options.onProgress(n);
  };
  if (Array.isArray(docs)) {
    const ready = sink.prepareAll(docs);
    for (let i = 0; i < docs.length; i++) {
      sink.index(ready[i]!.id, docs[i] as Doc, ready[i]!.json);
      n++;
      if (options.onProgress && n % every === 0) options.onProgress(n);
    }
    options.onProgress?.(n);
    return;
  }
  if (docs && typeof (docs as AsyncIterable<Doc>)[Symbol.asyncIterator] === 'function') {
    return (async () => {
      for await (const d of docs as AsyncIterable<Doc>) one(d);
      options.onProgress?.(n);
    })();
  }
  if (!docs || typeof (docs as Iterable<Doc>)[Symbol.iterator] !== 'function') throw new ArgumentError('addAll needs an iterable or async iterable of documents');
  for (const d of docs as Iterable<Doc>) one(d);
  options.onProgress?.(n);
}

// A field value the analyzer can read: missing, a string, number or boolean, or an array of them.
function indexable(v: unknown, depth = 0): boolean {
  if (v === undefined || v === null) return true;
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'boolean') return true;
  return depth < 8 && Array.isArray(v) && v.every((x) => indexable(x, depth + 1));
}

function describeValue(v: unknown): string {
  return Array.isArray(v) ? 'an array holding other values' : v === null ? 'null' : typeof v === 'object' ? `an object (${Object.prototype.toString.call(v).slice(8, -1)})` : typeof v;
}
