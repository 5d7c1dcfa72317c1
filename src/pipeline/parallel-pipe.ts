/**
 * `nlp.pipe(texts, { nProcess })`: the texts annotated in worker threads. Each worker builds the
 * pipeline once from its config (after importing the `modules` that register custom factories);
 * batches of `batchSize` texts go out, each worker annotates a batch as this thread's `pipe`
 * would (same batch boundaries), and the Docs come back packed in transferable buffers
 * (`core/doc-transfer.ts`), rebuilt over this pipeline's vocab and yielded in input order. A worker
 * whose memory passes `maxWorkerMemoryMB` is replaced between batches (see `parallel/pool.ts`). Node only:
 * importing this module installs it into `Pipeline.pipe` (browser bundles never import it).
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
import { setParallelPipe } from './pipeline.js';

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

/** What a pipe worker needs to build its pipeline (the `pipe` task's setup data). */
export interface PipeWorkerData {
  task: 'pipe';
  config: PipelineConfig;
  baseDir: string | undefined;
  modules: readonly string[];
}

/** Annotates `texts` in `nProcess` workers (0: every core); yields Docs in input order. */
export async function* pipeInWorkers(nlp: PipeHost, texts: Iterable<string | Doc> | AsyncIterable<string | Doc>, o: { batchSize: number; nProcess: number; modules: readonly string[]; maxWorkerMemoryMB: number }): AsyncGenerator<Doc> {
  const n = resolveThreads(o.nProcess, 'nProcess');
  if (!Array.isArray(o.modules) || o.modules.some((m) => typeof m !== 'string' || !m)) throw new ArgumentError('modules must be a list of module paths or package names', { key: 'modules' });
  checkMemoryLimit(o.maxWorkerMemoryMB);
  const rehydrate = nlp.pipeNames.map((name) => nlp.getPipe(name)).filter((c) => typeof c.rehydrate === 'function');
  const batches = batchesOf(texts, o.batchSize);
  if (n === 1) {
    // One process: this thread, same batches.
    for await (const { texts: batch } of batches) yield* nlp.processBatch(batch.map((t) => nlp.makeDoc(t)));
    return;
  }
  const kept = keptPool(nlp, n, o.modules, o.maxWorkerMemoryMB);
  const pool = kept ?? (await startPool(nlp, n, o.modules, o.maxWorkerMemoryMB));
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
    if (!kept) await pool.close();
  }
}

// Pools kept by `nlp.startWorkers`, with what they were started for.
const KEPT = new WeakMap<PipeHost, { pool: WorkerPool; key: string }>();

// What a pool of `n` workers is good for: the pipeline's config and base directory, the modules and the memory limit.
function poolKey(nlp: PipeHost, n: number, modules: readonly string[], maxMB: number): string {
  return JSON.stringify([n, nlp.config, nlp.baseDir ?? null, modules, String(maxMB)]);
}

// The kept pool, when it was started for this call's pipeline, worker count, modules and memory limit and still works.
function keptPool(nlp: PipeHost, n: number, modules: readonly string[], maxMB: number): WorkerPool | undefined {
  const k = KEPT.get(nlp);
  return k && !k.pool.closed && k.key === poolKey(nlp, n, modules, maxMB) ? k.pool : undefined;
}

// `maxWorkerMemoryMB`: a positive number (Infinity: never replace a worker).
function checkMemoryLimit(maxMB: number): void {
  if (typeof maxMB !== 'number' || !(maxMB > 0)) throw new ArgumentError(`maxWorkerMemoryMB must be a positive number of MB, got ${String(maxMB)}`, { key: 'maxWorkerMemoryMB' });
}

// Starts `n` workers that build the pipeline (after importing `modules`); one past `maxMB` is replaced between batches.
function startPool(nlp: PipeHost, n: number, modules: readonly string[], maxMB: number): Promise<WorkerPool> {
  if (!Array.isArray(modules) || modules.some((m) => typeof m !== 'string' || !m)) throw new ArgumentError('modules must be a list of module paths or package names', { key: 'modules' });
  const objects = (nlp.config.components ?? []).filter((c) => c.factory === '(object)' && !c.disabled);
  if (objects.length) throw new ConfigError(`component "${objects[0]!.name}" was added as an object, which a worker cannot rebuild: register its factory (registerComponent) in a module, pass it as modules, and add it by factory name`, { key: objects[0]!.name });
  const data: PipeWorkerData = { task: 'pipe', config: nlp.config, baseDir: nlp.baseDir, modules: [...modules] };
  return WorkerPool.start({ script: workerUrl('workers/entry.js'), size: n, workerData: data, itemName: 'texts', maxMemory: maxMB * 2 ** 20 });
}

/** `nlp.startWorkers`: starts and keeps a pool (ending one kept before). */
export async function startPipeWorkers(nlp: PipeHost, nProcess: number, modules: readonly string[], maxMB: number): Promise<void> {
  const n = resolveThreads(nProcess, 'nProcess');
  checkMemoryLimit(maxMB);
  const key = poolKey(nlp, n, modules, maxMB);
  await closePipeWorkers(nlp);
  if (n === 1) return; // pipe with one process runs in this thread
  const pool = await startPool(nlp, n, modules, maxMB);
  KEPT.set(nlp, { pool, key });
}

/** `nlp.close`: ends the kept pool, if any. */
export async function closePipeWorkers(nlp: PipeHost): Promise<void> {
  const k = KEPT.get(nlp);
  KEPT.delete(nlp);
  if (k) await k.pool.close();
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

// The Node build's `pipe({ nProcess })` (imported for this side effect by `components/register.ts`).
setParallelPipe(pipeInWorkers as never, { start: startPipeWorkers as never, close: closePipeWorkers as never });
