/**
 * The worker threads' one script: registers the built-in components, then serves the task its
 * `workerData.task` names (the modules below) until the pool ends it.
 */
import { workerData } from 'node:worker_threads';
import '../components/register.js';
import { serveTasks } from '../parallel/worker-host.js';

/** A task module: `setup` once per worker, `handle` per batch (see `parallel/worker-host.ts`). */
type TaskModule = { setup(data: unknown): unknown; handle(state: never, payload: unknown, first: number): unknown };

const TASKS: Record<string, () => Promise<TaskModule>> = {
  pipe: () => import('./pipe-task.js') as Promise<TaskModule>,
  index: () => import('./index-task.js') as Promise<TaskModule>,
  tfidf: () => import('./tfidf-task.js') as Promise<TaskModule>,
};

const name = (workerData as { task?: string } | null)?.task ?? '';
const load = TASKS[name];
if (!load) throw new Error(`unknown worker task "${name}"`);
const task = await load();
serveTasks(task.setup as never, task.handle as never);
