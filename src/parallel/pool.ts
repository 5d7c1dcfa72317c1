/**
 * A pool of worker threads running one task script (see `worker-host.ts` for the worker side).
 * Tasks go to the least busy worker; {@link WorkerPool.map} streams results back in input
 * order with a bounded number in flight, so memory stays bounded whatever the input size.
 *
 * Failure is never a hang: a task's error is rethrown with the index of the input item it failed
 * on; a worker that crashes or exits fails every task it held, and every later one, with a
 * {@link WorkerError}. Workers are unref'd between calls, so an idle pool never keeps the
 * process alive; {@link WorkerPool.close} ends them.
 */
import { Worker, type ResourceLimits, type WorkerOptions } from 'node:worker_threads';
import { ArgumentError, WorkerError, type TextloomError } from '../core/errors.js';
import { receiveError, type TaskMessage, type WorkerMessage } from './protocol.js';

/** Options of {@link WorkerPool.start}. */
export interface PoolOptions {
  /** The worker script (see `worker-url.ts`). */
  script: URL;
  /** Number of workers, >= 1. */
  size: number;
  /** Passed to each worker's setup (structured-cloned). */
  workerData?: unknown;
  /** How errors name an input item: `texts` gives `texts[12]: ...` (default `items`). */
  itemName?: string;
  /** Tasks in flight per worker during {@link WorkerPool.map} (default 2: one running, one queued). */
  depth?: number;
  /** Each worker's heap limits (Node's defaults when omitted). */
  resourceLimits?: ResourceLimits;
}

/** One task for {@link WorkerPool.map}: its payload, the input index of its first item, buffers to transfer. */
export interface Task {
  payload: unknown;
  first: number;
  transfer?: ArrayBuffer[];
}

interface Pending {
  first: number;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: Map<number, Pending>;
}

