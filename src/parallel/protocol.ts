/**
 * The messages between a {@link WorkerPool} and its workers, and how an error crosses the thread
 * boundary: a textloom error is sent as its code, detail and location and rebuilt as the same
 * class on the other side, with the index of the input item it failed on.
 */
import { ArgumentError, ConfigError, FormatError, IncompatibleError, NotFoundError, TextloomError, WorkerError, type ErrorLocation } from '../core/errors.js';

/** Main -> worker: one task; `first` is the input index of its first item. */
export interface TaskMessage {
  id: number;
  first: number;
  payload: unknown;
}

/** A serialized error: a textloom error's code, detail and location, or another error's name and message. */
export interface SentError {
  code: string | undefined;
  name: string;
  detail: string;
  where: ErrorLocation | undefined;
  /** Input index of the item that failed, when the task knows it. */
  item: number | undefined;
  stack: string | undefined;
}

/**
 * Worker -> main. A result carries the worker's memory in bytes (its V8 heap and the buffers it
 * holds) as the task ended, which the pool compares with its `maxMemory`.
 */
export type WorkerMessage = { type: 'ready' } | { type: 'setup-failed'; error: SentError } | { type: 'done'; id: number; result: unknown; memory: number } | { type: 'failed'; id: number; error: SentError };

const ITEM = Symbol.for('textloom.workerItem');

/**
 * Tags an error thrown by a task with the input index of the item it failed on (the pool names
 * it in the rebuilt error). Returns the error.
 */
export function atItem<E>(e: E, item: number): E {
  if (e && typeof e === 'object') (e as Record<symbol, unknown>)[ITEM] = item;
  return e;
}

/** The error as a message (worker side). */
export function sendError(e: unknown, item?: number): SentError {
  const tagged = e && typeof e === 'object' ? ((e as Record<symbol, unknown>)[ITEM] as number | undefined) : undefined;
  if (e instanceof TextloomError) return { code: e.code, name: e.name, detail: e.detail, where: e.where, item: tagged ?? item, stack: e.stack };
  const err = e instanceof Error ? e : new Error(String(e));
  return { code: undefined, name: err.name, detail: err.message, where: undefined, item: tagged ?? item, stack: err.stack };
}

const CLASSES: Record<string, new (message: string, where?: ErrorLocation) => TextloomError> = {
  E_CONFIG: ConfigError,
  E_FORMAT: FormatError,
  E_ARGUMENT: ArgumentError,
  E_NOT_FOUND: NotFoundError,
  E_INCOMPATIBLE: IncompatibleError,
};

/**
 * The error rebuilt on the main thread: the same textloom class with `itemName[item]: ` before
 * its detail, or a WorkerError for anything else (a bug or a non-textloom error in user code).
 */
export function receiveError(s: SentError, itemName: string): TextloomError {
  const at = s.item !== undefined ? `${itemName}[${s.item}]: ` : '';
  const Cls = s.code !== undefined ? CLASSES[s.code] : undefined;
  const e = Cls ? new Cls(at + s.detail, s.where) : new WorkerError(`${at}${s.code === undefined ? `${s.name}: ` : ''}${s.detail}`, s.item, s.where);
  if (s.stack) e.stack = `${e.name}: ${e.message}\n    (in a worker thread)\n${s.stack.split('\n').slice(1).join('\n')}`;
  return e;
}
