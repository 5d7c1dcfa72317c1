/**
 * `nlp.pipe(texts, { nProcess })`: the texts annotated in this thread and `nProcess - 1` worker
 * threads (see {@link pipeInWorkers} for how the batches are shared). Each worker builds the
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
import { WorkerPool } from '../parallel/pool.js';
import { receiveError, sendError } from '../parallel/protocol.js';
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

/** Annotated batches this thread may hold ahead of a worker's batch that is not back yet. */
export const LOCAL_AHEAD = 8;

/**
 * Annotates `texts` with `nProcess` threads (0: every core): this thread and `nProcess - 1`
 * workers; yields Docs in input order. Batches go to the workers (two in flight each); this
 * thread annotates a batch itself whenever it would otherwise wait: while the workers load the
 * pipeline, and when the next batch in input order is still in a worker (then up to
 * {@link LOCAL_AHEAD} of its batches wait, annotated, for it). So the calling thread is never idle
 * while there is input, one isolate fewer starts and warms up, and its own batches are neither
 * packed nor rebuilt; a consumer that is slow per Doc leaves it less time, and the workers more.
 */
export async function* pipeInWorkers(nlp: PipeHost, texts: Iterable<string | Doc> | AsyncIterable<string | Doc>, o: { batchSize: number; nProcess: number; modules: readonly string[]; maxWorkerMemoryMB: number }): AsyncGenerator<Doc> {
  const n = resolveThreads(o.nProcess, 'nProcess');
  if (!Array.isArray(o.modules) || o.modules.some((m) => typeof m !== 'string' || !m)) throw new ArgumentError('modules must be a list of module paths or package names', { key: 'modules' });
  checkMemoryLimit(o.maxWorkerMemoryMB);
  const rehydrate = nlp.pipeNames.map((name) => nlp.getPipe(name)).filter((c) => typeof c.rehydrate === 'function');
  const batches = batchesOf(texts, o.batchSize)[Symbol.asyncIterator]();
  if (n === 1) {
    // One thread: this one, same batches.
    for (let b = await batches.next(); !b.done; b = await batches.next()) yield* nlp.processBatch(b.value.texts.map((t) => nlp.makeDoc(t)));
    return;
  }
  const kept = keptPool(nlp, n, o.modules, o.maxWorkerMemoryMB);
  let pool = kept;
  let startFailure: unknown;
  const starting = kept ? undefined : startPool(nlp, n - 1, o.modules, o.maxWorkerMemoryMB);
  starting?.then(
    (p) => (pool = p),
    (e: unknown) => (startFailure = e),
  );
  // The batches out, in input order: in a worker (`docs` set when it is back), or annotated here.
  type Out = { texts: string[]; docs: Doc[] | undefined; error: unknown; local: boolean; result?: Promise<unknown> };
  const out: Out[] = [];
  let inWorkers = 0;
  let localAhead = 0;
  let done = false;
  const limit = (n - 1) * 2;
  const next = async (): Promise<{ texts: string[]; first: number } | undefined> => {
    if (done) return undefined;
    const b = await batches.next();
    if (b.done) done = true;
    return b.done ? undefined : b.value;
  };
  try {
    for (;;) {
      if (startFailure !== undefined) throw startFailure;
      // Workers ready: keep each one's batches in flight.
      while (pool && !done && inWorkers < limit) {
        const b = await next();
        if (!b) break;
        const o: Out = { texts: b.texts, docs: undefined, error: undefined, local: false };
        inWorkers++;
        o.result = pool.run(b.texts, b.first).then(
          (packed) => {
            inWorkers--;
            try {
              const docs = unpackDocs(packed as PackedDocs, b.texts, nlp.vocab, (text, cap) => new Doc(nlp.vocab, text, cap));
              for (const d of docs) for (const c of rehydrate) c.rehydrate!(d);
              o.docs = docs;
            } catch (e) {
              o.error = e;
            }
          },
          (e: unknown) => {
            inWorkers--;
            o.error = e;
          },
        );
        out.push(o);
      }
      const head = out[0];
      if (head && (head.docs || head.error !== undefined)) {
        out.shift();
        if (head.local) localAhead--;
        if (head.error !== undefined) throw head.error;
        yield* head.docs!;
        continue;
      }
      // Nothing ready: annotate the next batch here (at once while no worker has it, or ahead).
      if (!done && (!head || localAhead < LOCAL_AHEAD)) {
        const b = await next();
        if (b) {
          const docs = annotateHere(nlp, b.texts, b.first);
          if (!head) yield* docs;
          else {
            out.push({ texts: b.texts, docs, error: undefined, local: true });
            localAhead++;
          }
          // Lets the workers' messages in before the next decision.
          await new Promise((resolve) => setImmediate(resolve));
          continue;
        }
      }
      if (!head) {
        if (done) break;
        continue;
      }
      if (head.result) await head.result;
      else await new Promise((resolve) => setImmediate(resolve));
    }
    // A worker that failed to set up fails the call, even when this thread annotated everything.
    await starting;
  } finally {
    if (!kept) {
      const p = pool ?? (await starting?.catch(() => undefined));
      await p?.close();
    }
  }
}

// A batch annotated in this thread; a failing text is named as a worker names it (`texts[12]: ...`).
function annotateHere(nlp: PipeHost, texts: string[], first: number): Doc[] {
  try {
    return nlp.processBatch(texts.map((t) => nlp.makeDoc(t)));
  } catch (e) {
    let failed: unknown = e;
    let at = first;
    for (let i = 0; i < texts.length; i++) {
      try {
        nlp.process(texts[i]!);
      } catch (e2) {
        failed = e2;
        at = first + i;
        break;
      }
    }
    const r = receiveError(sendError(failed, at), 'texts');
    if (failed instanceof Error && failed.stack) r.stack = `${r.name}: ${r.message}\n${failed.stack.split('\n').slice(1).join('\n')}`;
    throw r;
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
  // The calling thread is one of the n (see pipeInWorkers).
  const pool = await startPool(nlp, n - 1, modules, maxMB);
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