/** A started pool of worker threads. */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private nextId = 0;
  private failure: TextloomError | undefined;
  private closing = false;
  private readonly itemName: string;
  private readonly depth: number;

  private constructor(o: PoolOptions) {
    this.itemName = o.itemName ?? 'items';
    this.depth = o.depth ?? 2;
  }

  /**
   * Starts `size` workers and waits until each has run its setup. A setup error (a bad pipeline
   * config in the worker) is rethrown as its textloom class, after all workers are ended.
   * @example const pool = await WorkerPool.start({ script: workerUrl('workers/entry.js'), size: 2, workerData }); ... await pool.close();
   */
  static async start(o: PoolOptions): Promise<WorkerPool> {
    if (!Number.isInteger(o.size) || o.size < 1) throw new ArgumentError(`a worker pool needs at least one worker, got ${o.size}`, { key: 'size' });
    const pool = new WorkerPool(o);
    const ready = Array.from({ length: o.size }, () => pool.spawn(o));
    try {
      await Promise.all(ready);
    } catch (e) {
      await pool.close();
      throw e;
    }
    pool.idle();
    return pool;
  }

  /** Whether the pool can take no more tasks (closed, or a worker died). */
  get closed(): boolean {
    return this.closing || this.failure !== undefined;
  }

  /** Number of workers. */
  get size(): number {
    return this.slots.length;
  }

  private spawn(o: PoolOptions): Promise<void> {
    const worker = startWorker(o.script, { workerData: o.workerData, ...(o.resourceLimits ? { resourceLimits: o.resourceLimits } : {}) });
    const slot: Slot = { worker, busy: new Map() };
    this.slots.push(slot);
    const n = this.slots.length - 1;
    return new Promise<void>((resolveReady, rejectReady) => {
      let started = false;
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'ready') {
          started = true;
          resolveReady();
        } else if (m.type === 'setup-failed') rejectReady(receiveError(m.error, this.itemName));
        else {
          const p = slot.busy.get(m.id);
          if (!p) return;
          slot.busy.delete(m.id);
          if (!slot.busy.size) this.idle();
          if (m.type === 'done') p.resolve(m.result);
          else p.reject(receiveError(m.error, this.itemName));
        }
      });
      const die = (why: string) => {
        if (this.closing) return;
        const held = [...slot.busy.values()].map((p) => p.first);
        const first = held.length ? Math.min(...held) : undefined;
        const e = new WorkerError(`worker ${n} ${why}${first !== undefined ? ` while processing ${this.itemName}[${first}]` : ''}; the call is aborted`, first);
        this.failure ??= e;
        if (!started) rejectReady(e);
        for (const p of slot.busy.values()) p.reject(e);
        slot.busy.clear();
        // The other workers' tasks are abandoned with the call: end them too.
        void this.close();
      };
      worker.on('error', (err) => die(`crashed (${err instanceof Error ? err.message : String(err)})`));
      worker.on('messageerror', (err) => die(`sent a message that could not be read (${err.message})`));
      worker.on('exit', (code) => die(`exited with code ${code}`));
    });
  }

  // Idle workers must not keep the process alive.
  private idle(): void {
    for (const s of this.slots) if (!s.busy.size) s.worker.unref();
  }

  /**
   * Runs one task on the least busy worker; resolves with its result. `first` is the input index
   * of the task's first item (named in errors).
   */
  run(payload: unknown, first: number, transfer?: ArrayBuffer[]): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closing || !this.slots.length) return Promise.reject(new WorkerError('the worker pool is closed'));
    let slot = this.slots[0]!;
    for (const s of this.slots) if (s.busy.size < slot.busy.size) slot = s;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.busy.set(id, { first, resolve, reject });
      slot.worker.ref();
      const m: TaskMessage = { id, first, payload };
      try {
        slot.worker.postMessage(m, transfer);
      } catch (e) {
        slot.busy.delete(id);
        reject(new WorkerError(`${this.itemName}[${first}]: cannot be sent to a worker: ${(e as Error).message}`, first));
      }
    });
  }

  /**
   * Runs a stream of tasks and yields their results in input order, with at most `size x depth`
   * tasks in flight (the source is read only as results are taken). The first error in input
   * order ends the stream.
   */
  async *map(tasks: Iterable<Task> | AsyncIterable<Task>): AsyncGenerator<unknown> {
    const it = Symbol.asyncIterator in tasks ? (tasks as AsyncIterable<Task>)[Symbol.asyncIterator]() : (tasks as Iterable<Task>)[Symbol.iterator]();
    const queue: Promise<unknown>[] = [];
    let done = false;
    const limit = this.slots.length * this.depth;
    while (true) {
      while (!done && queue.length < limit) {
        const n = await it.next();
        if (n.done) done = true;
        else {
          const p = this.run(n.value.payload, n.value.first, n.value.transfer);
          p.catch(() => {}); // rethrown in order when its turn comes
          queue.push(p);
        }
      }
      if (!queue.length) return;
      yield await queue.shift()!;
    }
  }

  /** Ends the workers; tasks still running are rejected with a WorkerError. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    const closed = new WorkerError('the worker pool was closed');
    for (const s of this.slots) {
      for (const p of s.busy.values()) p.reject(this.failure ?? closed);
      s.busy.clear();
    }
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

/**
 * The parent's Node flags a worker starts with, less those only a main script takes (`-e` /
 * `--eval`, `-p` / `--print` with their code, `--input-type`): a worker given them fails to start.
 */
export function workerExecArgv(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const f = argv[i]!;
    if (f === '-e' || f === '--eval' || f === '-p' || f === '--print' || f === '--input-type') i++;
    else if (!/^--(input-type|eval|print)=/.test(f)) out.push(f);
  }
  return out;
}

/** Flags of this process that a worker refused (V8 options): left out of every later worker's. */
const refusedFlags = new Set<string>();

/**
 * A worker started with the parent's flags (`workerExecArgv`). Node refuses V8 options such as
 * `--expose-gc` or `--max-old-space-size=N` in a worker's flags (they are process-wide, so they
 * apply to the worker anyway): the refused ones, which Node's error names, are dropped and the
 * worker started again.
 */
export function startWorker(script: string | URL, options: Omit<WorkerOptions, 'execArgv'>): Worker {
  for (;;) {
    const execArgv = workerExecArgv(process.execArgv).filter((f) => !refusedFlags.has(f));
    try {
      return new Worker(script, { ...options, execArgv });
    } catch (e) {
      const refused = (e as { code?: string }).code === 'ERR_WORKER_INVALID_EXEC_ARGV' ? refusedIn((e as Error).message) : [];
      // Unknown names, or names already dropped: retrying would not help.
      if (!refused.length || refused.some((f) => refusedFlags.has(f) || !execArgv.includes(f))) throw e;
      for (const f of refused) refusedFlags.add(f);
    }
  }
}

/** The flags named by Node's "Initiated Worker with invalid execArgv flags: a, b". */
function refusedIn(message: string): string[] {
  const at = message.lastIndexOf('flags: ');
  return at < 0 ? [] : message.slice(at + 'flags: '.length).split(', ').filter((f) => f.length > 0);
}

