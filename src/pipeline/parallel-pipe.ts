/**
 * `nlp.pipe(texts, { nProcess })`: the texts annotated in worker threads. Each worker builds the
 * pipeline once from its config (after importing the `modules` that register custom factories);
 * batches of `batchSize` texts go out, each worker annotates a batch as this thread's `pipe`
 * would (same batch boundaries), and the Docs come back packed in transferable buffers
 * (`core/doc-transfer.ts`), rebuilt over this pipeline's vocab and yielded in input order.
 */
import { Doc } from '../core/doc.js';
import { packDocs, unpackDocs, type PackedDocs } from '../core/doc-transfer.js';
import { ArgumentError, ConfigError } from '../core/errors.js';
import { WorkerPool, type Task } from '../parallel/pool.js';
import { resolveThreads } from '../parallel/threads.js';
import { workerUrl } from '../parallel/worker-url.js';
import type { Component } from './component.js';
import type { PipelineConfig } from './config.js';
import type { Vocab } from '../core/vocab.js';

/** What the parallel pipe uses of a `Pipeline` (structural: the pipeline module imports this one). */
export interface PipeHost {
  readonly vocab: Vocab;
  readonly config: PipelineConfig;
  readonly baseDir: string | undefined;
  readonly pipeNames: string[];
  getPipe(name: string): Component;
  makeDoc(text: string): Doc;
  process(input: string): Doc;
  processBatch(docs: Doc[]): Doc[];
}

const PIPE_KEYS = new Set(['batchSize', 'nProcess', 'modules']);

/** Rejects unknown `pipe` option keys (a misspelt `nprocess` must not silently run in one thread). */
export function checkPipeKeys(options: object): void {
  if (!options || typeof options !== 'object') throw new ArgumentError('pipe options must be an object', { key: 'options' });
  for (const k of Object.keys(options)) if (!PIPE_KEYS.has(k)) throw new ArgumentError(`unknown pipe option "${k}" (known: ${[...PIPE_KEYS].join(', ')})`, { key: k });
}

/** What a pipe worker needs to build its pipeline (the `pipe` task's setup data). */
export interface PipeWorkerData {
  task: 'pipe';
  config: PipelineConfig;
  baseDir: string | undefined;
  modules: readonly string[];
}

/** Annotates `texts` in `nProcess` workers (0: every core); yields Docs in input order. */
export async function* pipeInWorkers(nlp: PipeHost, texts: Iterable<string | Doc> | AsyncIterable<string | Doc>, o: { batchSize: number; nProcess: number; modules: readonly string[] }): AsyncGenerator<Doc> {
  const n = resolveThreads(o.nProcess, 'nProcess');
  if (!Array.isArray(o.modules) || o.modules.some((m) => typeof m !== 'string' || !m)) throw new ArgumentError('modules must be a list of module paths or package names', { key: 'modules' });
  const rehydrate = nlp.pipeNames.map((name) => nlp.getPipe(name)).filter((c) => typeof c.rehydrate === 'function');
  const batches = batchesOf(texts, o.batchSize);
  if (n === 1) {
    // One process: this thread, same batches.
    for await (const { texts: batch } of batches) yield* nlp.processBatch(batch.map((t) => nlp.makeDoc(t)));
    return;
  }
  const objects = (nlp.config.components ?? []).filter((c) => c.factory === '(object)' && !c.disabled);
  if (objects.length) throw new ConfigError(`component "${objects[0]!.name}" was added as an object, which a worker cannot rebuild: register its factory (registerComponent) in a module, pass it as modules, and add it by factory name`, { key: objects[0]!.name });
  const data: PipeWorkerData = { task: 'pipe', config: nlp.config, baseDir: nlp.baseDir, modules: [...o.modules] };
  const pool = await WorkerPool.start({ script: workerUrl('workers/entry.js'), size: n, workerData: data, itemName: 'texts' });
  const sent: string[][] = [];
  async function* tasks(): AsyncGenerator<Task> {
    for await (const b of batches) {
      sent.push(b.texts);
      yield { payload: b.texts, first: b.first };
    }
  }
  try {
    for await (const packed of pool.map(tasks())) {
      const batch = sent.shift()!;
      const docs = unpackDocs(packed as PackedDocs, batch, nlp.vocab, (text, cap) => new Doc(nlp.vocab, text, cap));
      for (const d of docs) {
        for (const c of rehydrate) c.rehydrate!(d);
        yield d;
      }
    }
  } finally {
    await pool.close();
  }
}

// The texts in batches, with the input index of each batch's first text; a non-string is an ArgumentError naming it.
async function* batchesOf(texts: Iterable<string | Doc> | AsyncIterable<string | Doc>, size: number): AsyncGenerator<{ texts: string[]; first: number }> {
  let batch: string[] = [];
  let i = 0;
  let first = 0;
  for await (const t of texts as AsyncIterable<string | Doc>) {
    if (typeof t !== 'string') throw new ArgumentError(`texts[${i}]: pipe with nProcess takes texts, got ${t instanceof Doc ? 'a Doc' : typeof t}`, { key: `texts[${i}]` });
    batch.push(t);
    i++;
    if (batch.length >= size) {
      yield { texts: batch, first };
      first = i;
      batch = [];
    }
  }
  if (batch.length) yield { texts: batch, first };
}

/**
 * The worker side of {@link pipeInWorkers}: annotates one batch with `nlp.pipe` and packs the
 * Docs. A failing batch is re-run text by text to name the text that fails.
 */
export function annotateBatch(nlp: PipeHost, texts: string[], first: number, atItem: (e: unknown, item: number) => unknown): PackedDocs {
  let docs: Doc[];
  try {
    docs = nlp.processBatch(texts.map((t) => nlp.makeDoc(t)));
  } catch (e) {
    for (let i = 0; i < texts.length; i++) {
      try {
        nlp.process(texts[i]!);
      } catch (e2) {
        throw atItem(e2, first + i);
      }
    }
    throw e;
  }
  return packDocs(docs);
}
