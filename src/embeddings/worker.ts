/**
 * Hogwild training threads: worker_threads that share the weight matrices (SharedArrayBuffers)
 * and each run {@link trainBatch} on the batches the main thread streams to them, with their own
 * LCG and scratch buffers. Updates race without locks, as in word2vec.c's pthreads.
 */
import { Worker } from 'node:worker_threads';
import { lcgNext, trainBatch, type KernelOps } from './kernel.js';
import type { WasmMemory, WasmModule } from './wasm/vecops.js';

/** The shared and per-thread data one worker needs (all typed arrays over SharedArrayBuffers where shared). */
export interface WorkerInit {
  /** The shared weight memory and the compiled vecops module. */
  memory: WasmMemory;
  module: WasmModule;
  syn0B: number;
  syn1B: number;
  syn1negB: number;
  /** This thread's scratch vectors (byte offsets into memory). */
  neu1B: number;
  neu1eB: number;
  expTable: Float32Array;
  table: Int32Array;
  codes: Uint8Array;
  points: Int32Array;
  codeStart: Int32Array;
  sampleRan: Float32Array;
  dim: number;
  window: number;
  negative: number;
  hs: number;
  sg: number;
  cbowMean: number;
  vocabSize: number;
  tableSize: number;
  sample: number;
  maxSentenceLength: number;
  /** Initial LCG state [lo, hi]. */
  rng: [number, number];
}

// Runs inside the worker (shipped as source text with the kernel functions).
function workerMain(): void {
  const { parentPort, workerData } = require('node:worker_threads');
  const d = workerData;
  const WA = (globalThis as unknown as { WebAssembly: { Instance: new (m: unknown, i: object) => { exports: unknown } } }).WebAssembly;
  const ops = new WA.Instance(d.module, { env: { memory: d.memory } }).exports as KernelOps;
  const st = {
    ops,
    syn0B: d.syn0B,
    syn1B: d.syn1B,
    syn1negB: d.syn1negB,
    neu1B: d.neu1B,
    neu1eB: d.neu1eB,
    neu1: new Float32Array(d.memory.buffer, d.neu1B, d.dim),
    neu1e: new Float32Array(d.memory.buffer, d.neu1eB, d.dim),
    expTable: d.expTable,
    table: d.table,
    codes: d.codes,
    points: d.points,
    codeStart: d.codeStart,
    sampleRan: d.sampleRan,
    sen: new Int32Array(d.maxSentenceLength),
    rng: new Uint32Array(d.rng),
    dim: d.dim,
    window: d.window,
    negative: d.negative,
    hs: d.hs,
    sg: d.sg,
    cbowMean: d.cbowMean,
    vocabSize: d.vocabSize,
    tableSize: d.tableSize,
    sample: d.sample,
  };
  // The kernel is reached through a global: a direct reference would be an import binding, which
  // bundlers (vitest) rewrite into a name that does not exist in the worker.
  const train = (globalThis as unknown as { __textloomTrainBatch: typeof trainBatch }).__textloomTrainBatch;
  parentPort.on('message', (m: { words: Int32Array; lens: Int32Array; n: number; alpha: number; alphaFirst: number }) => {
    const kept = train(st, m.words, m.lens, m.n, m.alpha, m.alphaFirst);
    parentPort.postMessage({ kept, words: m.words, lens: m.lens }, [m.words.buffer, m.lens.buffer]);
  });
}

const SOURCE = `${lcgNext.toString()}\n${trainBatch.toString()}\nglobalThis.__textloomTrainBatch = ${trainBatch.name};\n(${workerMain.toString()})();\n`;

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
