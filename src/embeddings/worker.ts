/**
 * Hogwild training threads: worker_threads that share the training memory (weights and tables in
 * one shared WebAssembly memory) and each run the same kernel as the calling thread
 * ({@link startTrainer} / {@link trainBatch}) on the batches the main thread streams to them, with
 * their own LCG and scratch. Updates race without locks, as in word2vec.c's pthreads.
 */
import { Worker } from 'node:worker_threads';
import { startTrainer, trainBatch, type TrainerInit } from './kernel.js';
import type { WasmMemory, WasmModule } from '../ann/wasm/vecops.js';

/** What one worker needs: the shared memory, the compiled kernel and its thread's init. */
export interface WorkerInit {
  memory: WasmMemory;
  module: WasmModule;
  init: TrainerInit;
}

// Runs inside the worker (shipped as source text with the kernel functions).
function workerMain(): void {
  const { parentPort, workerData } = require('node:worker_threads');
  const d = workerData as WorkerInit;
  // The kernel is reached through globals: a direct reference would be an import binding, which
  // bundlers (vitest) rewrite into a name that does not exist in the worker.
  const g = globalThis as unknown as { WebAssembly: never; __textloomStartTrainer: typeof startTrainer; __textloomTrainBatch: typeof trainBatch };
  const k = g.__textloomStartTrainer(g.WebAssembly, d.memory, d.module, d.init);
  const train = g.__textloomTrainBatch;
  parentPort.on('message', (m: { words: Int32Array; lens: Int32Array; n: number; alpha: number; alphaFirst: number }) => {
    const kept = train(k, m.words, m.lens, m.n, m.alpha, m.alphaFirst);
    parentPort.postMessage({ kept, words: m.words, lens: m.lens }, [m.words.buffer, m.lens.buffer]);
  });
}

const SOURCE = [
  `globalThis.__textloomStartTrainer = ${startTrainer.toString()};`,
  `globalThis.__textloomTrainBatch = ${trainBatch.toString()};`,
  `(${workerMain.toString()})();`,
].join('\n');

/** A batch handed back by a worker, with its buffers for reuse. */
interface Done {
  kept: number;
  words: Int32Array;
  lens: Int32Array;
}

/**
 * A pool of training workers. `submit` resolves once the batch is queued (waiting while every
 * worker already has `depth` batches in flight); `drain` waits for all of them.
 */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly inFlight: number[] = [];
  private waiters: (() => void)[] = [];
  private failure: Error | undefined;
  /** Words kept after subsampling, summed over finished batches. */
  kept = 0;
  /** Returned buffers, reused by the batcher. */
  readonly free: { words: Int32Array; lens: Int32Array }[] = [];

  constructor(inits: WorkerInit[], private readonly depth = 2) {
    for (const init of inits) {
      const w = new Worker(SOURCE, { eval: true, workerData: init });
      const i = this.workers.length;
      this.workers.push(w);
      this.inFlight.push(0);
      w.on('message', (m: Done) => {
        this.inFlight[i]!--;
        this.kept += m.kept;
        this.free.push({ words: m.words, lens: m.lens });
        this.wake();
      });
      w.on('error', (e) => {
        this.failure = e instanceof Error ? e : new Error(String(e));
        this.wake();
      });
    }
  }

  private wake(): void {
    const ws = this.waiters;
    this.waiters = [];
    for (const f of ws) f();
  }

  private async waitFor(pred: () => boolean): Promise<void> {
    while (!pred()) {
      if (this.failure) throw this.failure;
      await new Promise<void>((r) => this.waiters.push(r));
    }
    if (this.failure) throw this.failure;
  }

  /** Sends a batch (its buffers are transferred) to the least-loaded worker; see {@link trainBatch} for the two rates. */
  async submit(words: Int32Array, lens: Int32Array, n: number, alpha: number, alphaFirst = alpha): Promise<void> {
    await this.waitFor(() => this.inFlight.some((c) => c < this.depth));
    let best = 0;
    for (let i = 1; i < this.workers.length; i++) if (this.inFlight[i]! < this.inFlight[best]!) best = i;
    this.inFlight[best]!++;
    this.workers[best]!.postMessage({ words, lens, n, alpha, alphaFirst }, [words.buffer as ArrayBuffer, lens.buffer as ArrayBuffer]);
  }

  /** Waits until every submitted batch is done. */
  async drain(): Promise<void> {
    await this.waitFor(() => this.inFlight.every((c) => c === 0));
  }

  /** Terminates the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
