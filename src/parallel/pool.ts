/**
 * A pool of worker threads running one task script (see `worker-host.ts` for the worker side).
 * Tasks go to the least busy worker; {@link WorkerPool.map} streams results back in input
 * order with a bounded number in flight, so memory stays bounded whatever the input size.
 *
 * Failure is never a hang: a task's error is rethrown with the index of the input item it failed
 * on; a worker that crashes or exits fails every task it held, and every later one, with a
 * {@link WorkerError}. Workers are unref'd between calls, so an idle pool never keeps the
 * process alive; {@link WorkerPool.close} ends them.
 *
 * With `maxMemory`, a worker whose memory (its V8 heap and the buffers it holds, which it reports
 * with each result) has passed the limit gets no more tasks: it is ended as soon as the tasks it
 * holds are done and a fresh worker takes its place (as Python's `maxtasksperchild`, by memory),
 * so a worker whose caches grow with its input stays bounded whatever the input size. Tasks for
 * the fresh worker wait until the old one has ended, so the two never hold memory at once.
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
  /**
   * Bytes of heap and buffers past which a worker is replaced by a fresh one between tasks
   * (default: never).
   */
  maxMemory?: number;
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
  /** Undefined until the worker it replaces has ended. */
  worker: Worker | undefined;
  /** Tasks sent before `worker` exists. */
  queue: [TaskMessage, ArrayBuffer[] | undefined][];
  busy: Map<number, Pending>;
  /** Past the memory limit: takes no more tasks, ended when `busy` empties. */
  retiring: boolean;
  /** Being terminated on purpose (its exit is no failure). */
  ended: boolean;
  /** Called once a retired worker has exited. */
  onEnd?: () => void;
}

/** A started pool of worker threads. */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private nextId = 0;
  private failure: TextloomError | undefined;
  private closing = false;
  private readonly itemName: string;
  private readonly depth: number;
  private readonly maxMemory: number;
  private readonly retired: Slot[] = [];
  private replaced = 0;

  private constructor(private readonly options: PoolOptions) {
    this.itemName = options.itemName ?? 'items';
    this.depth = options.depth ?? 2;
    const m = options.maxMemory ?? Infinity;
    if (!(m > 0)) throw new ArgumentError(`a worker's memory limit must be a positive number of bytes, got ${m}`, { key: 'maxMemory' });
    this.maxMemory = m;
  }

  /**
   * Starts `size` workers and waits until each has run its setup. A setup error (a bad pipeline
   * config in the worker) is rethrown as its textloom class, after all workers are ended.
   * @example const pool = await WorkerPool.start({ script: workerUrl('workers/entry.js'), size: 2, workerData }); ... await pool.close();
   */
  static async start(o: PoolOptions): Promise<WorkerPool> {
    if (!Number.isInteger(o.size) || o.size < 1) throw new ArgumentError(`a worker pool needs at least one worker, got ${o.size}`, { key: 'size' });
    const pool = new WorkerPool(o);
    const ready = Array.from({ length: o.size }, (_, i) => pool.spawn(i));
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

  /** Workers replaced so far for passing `maxMemory`. */
  get replacedWorkers(): number {
    return this.replaced;
  }

  // Starts worker `n` in slot `n` (replacing the one there) once `after` settles; resolves when its setup is done.
  private spawn(n: number, after?: Promise<void>): Promise<void> {
    const o = this.options;
    const slot: Slot = { worker: undefined, queue: [], busy: new Map(), retiring: false, ended: false };
    this.slots[n] = slot;
    return new Promise<void>((resolveReady, rejectReady) => {
      let started = false;
      const listen = (worker: Worker) => {
        worker.on('message', (m: WorkerMessage) => {
          if (m.type === 'ready') {
            started = true;
            resolveReady();
          } else if (m.type === 'setup-failed') rejectReady(receiveError(m.error, this.itemName));
          else {
            const p = slot.busy.get(m.id);
            if (!p) return;
            slot.busy.delete(m.id);
            if (m.type === 'done' && m.memory > this.maxMemory && !slot.retiring && !this.closed) this.retire(n, slot);
            if (slot.retiring && !slot.busy.size) this.end(slot);
            if (!slot.busy.size) this.idle();
            if (m.type === 'done') p.resolve(m.result);
            else p.reject(receiveError(m.error, this.itemName));
          }
        });
        const die = (why: string) => {
          if (this.closing || slot.ended) return;
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
      };
      const begin = () => {
        const worker = startWorker(o.script, { workerData: o.workerData, ...(o.resourceLimits ? { resourceLimits: o.resourceLimits } : {}) });
        slot.worker = worker;
        listen(worker);
        for (const [m, transfer] of slot.queue) this.post(slot, m, transfer);
        slot.queue = [];
        // A replacement with nothing to do must not hold the process (a first start is awaited by start()).
        if (after && !slot.busy.size) worker.unref();
      };
      if (after) void after.then(() => (this.closing ? rejectReady(new WorkerError('the worker pool was closed')) : begin()));
      else begin();
    });
  }

  // Sends a task to a started worker; a task that cannot be cloned fails alone.
  private post(slot: Slot, m: TaskMessage, transfer: ArrayBuffer[] | undefined): void {
    try {
      slot.worker!.postMessage(m, transfer);
    } catch (e) {
      const p = slot.busy.get(m.id);
      slot.busy.delete(m.id);
      p?.reject(new WorkerError(`${this.itemName}[${m.first}]: cannot be sent to a worker: ${(e as Error).message}`, m.first));
    }
  }

  // Idle workers must not keep the process alive.
  private idle(): void {
    for (const s of this.slots) if (!s.busy.size) s.worker?.unref();
  }

  // Worker `n` passed the memory limit: it finishes the tasks it holds, then ends; a fresh worker
  // takes slot `n` now, started once the old one has exited (tasks sent to it wait in its queue).
  private retire(n: number, slot: Slot): void {
    slot.retiring = true;
    this.retired.push(slot);
    this.replaced++;
    const ended = new Promise<void>((resolve) => (slot.onEnd = resolve));
    this.spawn(n, ended).catch((e: TextloomError) => {
      // A setup that worked once failing now (a file gone): the call fails, as any worker failure.
      if (this.closing) return;
      this.failure ??= e;
      for (const s of this.slots) for (const p of s.busy.values()) p.reject(e);
      void this.close();
    });
    this.idle();
  }

  private end(slot: Slot): void {
    slot.ended = true;
    this.retired.splice(this.retired.indexOf(slot), 1);
    const done = () => slot.onEnd?.();
    slot.worker!.terminate().then(done, done);
  }

  /**
   * Runs one task on the least busy worker; resolves with its result. `first` is the input index
   * of the task's first item (named in errors).
   */
  run(payload: unknown, first: number, transfer?: ArrayBuffer[]): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closing || !this.slots.length) return Promise.reject(new WorkerError('the worker pool is closed'));
    // The least busy worker (a retiring worker is no longer in `slots`).
    let slot = this.slots[0]!;
    for (const s of this.slots) if (s.busy.size < slot.busy.size) slot = s;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.busy.set(id, { first, resolve, reject });
      const m: TaskMessage = { id, first, payload };
      if (!slot.worker) slot.queue.push([m, transfer]);
      else {
        slot.worker.ref();
        this.post(slot, m, transfer);
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
    const all = [...this.slots, ...this.retired];
    for (const s of all) {
      for (const p of s.busy.values()) p.reject(this.failure ?? closed);
      s.busy.clear();
    }
    await Promise.all(all.map((s) => s.worker?.terminate()));
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

