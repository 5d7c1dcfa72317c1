/**
 * The worker threads' one script: serves the task its `workerData.task` names (the modules below)
 * until the pool ends it. The `pipe` and `tfidf` tasks register every built-in component first;
 * the `index` task registers what its analyzers need (`index-task.ts`), which for the usual
 * analyzers (tokenizer and stemmer) is the small pure set, so its workers start sooner.
 */
import { workerData } from 'node:worker_threads';
import { serveTasks } from '../parallel/worker-host.js';
import { installTokenizerWarmUp } from '../tokenizer/warmup.js';

/** A task module: `setup` once per worker, `handle` per batch (see `parallel/worker-host.ts`). */
type TaskModule = { setup(data: unknown): unknown; handle(state: never, payload: unknown, first: number): unknown };

// Each worker compiles the tokenizer's hot functions once (see tokenizer/warmup.ts).
installTokenizerWarmUp();

const withAll = async (task: () => Promise<unknown>): Promise<TaskModule> => {
  await import('../components/register.js');
  return (await task()) as TaskModule;
};

const TASKS: Record<string, () => Promise<TaskModule>> = {
  pipe: () => withAll(() => import('./pipe-task.js')),
  index: () => import('./index-task.js') as Promise<TaskModule>,
  tfidf: () => withAll(() => import('./tfidf-task.js')),
};

const name = (workerData as { task?: string } | null)?.task ?? '';
const load = TASKS[name];
if (!load) throw new Error(`unknown worker task "${name}"`);
const task = await load();
serveTasks(task.setup as never, task.handle as never);
