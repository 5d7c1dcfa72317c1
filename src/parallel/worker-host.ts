/**
 * The worker side of a {@link WorkerPool}: runs `setup` once on the worker's data (loading a
 * pipeline, building analyzers), says ready, then answers each task in arrival order with
 * `handle`'s result, its buffers transferred rather than copied, and its memory (for the pool's
 * `maxMemory`). An error is sent back as a
 * message (see `protocol.ts`), never left to kill the thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { sendError, type TaskMessage, type WorkerMessage } from './protocol.js';

/**
 * This worker's memory in bytes: its V8 heap and the memory outside it that its objects hold
 * (typed arrays' buffers, which is where textloom's caches live), both this thread's own. The
 * process's RSS would count every thread.
 */
export function workerMemory(): number {
  const m = process.memoryUsage();
  return m.heapTotal + m.external;
}

/** What a task handler returns: the result and the buffers to transfer with it. */
export interface TaskResult {
  result: unknown;
  transfer?: ArrayBuffer[];
}

/**
 * Serves tasks in this worker thread.
 * @param setup called once with `workerData`; its value is the handler's state.
 * @param handle answers one task: its payload and the input index of its first item.
 */
export function serveTasks<S>(setup: (data: unknown) => S | Promise<S>, handle: (state: S, payload: unknown, first: number) => TaskResult | Promise<TaskResult>): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs in a worker thread');
  const post = (m: WorkerMessage, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer);
  let chain: Promise<unknown> = Promise.resolve();
  let state: S;
  // Tasks may arrive before setup finishes: they wait on the same chain.
  chain = (async () => {
    try {
      state = await setup(workerData);
      post({ type: 'ready' });
    } catch (e) {
      post({ type: 'setup-failed', error: sendError(e) });
    }
  })();
  port.on('message', (m: TaskMessage) => {
    chain = chain.then(async () => {
      try {
        const r = await handle(state, m.payload, m.first);
        post({ type: 'done', id: m.id, result: r.result, memory: workerMemory() }, r.transfer);
      } catch (e) {
        post({ type: 'failed', id: m.id, error: sendError(e, m.first) });
      }
    });
  });
}
